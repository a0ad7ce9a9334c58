"""People: citizens and staff. Staff roles are held per unit (StaffRole)."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

cccd_validator = RegexValidator(
    r"^\d{12}$", _("Số CCCD gồm đúng 12 chữ số."), code="invalid_cccd"
)
phone_validator = RegexValidator(
    r"^0\d{9,10}$", _("Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0."), code="invalid_phone"
)


class User(AbstractUser):
    """A person who signs in: a citizen, an officer, or both."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    cccd = models.CharField(
        _("số CCCD"), max_length=12, null=True, blank=True, validators=[cccd_validator]
    )
    phone = models.CharField(
        _("số điện thoại"), max_length=11, null=True, blank=True, validators=[phone_validator]
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.UniqueConstraint(fields=["cccd"], condition=Q(cccd__isnull=False),
                                    name="user_cccd_unique"),
            models.UniqueConstraint(fields=["phone"], condition=Q(phone__isnull=False),
                                    name="user_phone_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

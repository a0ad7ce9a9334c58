"""API tokens for staff and integrations (`Authorization: Bearer <token>`).

Only the token's SHA-256 is stored: a stolen database copy gives no usable token. The token
itself is shown once, when it is created (`manage.py api_token_create`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens", verbose_name=_("người dùng"))
    name = models.CharField(_("tên"), max_length=100,
                            help_text=_("Dùng để làm gì, ví dụ: kết nối bưu điện tỉnh."))
    key_hash = models.CharField(_("mã băm SHA-256"), max_length=64, unique=True, editable=False)
    # The first characters, to tell tokens apart in lists without storing the secret.
    prefix = models.CharField(_("tiền tố"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), editable=False)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

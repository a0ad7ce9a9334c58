"""Agencies (cơ quan, đơn vị) as a tree of units whose levels are data.

Since 1 July 2025 Vietnam has two tiers of local government (province, commune) and the district
level is gone (DOMAIN.md §0.1). Levels and units therefore carry validity dates and successor
links, so a dossier received by a district in 2024 keeps its original unit.
"""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AdministrativeLevel(models.Model):
    """A tier of government (cấp tỉnh, cấp huyện, cấp xã), valid for a period."""

    code = models.SlugField(_("mã cấp"), max_length=20, unique=True)
    name = models.CharField(_("tên cấp"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    rank = models.PositiveSmallIntegerField(
        _("thứ bậc"), help_text=_("1 = cao nhất (tỉnh); số lớn hơn = cấp dưới")
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["rank"]
        verbose_name = _("cấp hành chính")
        verbose_name_plural = _("cấp hành chính")

    def __str__(self) -> str:
        return self.name


class UnitQuerySet(models.QuerySet):
    def valid_on(self, day: date) -> "UnitQuerySet":
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class Unit(models.Model):
    """An agency or unit: a province, a commune, a department of the province, a legacy district.

    `code` is the electronic identifier (mã định danh điện tử, TT 10/2016/TT-BTTTT) used as the
    first part of dossier codes (DOMAIN.md §8), e.g. `000.00.06.H56`.
    """

    code = models.CharField(_("mã định danh"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    level = models.ForeignKey(
        AdministrativeLevel, on_delete=models.PROTECT, related_name="units", verbose_name=_("cấp")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    is_sample = models.BooleanField(
        _("dữ liệu mẫu"), default=False, help_text=_("Đơn vị tạo cho bản trình diễn.")
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["level__rank", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Department(models.Model):
    """A department (phòng ban) of a unit; one of them may be its one-stop desk (Bộ phận Một cửa)."""

    class Kind(models.TextChoices):
        ONE_STOP_DESK = "desk", _("Bộ phận Một cửa")
        SPECIALIST = "specialist", _("Phòng chuyên môn")
        LEADERSHIP = "leadership", _("Lãnh đạo")

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="departments", verbose_name=_("đơn vị")
    )
    code = models.SlugField(_("mã phòng ban"), max_length=40)
    name = models.CharField(_("tên phòng ban"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind, default=Kind.SPECIALIST)

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("phòng ban")
        verbose_name_plural = _("phòng ban")
        constraints = [
            models.UniqueConstraint(fields=["unit", "code"], name="department_code_unique_in_unit"),
            # A unit has one one-stop desk at most (Decree 118/2025 Art. 7: one BPMC per unit).
            models.UniqueConstraint(
                fields=["unit"], condition=Q(kind="desk"), name="one_desk_per_unit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.unit}"

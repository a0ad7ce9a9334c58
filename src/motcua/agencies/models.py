"""Agencies (cơ quan, đơn vị) as a tree of units whose levels are data.

Since 1 July 2025 Vietnam has two tiers of local government (province, commune) and the district
level is gone (DOMAIN.md §0.1). Levels and units therefore carry validity dates and successor
links, so a dossier received by a district in 2024 keeps its original unit.

Writes go through `motcua.agencies.services` only: `Unit.path` is derived data that the services
keep in step with `parent` and `code` (see `Unit.path`).
"""

from datetime import date

from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Concat
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from motcua.agencies.identifiers import unit_identifier_validator

PATH_SEPARATOR = "/"


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

    @property
    def display_name(self) -> str:
        """The name in the interface's language: the English one when chosen and recorded."""
        if self.name_en and get_language() == "en":
            return self.name_en
        return self.name

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


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

    class Kind(models.TextChoices):
        # The territorial government of a province, district or commune (UBND).
        COMMITTEE = "committee", _("Ủy ban nhân dân")
        # A specialised agency of a committee (Sở at province level, Phòng at district level).
        AGENCY = "agency", _("Cơ quan chuyên môn")
        # Trung tâm Phục vụ hành chính công (Decree 118/2025): receives dossiers for the agencies.
        SERVICE_CENTRE = "service_centre", _("Trung tâm Phục vụ hành chính công")

    code = models.CharField(
        _("mã định danh"), max_length=40, unique=True, validators=[unit_identifier_validator]
    )
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind, default=Kind.COMMITTEE)
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
    # Materialised path: the identifiers from the root down to this unit, "/A/B/C/". It turns
    # "the whole subtree" into one indexed prefix query (`path LIKE '/A/B/%'`) and "all
    # ancestors" into no query at all, on SQLite and PostgreSQL alike. The tree changes a few
    # times a decade (a reorganisation creates new units rather than moving old ones), so the
    # cost of rewriting a subtree's paths on a move is irrelevant next to the reads: every access
    # check with a descendant scope uses it.
    path = models.CharField(_("đường dẫn cây"), max_length=255, editable=False)
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
        indexes = [
            # varchar_pattern_ops lets PostgreSQL use the index for LIKE 'prefix%' whatever the
            # database collation; other databases ignore the operator class.
            models.Index(fields=["path"], name="unit_path_idx", opclasses=["varchar_pattern_ops"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_period_ordered",
            ),
            # A unit saved without going through the services fails here instead of silently
            # widening someone's access scope (an empty path is a prefix of every path).
            models.CheckConstraint(
                condition=Q(path__startswith=PATH_SEPARATOR)
                & Q(path__endswith=Concat(F("code"), Value(PATH_SEPARATOR))),
                name="unit_path_ends_with_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def ancestor_codes(self) -> list[str]:
        """Identifiers of the ancestors, root first, read from the path (no query)."""
        return self.path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR)[:-1]

    @property
    def depth(self) -> int:
        """0 for a root unit."""
        return len(self.ancestor_codes)


class Department(models.Model):
    """A department (phòng ban) of a unit; one of them may be its one-stop desk
    (Bộ phận Một cửa)."""

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

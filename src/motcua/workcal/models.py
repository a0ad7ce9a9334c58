"""The working calendar as data: special days and working sessions, national or per unit.

Only the inputs live here; the arithmetic is the pure engine (`motcua.workcal.engine`).
Writes go through `motcua.workcal.services`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.workcal.engine import MAX_YEAR, MIN_YEAR, CalendarError, Session, WeekSchedule
from motcua.workcal.engine import DayKind as EngineDayKind
from motcua.workcal.engine import DaySource as EngineDaySource
from motcua.workcal.messages import error_message


class DayKind(models.TextChoices):
    # Values are the engine's `DayKind` values (a test keeps them equal).
    HOLIDAY = EngineDayKind.HOLIDAY.value, _("ngày lễ, Tết")
    COMPENSATORY = EngineDayKind.COMPENSATORY.value, _("nghỉ bù")
    SWAPPED_OFF = EngineDayKind.SWAPPED_OFF.value, _("nghỉ hoán đổi")
    MAKEUP_WORKDAY = EngineDayKind.MAKEUP_WORKDAY.value, _("làm bù")


class DaySource(models.TextChoices):
    ANNOUNCED = EngineDaySource.ANNOUNCED.value, _("thông báo hằng năm (dữ liệu kèm theo)")
    GENERATED = EngineDaySource.GENERATED.value, _("tính theo Bộ luật Lao động")
    ADMIN = EngineDaySource.ADMIN.value, _("quản trị viên nhập")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Thứ Hai")
    TUESDAY = 1, _("Thứ Ba")
    WEDNESDAY = 2, _("Thứ Tư")
    THURSDAY = 3, _("Thứ Năm")
    FRIDAY = 4, _("Thứ Sáu")
    SATURDAY = 5, _("Thứ Bảy")
    SUNDAY = 6, _("Chủ nhật")


class CalendarDay(models.Model):
    """A day that is not an ordinary one: a day off, or a weekend day worked in exchange.

    National when `unit` is empty; a unit's own row overrides the national one on that date.
    """

    date = models.DateField(_("ngày"))
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_days",
        verbose_name=_("đơn vị"),
        help_text=_("Để trống nếu áp dụng cho cả nước."),
    )
    kind = models.CharField(_("loại ngày"), max_length=20, choices=DayKind)
    name = models.CharField(_("tên ngày"), max_length=200)
    legal_ref = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True)
    verified = models.BooleanField(
        _("đã xác minh"),
        default=True,
        help_text=_("Bỏ chọn nếu ngày này chưa được văn bản chính thức xác nhận."),
    )
    source = models.CharField(_("nguồn"), max_length=20, choices=DaySource, default=DaySource.ADMIN)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    class Meta:
        ordering = ["date", "unit_id"]
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù")
        constraints = [
            # One row per date nationally and per date for each unit (two partial indexes: a
            # plain unique (unit, date) would let NULL units repeat a date).
            models.UniqueConstraint(
                fields=["date"], condition=Q(unit__isnull=True), name="calendar_day_national_unique"
            ),
            models.UniqueConstraint(
                fields=["unit", "date"],
                condition=Q(unit__isnull=False),
                name="calendar_day_unit_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DayKind.values), name="calendar_day_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=DaySource.values), name="calendar_day_source_valid"
            ),
        ]
        indexes = [models.Index(fields=["unit", "date"], name="calendar_day_unit_date")]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.name}"

    def clean(self) -> None:
        if self.date and not MIN_YEAR <= self.date.year <= MAX_YEAR:
            raise ValidationError(
                {"date": _("Lịch làm việc hỗ trợ các năm %(first)s–%(last)s.")
                 % {"first": MIN_YEAR, "last": MAX_YEAR}}
            )


class WorkingSession(models.Model):
    """A working session (buổi làm việc) on a weekday; a unit's sessions replace the defaults."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="working_sessions",
        verbose_name=_("đơn vị"),
        help_text=_(
            "Để trống: giờ làm việc mặc định. Nếu một đơn vị có buổi làm việc riêng thì toàn bộ "
            "các buổi của đơn vị thay cho giờ mặc định."
        ),
    )
    weekday = models.PositiveSmallIntegerField(_("thứ"), choices=Weekday)
    start = models.TimeField(_("giờ bắt đầu"))
    end = models.TimeField(_("giờ kết thúc"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    class Meta:
        ordering = ["unit_id", "weekday", "start"]
        verbose_name = _("buổi làm việc")
        verbose_name_plural = _("buổi làm việc")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")), name="working_session_starts_before_end"
            ),
            models.CheckConstraint(
                condition=Q(weekday__lte=6), name="working_session_weekday_valid"
            ),
            models.UniqueConstraint(
                fields=["weekday", "start"],
                condition=Q(unit__isnull=True),
                name="working_session_default_unique",
            ),
            models.UniqueConstraint(
                fields=["unit", "weekday", "start"],
                condition=Q(unit__isnull=False),
                name="working_session_unit_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"

    def clean(self) -> None:
        """Sessions of one weekday in one scope must not overlap (the engine refuses them)."""
        if self.start is None or self.end is None or self.weekday is None:
            return
        # unit_id=None filters IS NULL: the default sessions are one scope like a unit's.
        siblings = WorkingSession.objects.filter(unit_id=self.unit_id, weekday=self.weekday)
        sessions = [Session(row.start, row.end) for row in siblings.exclude(pk=self.pk)]
        try:
            WeekSchedule.from_sessions({self.weekday: [*sessions, Session(self.start, self.end)]})
        except CalendarError as error:
            raise ValidationError(error_message(error)) from None

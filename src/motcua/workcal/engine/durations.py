"""Time limits (thời hạn giải quyết): working days, working hours, calendar days, same day.

DOMAIN.md §2.1: limits are stated in working days ("ngày làm việc"), calendar days ("ngày"),
hours ("giờ") or "trong ngày"; one working day is 8 working hours (DESIGN.md, and what both
production systems do: Thanh Hóa stores hours, OpenCPS has DAY_TO_HOURS = 8).
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from motcua.workcal.engine.errors import (
    CalendarDaysFraction,
    DurationInvalid,
    DurationNotPositive,
    DurationTooLong,
)
from motcua.workcal.engine.instants import US_PER_HOUR, US_PER_SECOND

WORKING_DAY_HOURS = 8
US_PER_WORKING_DAY = WORKING_DAY_HOURS * US_PER_HOUR
# Ten years: longer than any procedure limit, short enough that a typo cannot make the
# calendar generate decades of holidays for one request.
MAX_DAYS = 3650

_PATTERN = re.compile(r"^(\d{1,7}(?:[.,]\d{1,6})?)\s*(cd|d|h)$")
_SAME_DAY_WORDS = frozenset({"sameday", "same-day", "same_day", "trong ngày", "trongngay"})


class DurationUnit(StrEnum):
    WORKING_DAYS = "d"
    WORKING_HOURS = "h"
    CALENDAR_DAYS = "cd"
    SAME_DAY = "sameday"


_LIMITS = {
    DurationUnit.WORKING_DAYS: Decimal(MAX_DAYS),
    DurationUnit.WORKING_HOURS: Decimal(MAX_DAYS * WORKING_DAY_HOURS),
    DurationUnit.CALENDAR_DAYS: Decimal(MAX_DAYS),
}
_US_PER_UNIT = {
    DurationUnit.WORKING_DAYS: US_PER_WORKING_DAY,
    DurationUnit.WORKING_HOURS: US_PER_HOUR,
}


@dataclass(frozen=True, slots=True)
class Duration:
    """A time limit. `working_us` is the working time it stands for (0 for calendar/same day)."""

    unit: DurationUnit
    amount: Decimal
    working_us: int = 0

    @classmethod
    def working_days(cls, amount: Decimal | int | str) -> "Duration":
        return _build(DurationUnit.WORKING_DAYS, Decimal(amount))

    @classmethod
    def working_hours(cls, amount: Decimal | int | str) -> "Duration":
        return _build(DurationUnit.WORKING_HOURS, Decimal(amount))

    @classmethod
    def calendar_days(cls, amount: int) -> "Duration":
        return _build(DurationUnit.CALENDAR_DAYS, Decimal(amount))

    @classmethod
    def same_day(cls) -> "Duration":
        return cls(DurationUnit.SAME_DAY, Decimal(0))

    @property
    def is_working_time(self) -> bool:
        return self.unit in _US_PER_UNIT

    @property
    def days(self) -> int:
        """Whole calendar days (only for calendar-day limits)."""
        return int(self.amount)

    def __str__(self) -> str:
        if self.unit is DurationUnit.SAME_DAY:
            return "sameday"
        return f"{_plain(self.amount)}{self.unit}"

    def __add__(self, other: "Duration") -> "Duration":
        """Working-time limits add up (used for step allotments, DOMAIN.md §2.8)."""
        if not (self.is_working_time and other.is_working_time):
            return NotImplemented
        if self.unit is other.unit:
            return _build(self.unit, self.amount + other.amount)
        hours = Decimal(self.working_us + other.working_us) / US_PER_HOUR
        return _build(DurationUnit.WORKING_HOURS, hours)


def parse_duration(text: str, *, field: str | None = None) -> Duration:
    """`1d`, `0.5d` (working days), `4h` (working hours), `10cd` (calendar days), `sameday`."""
    cleaned = " ".join((text or "").split()).lower()
    if cleaned in _SAME_DAY_WORDS:
        return Duration.same_day()
    match = _PATTERN.match(cleaned)
    if match is None:
        raise DurationInvalid(field=field, text=text)
    number, unit = match.groups()
    try:
        return _build(DurationUnit(unit), Decimal(number.replace(",", ".")), text=text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain decimals
        raise DurationInvalid(field=field, text=text) from None
    except (DurationNotPositive, DurationTooLong, CalendarDaysFraction) as error:
        error.field = field
        raise


def _build(unit: DurationUnit, amount: Decimal, *, text: str | None = None) -> Duration:
    shown = text if text is not None else f"{_plain(amount)}{unit}"
    if amount > _LIMITS[unit]:
        raise DurationTooLong(text=shown, limit=f"{_LIMITS[unit]}{unit}")
    if unit is DurationUnit.CALENDAR_DAYS:
        if amount != amount.to_integral_value():
            raise CalendarDaysFraction(text=shown)
        if amount <= 0:
            raise DurationNotPositive(text=shown)
        return Duration(unit, amount)
    # Whole seconds: legal limits never need less, and integers keep a + b == (a + b) exact.
    seconds = (amount * _US_PER_UNIT[unit] / US_PER_SECOND).to_integral_value(ROUND_HALF_UP)
    if seconds <= 0:
        raise DurationNotPositive(text=shown)
    return Duration(unit, amount, int(seconds) * US_PER_SECOND)


def _plain(amount: Decimal) -> str:
    return format(amount.normalize(), "f")

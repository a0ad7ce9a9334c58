"""Reading time limits typed by people: `1d`, `0.5d`, `4h`, `10cd`, `sameday`."""

from decimal import Decimal

import pytest

from motcua.workcal.engine import Duration, DurationUnit, parse_duration
from motcua.workcal.engine.errors import (
    CalendarDaysFraction,
    DurationInvalid,
    DurationNotPositive,
    DurationTooLong,
)

HOUR = 3600 * 1_000_000


@pytest.mark.parametrize(
    ("text", "unit", "working_hours", "canonical"),
    [
        ("1d", DurationUnit.WORKING_DAYS, 8, "1d"),
        ("0.5d", DurationUnit.WORKING_DAYS, 4, "0.5d"),
        ("0,5d", DurationUnit.WORKING_DAYS, 4, "0.5d"),  # Vietnamese decimal comma
        (" 2 D ", DurationUnit.WORKING_DAYS, 16, "2d"),
        ("365d", DurationUnit.WORKING_DAYS, 365 * 8, "365d"),
        ("4h", DurationUnit.WORKING_HOURS, 4, "4h"),
        ("1.5h", DurationUnit.WORKING_HOURS, 1.5, "1.5h"),
        ("10cd", DurationUnit.CALENDAR_DAYS, 0, "10cd"),
        ("sameday", DurationUnit.SAME_DAY, 0, "sameday"),
        ("Trong ngày", DurationUnit.SAME_DAY, 0, "sameday"),
    ],
)
def test_parse(text, unit, working_hours, canonical):
    duration = parse_duration(text)
    assert (duration.unit, duration.working_us, str(duration)) == (
        unit, int(working_hours * HOUR), canonical
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", DurationInvalid),
        ("1x", DurationInvalid),
        ("d", DurationInvalid),
        ("-1d", DurationInvalid),
        ("1 ngày", DurationInvalid),
        ("0d", DurationNotPositive),
        ("0.0001h", DurationNotPositive),  # rounds to 0 seconds
        ("1.5cd", CalendarDaysFraction),
        ("0cd", DurationNotPositive),
        ("3651d", DurationTooLong),
        ("99999cd", DurationTooLong),
    ],
)
def test_bad_durations_are_refused_with_a_code(text, error):
    with pytest.raises(error) as raised:
        parse_duration(text, field="duration")
    assert raised.value.field == "duration"
    assert text in str(raised.value) or not text


def test_working_durations_add_up():
    assert Duration.working_days(1) + Duration.working_days(Decimal("0.5")) == (
        Duration.working_days(Decimal("1.5"))
    )
    mixed = Duration.working_days(1) + Duration.working_hours(4)
    assert (str(mixed), mixed.working_us) == ("12h", 12 * HOUR)


def test_calendar_and_same_day_limits_do_not_add():
    with pytest.raises(TypeError):
        Duration.calendar_days(1) + Duration.working_days(1)

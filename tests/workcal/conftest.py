"""Shared helpers for the working-calendar tests: Vietnamese wall-clock instants and calendars."""

from datetime import date, datetime, time

from motcua.workcal.engine import (
    DayKind,
    Duration,
    Session,
    WeekSchedule,
    WorkingCalendar,
    parse_duration,
)
from motcua.workcal.engine.instants import VIETNAM


def at(text: str) -> datetime:
    """`at("2026-02-13 10:00")`: an instant on the Vietnamese wall clock."""
    return datetime.fromisoformat(text).replace(tzinfo=VIETNAM)


def dur(text: str) -> Duration:
    return parse_duration(text)


MORNING = Session(time(7, 30), time(11, 30))
AFTERNOON = Session(time(13, 0), time(17, 0))
# DOMAIN.md §2.1: an HCMC ward also works Saturday 07:30–11:30.
SATURDAY_DESK_WEEK = WeekSchedule.from_sessions(
    {**{weekday: (MORNING, AFTERNOON) for weekday in range(5)}, 5: (MORNING,)}
)

NATIONAL = WorkingCalendar()  # shipped announcements + holidays.VN, default sessions
SATURDAY_DESK = WorkingCalendar(week=SATURDAY_DESK_WEEK)
# A unit closed on Tuesday 10/03/2026 (say, a local festival) and working on the national
# swapped-off Friday 02/01/2026.
UNIT_OWN_DAYS = WorkingCalendar(
    overrides={date(2026, 3, 10): DayKind.HOLIDAY, date(2026, 1, 2): DayKind.MAKEUP_WORKDAY}
)


"""Reads: the working calendar of a unit, built from the database in a constant number of queries.

A calendar is cheap to ask (microseconds) but costs milliseconds to build (holiday generation,
the working-day index), so built calendars are kept per process. The cache key is the calendar's
own rows — the national and the unit's days and sessions, fetched on every call (two small
queries) — not a revision number or a signal: a change saved by any web process or worker,
in any transaction, is seen by the next call everywhere, and a rolled-back change cannot leave
a stale entry behind. Units without their own rows share the national calendar object.
"""

from datetime import date, time
from functools import lru_cache

from django.db.models import Q

from motcua.agencies.models import Unit
from motcua.workcal.engine import (
    DEFAULT_WEEK,
    DayKind,
    Session,
    WeekSchedule,
    WorkingCalendar,
)
from motcua.workcal.models import CalendarDay, WorkingSession

type DayRow = tuple[date, str, int | None]
type SessionRow = tuple[int | None, int, time, time]


def calendar_for_unit(*, unit: Unit | int | None = None) -> WorkingCalendar:
    """The working calendar of `unit` (a unit or its id; None: the national calendar with the
    default sessions).

    National days plus the unit's own days, which win on their dates; the unit's sessions if it
    has any, else the default sessions (database rows, else DESIGN.md's 07:30–11:30,
    13:00–17:00 Monday to Friday). Two queries.
    """
    scope = Q(unit__isnull=True) | Q(unit=unit) if unit is not None else Q(unit__isnull=True)
    days = tuple(CalendarDay.objects.filter(scope).values_list("date", "kind", "unit_id"))
    sessions = tuple(
        WorkingSession.objects.filter(scope).values_list("unit_id", "weekday", "start", "end")
    )
    return _calendar_from_rows(frozenset(days), frozenset(sessions))


@lru_cache(maxsize=64)
def _calendar_from_rows(
    days: frozenset[DayRow], sessions: frozenset[SessionRow]
) -> WorkingCalendar:
    national: dict[int, list[tuple[date, str]]] = {}
    overrides: dict[date, DayKind] = {}
    for day, kind, unit_id in days:
        if unit_id is None:
            national.setdefault(day.year, []).append((day, kind))
        else:
            overrides[day] = DayKind(kind)
    return WorkingCalendar(week=_week(sessions), stored_years=national, overrides=overrides)


def _week(sessions: frozenset[SessionRow]) -> WeekSchedule:
    own = [row for row in sessions if row[0] is not None]
    chosen = own or [row for row in sessions if row[0] is None]
    if not chosen:
        return DEFAULT_WEEK
    by_weekday: dict[int, list[Session]] = {}
    for _, weekday, start, end in chosen:
        by_weekday.setdefault(weekday, []).append(Session(start, end))
    return WeekSchedule.from_sessions(by_weekday)

"""Deadline arithmetic for dossiers, on top of the pure working-time engine (motcua.workcal).

The database stores the inputs (instants, the procedure's limit) and the outputs (due
instants); the arithmetic is in `motcua.workcal.engine` (STYLE.md habit 3).
"""

from datetime import datetime

from django.conf import settings

from motcua.agencies.models import Unit
from motcua.workcal.engine import (
    Duration,
    Outcome,
    Standing,
    WorkingCalendar,
    classify_finished,
    classify_open,
    due_at,
    parse_duration,
    resume_after_pause,
)
from motcua.workcal.selectors import calendar_for_unit

US_PER_HOUR = 3_600_000_000


def calendar_of(unit: Unit) -> WorkingCalendar:
    return calendar_for_unit(unit=unit)


def acceptance_due(*, unit: Unit, submitted_at: datetime) -> datetime:
    """The desk must accept or refuse an online dossier within 8 working hours of its
    submission (DESIGN.md "Online dossiers"; configurable, MOTCUA_ACCEPTANCE_HOURS)."""
    hours = settings.MOTCUA_ACCEPTANCE_WORKING_HOURS
    return calendar_of(unit).add_working(submitted_at, int(hours * US_PER_HOUR))


def legal_due(*, unit: Unit, received_at: datetime, spec: str | None) -> datetime | None:
    """The legal due instant from the receipt; None when the procedure fixes no time limit."""
    if not spec:
        return None
    duration: Duration = parse_duration(spec)
    return due_at(calendar_of(unit), received=received_at, duration=duration)


def working_between(*, unit: Unit, start: datetime, end: datetime) -> int:
    """Working time (microseconds) between two instants in the unit's calendar."""
    if end <= start:
        return 0
    return calendar_of(unit).working_between(start, end)


def add_working(*, unit: Unit, start: datetime, amount_us: int) -> datetime:
    return calendar_of(unit).add_working(start, amount_us)


def resume_due(*, unit: Unit, due: datetime, paused_at: datetime, resumed_at: datetime) -> datetime:
    """DESIGN.md "Pause": the working time left at the pause is counted on from the resume; a
    dossier already overdue when paused stays overdue."""
    return resume_after_pause(calendar_of(unit), due=due, paused_at=paused_at,
                              resumed_at=resumed_at)


def outcome(*, finished: datetime, due: datetime | None) -> Outcome | None:
    return None if due is None else classify_finished(finished=finished, due=due)


def standing(*, cutoff: datetime, due: datetime | None) -> Standing | None:
    return None if due is None else classify_open(cutoff=cutoff, due=due)

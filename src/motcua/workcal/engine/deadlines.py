"""Due instants (hạn giải quyết), pauses and early/on-time/late, as pure functions.

Every rule is DESIGN.md "Working time"; DOMAIN.md §2.2–2.6 has where the rules come from.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from motcua.workcal.engine.durations import Duration, DurationUnit
from motcua.workcal.engine.errors import PauseBeforeReceipt, PauseEndsBeforeStart, PauseOverlap
from motcua.workcal.engine.instants import local_parts
from motcua.workcal.engine.working_calendar import WorkingCalendar


@dataclass(frozen=True, slots=True)
class Pause:
    """A stopped clock: supplement requested, financial obligation (DOMAIN.md §2.5)."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PauseEndsBeforeStart(field="pause", start=self.start.isoformat(),
                                       end=self.end.isoformat())


def due_at(calendar: WorkingCalendar, *, received: datetime, duration: Duration) -> datetime:
    """The legal due instant of a limit counted from `received` (no pauses)."""
    if duration.working_us:
        # N working days = N × 8 working hours through sessions; hours likewise.
        return calendar.add_working(received, duration.working_us)
    if duration.unit is DurationUnit.CALENDAR_DAYS:
        return _calendar_days_due(calendar, received, duration.days)
    return _same_day_due(calendar, received)


def _calendar_days_due(calendar: WorkingCalendar, received: datetime, days: int) -> datetime:
    # Receipt local date + N days, moved forward to a working day; due at its last session end.
    ordinal, _ = local_parts(received)
    return calendar.end_of_working_day(ordinal + days)


def _same_day_due(calendar: WorkingCalendar, received: datetime) -> datetime:
    # DOMAIN.md §2.3 ("trong ngày"): at or before 15:00 → end of that day; after 15:00 → end of
    # the next working day. A receipt outside sessions counts from the next session start.
    moved = calendar.next_session_start(received)
    ordinal, us = local_parts(moved)
    return calendar.end_of_working_day(ordinal, later=int(us > calendar.same_day_cutoff_us))


def resume_after_pause(
    calendar: WorkingCalendar, *, due: datetime, paused_at: datetime, resumed_at: datetime
) -> datetime:
    """The due instant after a pause: the working time left at the pause, counted on from the
    resume instant. A dossier already overdue when paused stays overdue (due unchanged)."""
    if paused_at > due:
        return due
    left = calendar.working_between(paused_at, due)
    return calendar.add_working(resumed_at, left)


def due_with_pauses(
    calendar: WorkingCalendar,
    *,
    received: datetime,
    duration: Duration,
    pauses: Iterable[Pause] = (),
) -> datetime:
    """`due_at`, then every pause applied in order."""
    ordered = check_pauses(received=received, pauses=pauses)
    due = due_at(calendar, received=received, duration=duration)
    for pause in ordered:
        due = resume_after_pause(calendar, due=due, paused_at=pause.start, resumed_at=pause.end)
    return due


def check_pauses(*, received: datetime, pauses: Iterable[Pause]) -> Sequence[Pause]:
    """Pauses must start after the receipt and not overlap; returns them in time order."""
    ordered = sorted(pauses, key=lambda pause: pause.start)
    previous_end = received
    for pause in ordered:
        if pause.start < received:
            raise PauseBeforeReceipt(field="pause", start=pause.start.isoformat(),
                                     received=received.isoformat())
        if pause.start < previous_end:
            raise PauseOverlap(field="pause", start=pause.start.isoformat(),
                               previous_end=previous_end.isoformat())
        previous_end = pause.end
    return ordered


class Outcome(StrEnum):
    """How a finished dossier compares with its due instant (DOMAIN.md §2.6)."""

    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn


class Standing(StrEnum):
    """How an open dossier stands at a report cut-off."""

    WITHIN = "within_deadline"  # trong hạn
    OVERDUE = "overdue"  # quá hạn


def classify_finished(*, finished: datetime, due: datetime) -> Outcome:
    """Early: finished on a local date before the due date; on time: on the due date and not
    after the due instant; late: after the due instant."""
    if finished > due:
        return Outcome.LATE
    if local_parts(finished)[0] < local_parts(due)[0]:
        return Outcome.EARLY
    return Outcome.ON_TIME


def classify_open(*, cutoff: datetime, due: datetime) -> Standing:
    return Standing.WITHIN if cutoff <= due else Standing.OVERDUE

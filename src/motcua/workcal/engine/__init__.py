"""Pure working-time arithmetic: no Django import anywhere in this package.

Deadlines are pure functions over plain values (STYLE.md habit 3): instants, durations and a
`WorkingCalendar`. The Django side (`motcua.workcal.selectors`) only builds calendars from the
database; the benchmark and the tests use the engine directly.
"""

from motcua.workcal.engine.deadlines import (
    Outcome,
    Pause,
    Standing,
    check_pauses,
    classify_finished,
    classify_open,
    due_at,
    due_with_pauses,
    resume_after_pause,
)
from motcua.workcal.engine.durations import Duration, DurationUnit, parse_duration
from motcua.workcal.engine.errors import CalendarError
from motcua.workcal.engine.holiday_data import (
    DayKind,
    DaySource,
    DaySpec,
    default_national_year,
    generated_year,
    shipped_announcements,
)
from motcua.workcal.engine.instants import MAX_YEAR, MIN_YEAR, VIETNAM, local_date, parse_instant
from motcua.workcal.engine.sessions import DEFAULT_WEEK, DaySchedule, Session, WeekSchedule
from motcua.workcal.engine.working_calendar import SAME_DAY_CUTOFF, WorkingCalendar

__all__ = [
    "DEFAULT_WEEK",
    "MAX_YEAR",
    "MIN_YEAR",
    "SAME_DAY_CUTOFF",
    "VIETNAM",
    "CalendarError",
    "DayKind",
    "DaySchedule",
    "DaySource",
    "DaySpec",
    "Duration",
    "DurationUnit",
    "Outcome",
    "Pause",
    "Session",
    "Standing",
    "WeekSchedule",
    "WorkingCalendar",
    "check_pauses",
    "classify_finished",
    "classify_open",
    "default_national_year",
    "due_at",
    "due_with_pauses",
    "generated_year",
    "local_date",
    "parse_duration",
    "parse_instant",
    "resume_after_pause",
    "shipped_announcements",
]

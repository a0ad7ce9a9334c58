"""Working sessions (buổi làm việc) per weekday.

DESIGN.md: default Monday–Friday 07:30–11:30 and 13:00–17:00 (8 working hours); a unit may
have its own, e.g. a Saturday-morning desk (DOMAIN.md §2.1, an HCMC ward publishes Saturday
07:30–11:30). A make-up working day (ngày làm bù) works "the normal weekday sessions": we take
the sessions of the first weekday, Monday to Friday, that has any.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import time
from itertools import pairwise

from motcua.workcal.engine.errors import ScheduleEmpty, SessionInvalid, SessionOverlap
from motcua.workcal.engine.instants import US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND

MONDAY, FRIDAY, SUNDAY = 0, 4, 6


def time_us(moment: time) -> int:
    """Microseconds since local midnight."""
    return (
        moment.hour * US_PER_HOUR
        + moment.minute * US_PER_MINUTE
        + moment.second * US_PER_SECOND
        + moment.microsecond
    )


@dataclass(frozen=True, slots=True, order=True)
class Session:
    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise SessionInvalid(start=self.start.isoformat(), end=self.end.isoformat())

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True, slots=True)
class DaySchedule:
    """The sessions of one day, with the numbers the hot path needs precomputed.

    `spans` holds (start µs, end µs, working µs before this session) so that both directions of
    the working clock are a walk over two or three tuples.
    """

    sessions: tuple[Session, ...]
    spans: tuple[tuple[int, int, int], ...] = field(init=False, repr=False, compare=False)
    total_us: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        spans, before = [], 0
        for session in self.sessions:
            start, end = time_us(session.start), time_us(session.end)
            spans.append((start, end, before))
            before += end - start
        object.__setattr__(self, "spans", tuple(spans))
        object.__setattr__(self, "total_us", before)

    @property
    def first_start_us(self) -> int:
        return self.spans[0][0]

    @property
    def last_end_us(self) -> int:
        return self.spans[-1][1]

    def worked_before(self, us_of_day: int) -> int:
        """Working time of this day elapsed at `us_of_day`."""
        for start, end, before in self.spans:
            if us_of_day < end:
                return before + (us_of_day - start if us_of_day > start else 0)
        return self.total_us

    def instant_at(self, worked: int) -> int:
        """The earliest µs of the day at which `worked` working time has elapsed.

        "Earliest" is the DESIGN.md rule that a due instant landing exactly on a session's end
        stays there instead of jumping to the next session's start.
        """
        for start, end, before in self.spans:
            if worked <= before + end - start:
                return start + worked - before
        return self.last_end_us

    def session_start_at_or_after(self, us_of_day: int) -> int | None:
        """Where an instant of this day moves to: itself inside a session, else the next start.

        Sessions are half-open [start, end): an instant exactly at 11:30 is outside the morning.
        """
        for start, end, _ in self.spans:
            if us_of_day < end:
                return us_of_day if us_of_day > start else start
        return None


@dataclass(frozen=True, slots=True)
class WeekSchedule:
    """Sessions per weekday (Monday = 0) and the sessions of a make-up working day."""

    days: tuple[DaySchedule | None, ...]
    makeup: DaySchedule

    @classmethod
    def from_sessions(cls, by_weekday: Mapping[int, Iterable[Session]]) -> "WeekSchedule":
        days = tuple(_day(weekday, by_weekday.get(weekday, ())) for weekday in range(7))
        weekdays = [day for day in days[MONDAY : FRIDAY + 1] if day is not None]
        anyday = [day for day in days if day is not None]
        if not anyday:
            raise ScheduleEmpty()
        return cls(days=days, makeup=(weekdays or anyday)[0])

    def sessions_by_weekday(self) -> dict[int, tuple[Session, ...]]:
        return {weekday: day.sessions for weekday, day in enumerate(self.days) if day}


def _day(weekday: int, sessions: Iterable[Session]) -> DaySchedule | None:
    ordered = tuple(sorted(sessions))
    for first, second in pairwise(ordered):
        if second.start < first.end:
            raise SessionOverlap(weekday=weekday, first=str(first), second=str(second))
    return DaySchedule(ordered) if ordered else None


_MORNING = Session(time(7, 30), time(11, 30))
_AFTERNOON = Session(time(13, 0), time(17, 0))
DEFAULT_WEEK = WeekSchedule.from_sessions(
    {weekday: (_MORNING, _AFTERNOON) for weekday in range(MONDAY, FRIDAY + 1)}
)

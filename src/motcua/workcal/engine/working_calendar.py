"""The working calendar: which instants are working time, and a clock that counts only them.

Speed (issue #2: ≥ 50,000 due dates a second; a 365-day limit within 2× of a 1-day limit) comes
from one precomputed index instead of walking day by day:

* `days`  – the ordinals of the working days of a span of years, ascending;
* `cum`   – `cum[i]` is the working time (µs) elapsed before `days[i]`, a prefix sum, so
            `cum[i + 1] - cum[i]` is that day's working time;
* `plan`  – the `DaySchedule` (sessions) of each working day.

An instant's position on the working clock is one `bisect` in `days` plus a walk over that day's
two sessions; the instant at a position is one `bisect` in `cum`. Adding 1 day or 365 days costs
the same. The index covers a few years and grows on demand (both directions) under a lock; its
values are anchored to the first year ever built, so growing never changes a number a
concurrent caller already holds. The calendar is otherwise immutable: its answers never change,
only how much of them is precomputed.
"""

import threading
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from motcua.workcal.engine.errors import InstantOutOfRange
from motcua.workcal.engine.holiday_data import DayKind, default_national_year
from motcua.workcal.engine.instants import (
    MAX_YEAR,
    MIN_YEAR,
    from_local,
    local_parts,
    year_in_range,
)
from motcua.workcal.engine.sessions import DEFAULT_WEEK, DaySchedule, Session, WeekSchedule, time_us

# DOMAIN.md §2.3: civil-status "same day" procedures take receipts until 15:00.
SAME_DAY_CUTOFF = time(15, 0)
# A rough lower bound of working time per year, to grow the index in one step for long limits.
_MIN_WORKING_US_PER_YEAR = 200 * 4 * 3_600_000_000


@dataclass(frozen=True, slots=True)
class _Index:
    first_year: int
    last_year: int
    first_ord: int
    last_ord: int
    days: list[int]
    cum: list[int]
    plan: list[DaySchedule]


class WorkingCalendar:
    """Sessions per weekday + non-working and make-up days → a working-time clock."""

    def __init__(
        self,
        *,
        week: WeekSchedule = DEFAULT_WEEK,
        stored_years: Mapping[int, Iterable[tuple[date, DayKind]]] | None = None,
        overrides: Mapping[date, DayKind] | None = None,
        same_day_cutoff: time = SAME_DAY_CUTOFF,
    ) -> None:
        self.week = week
        self.same_day_cutoff_us = time_us(same_day_cutoff)
        self._stored = {
            year: {day.toordinal(): DayKind(kind) for day, kind in days}
            for year, days in (stored_years or {}).items()
        }
        self._overrides = {
            day.toordinal(): DayKind(kind) for day, kind in (overrides or {}).items()
        }
        self._kinds: dict[int, dict[int, DayKind]] = {}  # per year; deterministic, so no lock
        self._index: _Index | None = None
        self._lock = threading.Lock()

    # -- questions about days ---------------------------------------------------------------

    def day_kind(self, day: date) -> DayKind | None:
        """The special kind of a day (holiday, make-up…), None for an ordinary day."""
        return self._year_kinds(day.year).get(day.toordinal())

    def schedule_on(self, day: date) -> DaySchedule | None:
        """The sessions worked on `day`, None if it is not a working day."""
        return self._schedule(day.toordinal(), self._year_kinds(day.year))

    def sessions_on(self, day: date) -> tuple[Session, ...]:
        schedule = self.schedule_on(day)
        return schedule.sessions if schedule else ()

    def is_working_day(self, day: date) -> bool:
        return self.schedule_on(day) is not None

    # -- the working clock ------------------------------------------------------------------

    def position(self, instant: datetime) -> int:
        """Working time (µs) from the calendar's anchor to `instant`; only differences matter."""
        ordinal, us = local_parts(instant)
        return self._position(self._covering(ordinal), ordinal, us)

    def working_between(self, start: datetime, end: datetime) -> int:
        """Working time (µs) between two instants (negative if `end` is before `start`)."""
        return self.position(end) - self.position(start)

    def add_working(self, instant: datetime, amount_us: int) -> datetime:
        """The earliest instant at which `amount_us` of working time has passed since `instant`.

        DESIGN.md: an instant outside a session first moves to the next session start (the
        working clock does not run there, so that is implicit), and a result exactly on a
        session end stays there. A zero amount gives the moved instant itself.
        """
        if amount_us <= 0:
            if amount_us < 0:
                raise ValueError("working time to add must not be negative")
            return self.next_session_start(instant)
        ordinal, us = local_parts(instant)
        index = self._covering(ordinal)
        return self._instant_at(index, self._position(index, ordinal, us) + amount_us)

    def next_session_start(self, instant: datetime) -> datetime:
        """`instant` if it is inside a session, else the start of the next session."""
        ordinal, us = local_parts(instant)
        index, i = self._working_day_from(ordinal)
        if index.days[i] == ordinal:
            moved = index.plan[i].session_start_at_or_after(us)
            if moved is not None:
                return from_local(ordinal, moved)
            index, i = self._working_day_from(ordinal + 1)
        return from_local(index.days[i], index.plan[i].first_start_us)

    def end_of_working_day(self, day_ordinal: int, *, later: int = 0) -> datetime:
        """End of the last session of the first working day on or after the ordinal (or of the
        `later`-th working day after that one)."""
        index, i = self._working_day_from(day_ordinal)
        for _ in range(later):
            index, i = self._working_day_from(index.days[i] + 1)
        return from_local(index.days[i], index.plan[i].last_end_us)

    # -- index internals --------------------------------------------------------------------

    @staticmethod
    def _position(index: _Index, ordinal: int, us: int) -> int:
        days = index.days
        i = bisect_left(days, ordinal)
        if i < len(days) and days[i] == ordinal:
            return index.cum[i] + index.plan[i].worked_before(us)
        return index.cum[i]

    def _instant_at(self, index: _Index, target: int) -> datetime:
        if target > index.cum[-1]:
            index = self._grow_until(target)
        cum = index.cum
        # The first day whose end reaches the target; bisect_left keeps a target that equals a
        # day's end on that day (DESIGN.md: a due instant on a session end stays there).
        day = bisect_left(cum, target, 1) - 1
        return from_local(index.days[day], index.plan[day].instant_at(target - cum[day]))

    def _covering(self, ordinal: int) -> _Index:
        index = self._index
        if index is not None and index.first_ord <= ordinal <= index.last_ord:
            return index
        year = date.fromordinal(ordinal).year if 1 <= ordinal <= date.max.toordinal() else 0
        if not year_in_range(year):
            raise InstantOutOfRange(text=str(year), first=MIN_YEAR, last=MAX_YEAR)
        with self._lock:
            return self._grow(max(year - 1, MIN_YEAR), min(year + 1, MAX_YEAR))

    def _working_day_from(self, ordinal: int) -> tuple[_Index, int]:
        """(index, i) of the first working day on or after `ordinal`."""
        index = self._covering(ordinal)
        i = bisect_left(index.days, ordinal)
        while i == len(index.days):
            index = self._grow_years(1)
            i = bisect_left(index.days, ordinal)
        return index, i

    def _grow_until(self, target: int) -> _Index:
        index = self._index
        while target > index.cum[-1]:
            missing = target - index.cum[-1]
            index = self._grow_years(missing // _MIN_WORKING_US_PER_YEAR + 1)
        return index

    def _grow_years(self, years: int) -> _Index:
        with self._lock:
            current = self._index
            if current.last_year >= MAX_YEAR:
                raise InstantOutOfRange(text=str(MAX_YEAR + 1), first=MIN_YEAR, last=MAX_YEAR)
            return self._grow(current.first_year, min(current.last_year + years, MAX_YEAR))

    def _grow(self, first_year: int, last_year: int) -> _Index:
        """Extend the index to cover [first_year, last_year]; the caller holds the lock."""
        current = self._index
        if current is None:
            days, cum, plan = self._segment(first_year, last_year, start=0)
            return self._publish(first_year, last_year, days, cum, plan)
        first, last = min(first_year, current.first_year), max(last_year, current.last_year)
        if (first, last) == (current.first_year, current.last_year):
            return current
        days, cum, plan = list(current.days), list(current.cum), list(current.plan)
        if first < current.first_year:
            days, cum, plan = _prepend(self._segment(first, current.first_year - 1, start=0),
                                       days, cum, plan)
        if last > current.last_year:
            more_days, more_cum, more_plan = self._segment(current.last_year + 1, last, cum[-1])
            days, cum, plan = days + more_days, cum[:-1] + more_cum, plan + more_plan
        return self._publish(first, last, days, cum, plan)

    def _publish(self, first: int, last: int, days: list, cum: list, plan: list) -> _Index:
        self._index = _Index(first, last, date(first, 1, 1).toordinal(),
                             date(last, 12, 31).toordinal(), days, cum, plan)
        return self._index

    def _segment(self, first_year: int, last_year: int, start: int) -> tuple[list, list, list]:
        days, cum, plan, total = [], [start], [], start
        for year in range(first_year, last_year + 1):
            kinds = self._year_kinds(year)
            for ordinal in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1):
                schedule = self._schedule(ordinal, kinds)
                if schedule is not None:
                    total += schedule.total_us
                    days.append(ordinal)
                    cum.append(total)
                    plan.append(schedule)
        return days, cum, plan

    def _schedule(self, ordinal: int, kinds: Mapping[int, DayKind]) -> DaySchedule | None:
        kind = kinds.get(ordinal)
        if kind is None:
            return self.week.days[(ordinal - 1) % 7]  # ordinal 1 (0001-01-01) was a Monday
        return self.week.makeup if kind is DayKind.MAKEUP_WORKDAY else None

    def _year_kinds(self, year: int) -> dict[int, DayKind]:
        kinds = self._kinds.get(year)
        if kinds is None:
            kinds = self._kinds[year] = self._resolve_year(year)
        return kinds

    def _resolve_year(self, year: int) -> dict[int, DayKind]:
        """The precedence of engine/holiday_data.py: overrides > stored > shipped/generated."""
        stored = self._stored.get(year)
        if stored is None:
            stored = {spec.day.toordinal(): spec.kind for spec in default_national_year(year)}
        overrides = {
            ordinal: kind for ordinal, kind in self._overrides.items()
            if date(year, 1, 1).toordinal() <= ordinal <= date(year, 12, 31).toordinal()
        }
        return {**stored, **overrides}


def _prepend(segment: tuple[list, list, list], days: list, cum: list, plan: list):
    """Put earlier years in front, counting their working time backwards from `cum[0]` so the
    positions callers already hold stay valid."""
    early_days, early_cum, early_plan = segment
    shift = cum[0] - early_cum[-1]
    return (early_days + days, [value + shift for value in early_cum[:-1]] + cum,
            early_plan + plan)

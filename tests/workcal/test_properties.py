"""Properties of the working clock, checked on random receipts and limits (hypothesis).

The slow reference below walks day by day through `sessions_on` — the textbook algorithm of
DOMAIN.md §2.2 — so it shares the day rules with the engine but none of its index arithmetic.
"""

import threading
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.workcal.engine import (
    Duration,
    WorkingCalendar,
    due_at,
    local_date,
)
from motcua.workcal.engine.instants import VIETNAM

from .conftest import NATIONAL, SATURDAY_DESK, UNIT_OWN_DAYS

CALENDARS = st.sampled_from([NATIONAL, SATURDAY_DESK, UNIT_OWN_DAYS])
RECEIVED = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2031, 12, 31),
    timezones=st.sampled_from([VIETNAM, UTC]),
)
MINUTES = st.integers(min_value=1, max_value=60 * 8 * 40)  # up to 40 working days


def working(minutes: int) -> Duration:
    """Whole minutes of working time, written in hours (1/60 rounds to whole seconds exactly)."""
    return Duration.working_hours(Decimal(minutes) / 60)


DURATIONS = st.one_of(
    MINUTES.map(working),
    st.integers(min_value=1, max_value=60).map(Duration.calendar_days),
    st.just(Duration.same_day()),
)


def reference_add(calendar: WorkingCalendar, start: datetime, amount: timedelta) -> datetime:
    local = start.astimezone(VIETNAM)
    day, clock = local.date(), local.time().replace(tzinfo=None)
    while True:
        for session in calendar.sessions_on(day):
            begin = max(session.start, clock)
            if begin >= session.end:
                continue
            length = datetime.combine(day, session.end) - datetime.combine(day, begin)
            if amount <= length:
                return datetime.combine(day, begin, VIETNAM) + amount
            amount -= length
        day, clock = day + timedelta(days=1), time(0)


def inside_or_at_end(calendar: WorkingCalendar, instant: datetime) -> bool:
    local = instant.astimezone(VIETNAM)
    wall = local.time().replace(tzinfo=None)
    return any(s.start < wall <= s.end for s in calendar.sessions_on(local.date()))


@given(calendar=CALENDARS, received=RECEIVED, minutes=MINUTES)
@settings(deadline=None)
def test_matches_the_day_by_day_reference(calendar, received, minutes):
    expected = reference_add(calendar, received, timedelta(minutes=minutes))
    assert calendar.add_working(received, minutes * 60_000_000) == expected


@given(calendar=CALENDARS, first=RECEIVED, second=RECEIVED, duration=DURATIONS)
@settings(deadline=None)
def test_monotonic_in_the_receipt(calendar, first, second, duration):
    early, late = sorted([first, second])
    assert due_at(calendar, received=early, duration=duration) <= due_at(
        calendar, received=late, duration=duration
    )


@given(calendar=CALENDARS, received=RECEIVED, a=MINUTES, b=MINUTES)
@settings(deadline=None)
def test_monotonic_in_the_working_duration(calendar, received, a, b):
    short, long = sorted([a, b])
    assert due_at(calendar, received=received, duration=working(short)) <= due_at(
        calendar, received=received, duration=working(long)
    )


@given(calendar=CALENDARS, received=RECEIVED, a=st.integers(1, 400), b=st.integers(1, 400))
@settings(deadline=None)
def test_monotonic_in_calendar_days(calendar, received, a, b):
    short, long = sorted([a, b])
    assert due_at(calendar, received=received, duration=Duration.calendar_days(short)) <= due_at(
        calendar, received=received, duration=Duration.calendar_days(long)
    )


@given(calendar=CALENDARS, received=RECEIVED, a=MINUTES, b=MINUTES)
@settings(deadline=None)
def test_adding_a_then_b_is_adding_a_plus_b(calendar, received, a, b):
    first, second = working(a), working(b)
    step = due_at(calendar, received=received, duration=first)
    assert due_at(calendar, received=step, duration=second) == due_at(
        calendar, received=received, duration=first + second
    )


@given(calendar=CALENDARS, received=RECEIVED, duration=DURATIONS)
@settings(deadline=None)
def test_due_is_inside_a_session_or_exactly_at_its_end(calendar, received, duration):
    assert inside_or_at_end(calendar, due_at(calendar, received=received, duration=duration))


@given(calendar=CALENDARS, received=RECEIVED, minutes=MINUTES)
@settings(deadline=None)
def test_working_time_between_receipt_and_due_is_the_limit(calendar, received, minutes):
    due = due_at(calendar, received=received, duration=working(minutes))
    assert calendar.working_between(received, due) == minutes * 60_000_000


@given(queries=st.lists(st.tuples(RECEIVED, MINUTES), min_size=1, max_size=8))
@settings(deadline=None, max_examples=25)
def test_answers_do_not_depend_on_the_order_the_index_grew_in(queries):
    fresh = WorkingCalendar()
    for received, minutes in queries:
        assert fresh.add_working(received, minutes * 60_000_000) == NATIONAL.add_working(
            received, minutes * 60_000_000
        )


def test_365_working_days_are_365_times_8_hours():
    received = datetime(2026, 2, 13, 10, tzinfo=VIETNAM)
    due = due_at(NATIONAL, received=received, duration=Duration.working_days(365))
    assert NATIONAL.working_between(received, due) == 365 * 8 * 3600 * 1_000_000
    assert reference_add(NATIONAL, received, timedelta(hours=365 * 8)) == due


def test_threads_growing_one_calendar_agree_with_a_sequential_one():
    shared, expected = WorkingCalendar(), {}
    receipts = [datetime(year, 6, 15, 9, tzinfo=VIETNAM) for year in range(2020, 2045)]
    for received in receipts:
        expected[received] = NATIONAL.add_working(received, 40 * 3600 * 1_000_000)
    results, errors = {}, []

    def work(chunk):
        try:
            for received in chunk:
                results[received] = shared.add_working(received, 40 * 3600 * 1_000_000)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(receipts[i::4][::-1],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and results == expected


def test_local_date_of_a_utc_instant():
    assert local_date(datetime(2026, 3, 9, 17, 30, tzinfo=UTC)) == date(2026, 3, 10)

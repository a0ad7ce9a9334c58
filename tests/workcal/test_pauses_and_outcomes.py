"""Pauses (DOMAIN.md §2.5) and early / on time / late (§2.6), as tables with reasons."""

from datetime import UTC, datetime

import pytest

from motcua.workcal.engine import (
    Outcome,
    Pause,
    Standing,
    classify_finished,
    classify_open,
    due_with_pauses,
    resume_after_pause,
)
from motcua.workcal.engine.errors import PauseBeforeReceipt, PauseEndsBeforeStart, PauseOverlap

from .conftest import NATIONAL, at, dur

PAUSE_CASES = [
    # (received, duration, [(pause from, to)], due, reason)
    ("2026-02-13 10:00", "1d", [("2026-02-23 08:00", "2026-02-24 08:00")], "2026-02-24 10:00",
     "2 h were left at the pause; counted on from the resume instant"),
    ("2026-03-09 08:00", "1d", [("2026-03-09 16:00", "2026-03-14 10:00")], "2026-03-16 09:00",
     "1.5 h left; resumed on a Saturday, so counted from Monday 07:30"),
    ("2026-03-09 08:00", "1d", [("2026-03-11 09:00", "2026-03-12 09:00")], "2026-03-10 08:00",
     "already overdue when paused (due Tue 08:00, paused Wed): stays overdue, due unchanged"),
    ("2026-03-09 07:30", "4h", [("2026-03-09 11:30", "2026-03-09 14:00")], "2026-03-09 14:00",
     "paused exactly at the due instant: nothing left, due at the resume instant"),
    ("2026-03-09 08:00", "2d",
     [("2026-03-09 09:00", "2026-03-10 09:00"), ("2026-03-11 10:00", "2026-03-11 11:00")],
     "2026-03-12 09:00",
     "two pauses: 8 h + 1 h of working time stopped, the due instant moves by 9 h"),
    ("2026-03-09 08:00", "sameday", [("2026-03-09 10:00", "2026-03-10 10:00")],
     "2026-03-10 17:00",
     "a same-day limit paused at 10:00 keeps its 5.5 h, due at Tuesday closing"),
]


@pytest.mark.parametrize(("received", "duration", "pauses", "due", "reason"), PAUSE_CASES,
                         ids=[case[4][:40] for case in PAUSE_CASES])
def test_due_with_pauses(received, duration, pauses, due, reason):
    stops = [Pause(at(start), at(end)) for start, end in pauses]
    result = due_with_pauses(NATIONAL, received=at(received), duration=dur(duration), pauses=stops)
    assert result == at(due), reason


def test_resume_after_pause_keeps_the_working_time_left():
    due = at("2026-03-11 10:00")
    resumed = resume_after_pause(
        NATIONAL, due=due, paused_at=at("2026-03-10 10:00"), resumed_at=at("2026-03-16 10:00")
    )
    assert resumed == at("2026-03-17 10:00")  # one working day was left, one is given back


@pytest.mark.parametrize(
    ("pauses", "error"),
    [
        ([("2026-03-09 10:00", "2026-03-09 09:00")], PauseEndsBeforeStart),
        ([("2026-03-08 10:00", "2026-03-09 09:00")], PauseBeforeReceipt),
        ([("2026-03-09 10:00", "2026-03-10 09:00"), ("2026-03-10 08:00", "2026-03-10 10:00")],
         PauseOverlap),
    ],
)
def test_bad_pauses_are_refused(pauses, error):
    with pytest.raises(error) as raised:
        stops = [Pause(at(start), at(end)) for start, end in pauses]
        due_with_pauses(NATIONAL, received=at("2026-03-09 08:00"), duration=dur("1d"),
                        pauses=stops)
    assert raised.value.code.startswith("pause_")


DUE = at("2026-03-10 08:00")
OUTCOME_CASES = [
    ("2026-03-09 16:00", Outcome.EARLY, "finished the day before the due date"),
    ("2026-03-10 07:59", Outcome.ON_TIME, "on the due date, before the due instant"),
    ("2026-03-10 08:00", Outcome.ON_TIME, "exactly at the due instant"),
    ("2026-03-10 08:00:01", Outcome.LATE, "one second after the due instant"),
    ("2026-03-11 07:00", Outcome.LATE, "the next day"),
]


@pytest.mark.parametrize(("finished", "outcome", "reason"), OUTCOME_CASES,
                         ids=[case[0] for case in OUTCOME_CASES])
def test_classify_finished(finished, outcome, reason):
    assert classify_finished(finished=at(finished), due=DUE) == outcome, reason


def test_classify_finished_uses_vietnamese_dates_not_utc():
    # 17:30 UTC on 09/03 is 00:30 on 10/03 in Vietnam: the due date, so on time, not early.
    finished = datetime(2026, 3, 9, 17, 30, tzinfo=UTC)
    assert classify_finished(finished=finished, due=DUE) is Outcome.ON_TIME


@pytest.mark.parametrize(
    ("cutoff", "standing"),
    [("2026-03-10 08:00", Standing.WITHIN), ("2026-03-10 08:01", Standing.OVERDUE)],
)
def test_classify_open_at_a_report_cutoff(cutoff, standing):
    assert classify_open(cutoff=at(cutoff), due=DUE) is standing

"""The deadline rules of DESIGN.md "Working time" as a table: one row per case, with its reason.

Pure engine, shipped holiday data (2025, 2026) and holidays.VN for other years; no database.
docs/deadlines.md shows the same examples.
"""

import pytest

from motcua.workcal.engine import due_at

from .conftest import NATIONAL, SATURDAY_DESK, UNIT_OWN_DAYS, at, dur

CASES = [
    # (calendar, received, duration, due, reason)
    (NATIONAL, "2026-02-13 10:00", "1d", "2026-02-23 10:00",
     "Tết 2026: Fri 5.5 h, then the break Sat 14 – Sun 22/02, 2.5 h on Mon 23/02"),
    (NATIONAL, "2025-01-24 10:00", "1d", "2025-02-03 10:00",
     "Tết 2025: holidays Mon 27 – Fri 31/01 between two weekends"),
    (NATIONAL, "2025-04-25 16:00", "4h", "2025-04-26 10:30",
     "make-up Saturday 26/04/2025 works the normal weekday sessions"),
    (NATIONAL, "2025-04-29 16:00", "1d", "2025-05-05 16:00",
     "30/04, 01/05 holidays and Fri 02/05/2025 swapped off: 1 h Tue, 7 h Mon 05/05"),
    (NATIONAL, "2025-12-31 15:00", "1d", "2026-01-05 15:00",
     "01/01/2026 holiday and Fri 02/01/2026 swapped off (VPCP 12729)"),
    (NATIONAL, "2026-01-09 13:00", "1d", "2026-01-10 11:30",
     "make-up Saturday 10/01/2026; lands on the morning's end and stays there"),
    (NATIONAL, "2026-04-24 17:00", "1d", "2026-04-28 17:00",
     "Giỗ Tổ on Sun 26/04/2026 gives compensatory Mon 27/04; due on Tue's closing"),
    (NATIONAL, "2026-03-09 12:00", "2h", "2026-03-09 15:00",
     "received in the lunch break: counts from 13:00"),
    (NATIONAL, "2026-03-09 10:30", "2h", "2026-03-09 14:00",
     "the lunch break is not working time"),
    (NATIONAL, "2026-03-09 07:30", "4h", "2026-03-09 11:30",
     "exactly on a session end: stays at 11:30, not 13:00"),
    (NATIONAL, "2026-03-09 07:30", "1d", "2026-03-09 17:00",
     "a whole day from the opening ends at 17:00 the same day, not 07:30 the next"),
    (NATIONAL, "2026-03-09 06:00", "1h", "2026-03-09 08:30",
     "received before opening: counts from 07:30"),
    (NATIONAL, "2026-03-09 18:00", "1h", "2026-03-10 08:30",
     "received after closing: counts from the next morning"),
    (NATIONAL, "2026-03-07 10:00", "0.5d", "2026-03-09 11:30",
     "received on a Saturday: counts from Monday 07:30; half a day is 4 h"),
    (NATIONAL, "2026-03-10 09:00", "0.5d", "2026-03-10 14:30",
     "half a day across the lunch break"),
    (NATIONAL, "2026-02-13 15:00", "4h", "2026-02-23 09:30",
     "working hours cross Tết like working days"),
    (NATIONAL, "2027-02-03 10:00", "1d", "2027-02-11 10:00",
     "2027 from holidays.VN: Tết Thu 04 – Wed 10/02/2027 (5 weekdays)"),
    (NATIONAL, "2027-04-29 16:00", "4h", "2027-05-04 10:30",
     "2027: 30/04 Fri, 01/05 on a Saturday gives compensatory Mon 03/05"),
    (NATIONAL, "2030-01-30 10:00", "1d", "2030-02-07 10:00",
     "2030 Tết on the Vietnamese calendar (mùng 1 = Sat 02/02, not the Chinese 03/02)"),
    (NATIONAL, "2039-12-30 16:00", "4h", "2040-01-03 10:30",
     "01/01/2040 is a Sunday: compensatory Mon 02/01/2040, across a year end"),
    (NATIONAL, "2026-02-06 10:00", "10cd", "2026-02-23 17:00",
     "calendar days land on Mon 16/02 (Tết): moved to the next working day, due at closing"),
    (NATIONAL, "2026-03-02 09:00", "10cd", "2026-03-12 17:00",
     "calendar days on an ordinary Thursday: end of its last session"),
    (NATIONAL, "2025-04-16 09:00", "10cd", "2025-04-26 17:00",
     "calendar days land on make-up Saturday 26/04/2025, a working day"),
    (NATIONAL, "2026-03-07 22:00", "1cd", "2026-03-09 17:00",
     "calendar days count from the receipt's local date, even a Saturday night"),
    (NATIONAL, "2026-03-09 15:00", "sameday", "2026-03-09 17:00",
     "same day: received exactly at 15:00 is still today"),
    (NATIONAL, "2026-03-09 15:01", "sameday", "2026-03-10 17:00",
     "same day: after 15:00 goes to the next working day"),
    (NATIONAL, "2026-03-09 12:00", "sameday", "2026-03-09 17:00",
     "same day: lunch-break receipt counts from 13:00, before 15:00"),
    (NATIONAL, "2026-03-09 07:00", "sameday", "2026-03-09 17:00",
     "same day: before opening counts from 07:30"),
    (NATIONAL, "2026-03-09 17:30", "sameday", "2026-03-10 17:00",
     "same day: after closing counts from tomorrow 07:30"),
    (NATIONAL, "2026-03-07 10:00", "sameday", "2026-03-09 17:00",
     "same day: Saturday → Monday 07:30 → Monday's closing"),
    (NATIONAL, "2026-02-13 15:30", "sameday", "2026-02-23 17:00",
     "same day after 15:00 on the last day before Tết: the next working day is 23/02"),
    (SATURDAY_DESK, "2026-03-13 16:00", "4h", "2026-03-14 10:30",
     "a unit with Saturday-morning sessions counts Saturday 07:30–11:30"),
    (SATURDAY_DESK, "2026-03-14 10:00", "sameday", "2026-03-14 11:30",
     "Saturday desk, same day: Saturday's last session ends at 11:30"),
    (SATURDAY_DESK, "2026-03-14 12:00", "sameday", "2026-03-16 17:00",
     "Saturday desk after its closing: next working day Monday"),
    (SATURDAY_DESK, "2025-04-25 16:00", "1d", "2025-04-26 16:00",
     "Saturday desk on make-up Saturday 26/04/2025 works the full weekday sessions"),
    (UNIT_OWN_DAYS, "2026-03-09 16:00", "4h", "2026-03-11 10:30",
     "a unit's own day off (Tue 10/03/2026) is skipped for that unit only"),
    (NATIONAL, "2026-03-09 16:00", "4h", "2026-03-10 10:30",
     "…while the national calendar works that Tuesday"),
    (UNIT_OWN_DAYS, "2025-12-31 15:00", "1d", "2026-01-02 15:00",
     "a unit may work a national swapped-off day (its own make-up day)"),
]


@pytest.mark.parametrize(
    ("calendar", "received", "duration", "due", "reason"),
    CASES,
    ids=[f"{case[1]}+{case[2]}" for case in CASES],
)
def test_due_instant(calendar, received, duration, due, reason):
    assert due_at(calendar, received=at(received), duration=dur(duration)) == at(due), reason


def test_due_instant_carries_the_vietnamese_offset():
    due = due_at(NATIONAL, received=at("2026-02-13 10:00"), duration=dur("1d"))
    assert due.isoformat() == "2026-02-23T10:00:00+07:00"

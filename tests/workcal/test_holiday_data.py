"""Holiday data: the shipped announcements, holidays.VN for other years, and who wins."""

import subprocess
import sys
from datetime import date

import pytest
import yaml

from motcua.workcal.engine import (
    DayKind,
    WorkingCalendar,
    default_national_year,
    generated_year,
    shipped_announcements,
)
from motcua.workcal.engine.holiday_data import DATA_FILE

from .conftest import NATIONAL


def kinds(specs) -> dict[date, DayKind]:
    return {spec.day: spec.kind for spec in specs}


def test_the_shipped_years_are_2025_and_2026():
    assert sorted(shipped_announcements()) == [2025, 2026]


def test_tet_ranges_expand_to_each_day():
    days = kinds(shipped_announcements()[2026])
    tet = [day for day in days if date(2026, 2, 1) <= day <= date(2026, 2, 28)]
    assert tet == [date(2026, 2, day) for day in range(16, 21)]


def test_unverified_entries_are_loaded_and_flagged():
    unverified = {spec.day for spec in shipped_announcements()[2026] if not spec.verified}
    assert unverified == {date(2026, 8, 22), date(2026, 8, 31), date(2026, 11, 24)}


def test_shipped_days_carry_the_announcement_as_legal_reference():
    assert all("8726/VPCP-KGVX" in spec.legal_ref for spec in shipped_announcements()[2025])


@pytest.mark.parametrize("year", range(2024, 2031))
def test_holidays_vn_lunar_dates_match_the_vietnamese_calendar_table(year):
    """data/holidays.yaml `computed_lunar`: mùng 1 Tết and Giỗ Tổ on the UTC+7 calendar."""
    table = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["computed_lunar"][year]
    named = {spec.name: spec.day for spec in generated_year(year)}
    assert [named["Tết Nguyên Đán"], named["Ngày Giỗ Tổ Hùng Vương"]] == table


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (date(2027, 1, 1), DayKind.HOLIDAY),
        (date(2027, 5, 3), DayKind.COMPENSATORY),  # 1 May 2027 is a Saturday
        (date(2027, 11, 24), DayKind.HOLIDAY),  # Vietnam Culture Day, from 2026 in holidays.VN
        (date(2030, 2, 4), DayKind.HOLIDAY),
        (date(2040, 1, 2), DayKind.COMPENSATORY),  # 1 January 2040 is a Sunday
        (date(2024, 4, 29), DayKind.SWAPPED_OFF),  # the package's known 2024 swap…
        (date(2024, 5, 4), DayKind.MAKEUP_WORKDAY),  # …against make-up Saturday 04/05/2024
    ],
)
def test_generated_years(day, kind):
    assert kinds(generated_year(day.year))[day] is kind


def test_generated_days_are_flagged_unverified():
    assert not any(spec.verified for spec in generated_year(2027))


def test_generated_tet_gives_five_weekdays_off():
    tet = [day for day, kind in kinds(generated_year(2027)).items()
           if kind is DayKind.HOLIDAY and day.month == 2 and day.weekday() < 5]
    assert len(tet) == 5


def test_shipped_data_wins_over_holidays_vn():
    # holidays.VN does not know the 2026 New Year swap; the announcement does.
    assert date(2026, 1, 2) not in kinds(generated_year(2026))
    assert kinds(default_national_year(2026))[date(2026, 1, 2)] is DayKind.SWAPPED_OFF
    assert not NATIONAL.is_working_day(date(2026, 1, 2))
    assert NATIONAL.is_working_day(date(2026, 1, 10))  # the make-up Saturday


def test_stored_years_win_over_shipped_data_and_overrides_win_over_both():
    stored = {2026: [(date(2026, 3, 9), DayKind.HOLIDAY)]}
    calendar = WorkingCalendar(stored_years=stored, overrides={date(2026, 3, 9): "makeup_workday"})
    stored_only = WorkingCalendar(stored_years=stored)
    assert stored_only.is_working_day(date(2026, 2, 16))  # Tết not in the stored list
    assert not stored_only.is_working_day(date(2026, 3, 9))
    assert calendar.is_working_day(date(2026, 3, 9))


def test_the_engine_imports_no_django():
    code = (
        "import sys, motcua.workcal.engine as e; e.WorkingCalendar().is_working_day"
        "(__import__('datetime').date(2026, 1, 5)); "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0

from datetime import UTC, date, datetime

from motcua.core.templatetags.motcua import vnd, vndate, vndatetime


def test_money_is_grouped_with_dots_and_suffixed_with_dong():
    assert vnd(1234567) == "1.234.567 đ"
    assert vnd(0) == "0 đ"
    assert vnd(None) == ""


def test_dates_are_day_month_year():
    assert vndate(date(2026, 2, 3)) == "03/02/2026"


def test_instants_are_shown_in_vietnam_time():
    # 20:30 UTC on 31/12 is already 03:30 on 01/01 in Vietnam (UTC+7).
    instant = datetime(2025, 12, 31, 20, 30, tzinfo=UTC)
    assert vndate(instant) == "01/01/2026"
    assert vndatetime(instant) == "03:30 01/01/2026"

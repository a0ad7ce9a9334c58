"""Time limits → duration specs for motcua.workcal and plain Vietnamese (pure functions)."""

from decimal import Decimal

import pytest
from django.utils import translation

from motcua.catalog.content import Stage, TimeLimit
from motcua.catalog.timelimits import UnknownCaseError, describe, duration_spec

D = Decimal
HT09 = TimeLimit("staged", stage_mode="cases", stages=(
    Stage("bổ sung thông tin", "same_day"),
    Stage("cải chính", "working_days", D(3), D(3)),
))
BTXH01 = TimeLimit("staged", stage_mode="sequence", stages=(
    Stage("xã", "working_days", D(7)), Stage("phòng", "working_days", D(7), D(2)),
    Stage("chủ tịch", "working_days", D(3)),
))


@pytest.mark.parametrize(
    ("limit", "spec", "with_verification", "reason"),
    [
        (TimeLimit("working_days", D(5)), "5d", "5d", "the common case"),
        (TimeLimit("working_days", D("0.50")), "0.5d", "0.5d", "half a day, DB scale dropped"),
        (TimeLimit("working_days", D(3), D(5)), "3d", "8d", "HT-07: 3 days, +5 to verify"),
        (TimeLimit("working_hours", D(4)), "4h", "4h", "hours"),
        (TimeLimit("working_hours", D(4), D(1)), "4h", "12h", "an extension day is 8 hours"),
        (TimeLimit("calendar_days", D(10)), "10cd", "10cd", "land mediation counts days"),
        (TimeLimit("same_day"), "sameday", "sameday", "the 15:00 cut-off rule"),
        (TimeLimit("same_day", None, D(5)), "sameday", "5d", "HT-03: verification ≤ 5 days"),
        (TimeLimit("working_days"), None, None, "not fixed by law"),
        (TimeLimit("working_days", D(10)), "10d", "10d", "10 is not written 1E+1"),
        (BTXH01, "17d", "19d", "sequential stages add up"),
        (HT09, None, None, "alternative cases need the case"),
        (TimeLimit("staged", D(3), D(2), stage_mode="sequence",
                   stages=(Stage("khai sinh", "same_day"),)), "3d", "5d", "LT-01 states a total"),
    ],
)
def test_duration_spec(limit, spec, with_verification, reason):
    assert duration_spec(limit) == spec, reason
    assert duration_spec(limit, verification=True) == with_verification, reason


def test_a_case_of_a_staged_limit_has_its_own_spec():
    assert duration_spec(HT09, case="bổ sung thông tin") == "sameday"
    assert duration_spec(HT09, case="cải chính") == "3d"
    assert duration_spec(HT09, case="cải chính", verification=True) == "6d"
    with pytest.raises(UnknownCaseError):
        duration_spec(HT09, case="không có")


@pytest.mark.parametrize(
    ("limit", "text"),
    [
        (TimeLimit("working_days", D(5)), "5 ngày làm việc"),
        (TimeLimit("working_days", D("0.5")), "0,5 ngày làm việc"),
        (TimeLimit("working_hours", D(4)), "4 giờ làm việc"),
        (TimeLimit("calendar_days", D(30)), "30 ngày (theo lịch)"),
        (TimeLimit("same_day"),
         "Trong ngày; nhận sau 15 giờ trả trong ngày làm việc tiếp theo"),
        (TimeLimit("working_days", D(3), D(5)),
         "3 ngày làm việc; cần xác minh: thêm tối đa 5 ngày làm việc"),
        (TimeLimit("working_days"), "Chưa xác định thời hạn"),
        (HT09, "Tùy trường hợp. Bổ sung thông tin: Trong ngày; nhận sau 15 giờ trả trong ngày "
               "làm việc tiếp theo. Cải chính: 3 ngày làm việc; cần xác minh: thêm tối đa 3 ngày "
               "làm việc."),
    ],
)
def test_description_in_plain_vietnamese(limit, text):
    with translation.override("vi"):
        assert describe(limit) == text


def test_description_in_english():
    with translation.override("en"):
        assert describe(TimeLimit("working_days", D(1))) == "1 working day"
        assert describe(TimeLimit("working_days", D(5))) == "5 working days"
        assert describe(TimeLimit("same_day")).startswith("Same day; received after 15:00")

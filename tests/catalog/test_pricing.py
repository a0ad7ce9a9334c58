"""Fees: the certified-copy formula (TT 226/2016/TT-BTC) and the conditions of a fee rule."""

from datetime import date

import pytest

from motcua.catalog.content import FeeRule
from motcua.catalog.pricing import certified_copy_fee, fee_amount

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("pages", "fee", "reason"),
    [
        (1, 2_000, "2.000 đ a page"),
        (2, 4_000, "still the first-page rate"),
        (3, 5_000, "from page 3: 1.000 đ a page"),
        (10, 12_000, "4.000 + 8 × 1.000"),
        (198, 200_000, "exactly the cap"),
        (199, 200_000, "capped at 200.000 đ per copy"),
        (1_000, 200_000, "capped"),
    ],
)
def test_certified_copy_fee(pages, fee, reason):
    assert certified_copy_fee(pages) == fee, reason


def test_a_copy_has_at_least_one_page():
    with pytest.raises(ValueError):
        certified_copy_fee(0)


LATE_BIRTH = FeeRule("Lệ phí khai sinh không đúng hạn", "le_phi", 8_000, free_if_on_time=True,
                     online_discount_percent=30, online_discount_until=date(2023, 12, 31))
COPY = FeeRule("Phí chứng thực", "phi", formula="certified_copy_pages", unit="per_copy")
EXTRACT = FeeRule("Phí bản sao trích lục", "phi", 8_000, unit="per_copy")
RESIDENCE = FeeRule("Lệ phí thường trú", "le_phi", 20_000, online_discount_percent=50)
NOT_SET = FeeRule("Lệ phí theo HĐND tỉnh", "le_phi", set_by="provincial_council")


@pytest.mark.parametrize(
    ("fee", "kwargs", "amount", "reason"),
    [
        (LATE_BIRTH, {"on_time": True}, 0, "free when registered on time"),
        (LATE_BIRTH, {}, 8_000, "late registration pays"),
        (LATE_BIRTH, {"online": True, "on": date(2023, 6, 1)}, 5_600, "−30 % online in 2023"),
        (LATE_BIRTH, {"online": True}, 8_000, "the discount ended on 31/12/2023"),
        (RESIDENCE, {"online": True}, 10_000, "open-ended discount: 10.000 đ online"),
        (COPY, {"pages": 3, "copies": 2}, 10_000, "the formula is per copy"),
        (EXTRACT, {"copies": 3}, 24_000, "8.000 đ a copy"),
        (NOT_SET, {}, None, "an amount not in the catalog is unknown, not free"),
    ],
)
def test_fee_amount(fee, kwargs, amount, reason):
    assert fee_amount(fee, **{"on": TODAY, **kwargs}) == amount, reason


def test_a_formula_fee_needs_the_page_count():
    with pytest.raises(ValueError, match="pages"):
        fee_amount(COPY, on=TODAY)

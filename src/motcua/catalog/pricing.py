"""What a citizen pays: fee rules (phí, lệ phí) applied to one request. Pure functions.

Formulas are named functions chosen by a code in the data (`formula: certified_copy_pages`),
never expressions evaluated from the data file.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from motcua.catalog.choices import FeeFormula, FeeUnit
from motcua.catalog.content import FeeRule

# TT 226/2016/TT-BTC: certified copy from an original, counted on the original's pages.
COPY_FIRST_PAGES = 2
COPY_FIRST_PAGE_FEE = 2_000
COPY_NEXT_PAGE_FEE = 1_000
COPY_FEE_CAP = 200_000


def certified_copy_fee(pages: int) -> int:
    """2.000 đ/page for pages 1–2, 1.000 đ/page from page 3, at most 200.000 đ per copy."""
    if pages < 1:
        raise ValueError("a certified copy has at least one page")
    first = min(pages, COPY_FIRST_PAGES) * COPY_FIRST_PAGE_FEE
    rest = max(pages - COPY_FIRST_PAGES, 0) * COPY_NEXT_PAGE_FEE
    return min(first + rest, COPY_FEE_CAP)


FORMULAS = {FeeFormula.CERTIFIED_COPY_PAGES: certified_copy_fee}


def online_discount_applies(fee: FeeRule, *, on: date) -> bool:
    if fee.online_discount_percent is None:
        return False
    starts, ends = fee.online_discount_from, fee.online_discount_until
    return (starts is None or starts <= on) and (ends is None or on <= ends)


def fee_amount(
    fee: FeeRule,
    *,
    on: date,
    pages: int | None = None,
    copies: int = 1,
    online: bool = False,
    on_time: bool = False,
) -> int | None:
    """The amount in đồng for one request, or None when the amount is not set in the catalog.

    `on_time` is "registered within the legal period" (e.g. a birth within 60 days), which
    makes fees flagged `free_if_on_time` free (Luật Hộ tịch 2014, Art. 11).
    """
    if fee.free_if_on_time and on_time:
        return 0
    if fee.formula:
        if pages is None:
            raise ValueError(f"fee {fee.name!r} is priced by pages: give `pages`")
        base = FORMULAS[fee.formula](pages)
    elif fee.amount is None:
        return None
    else:
        base = fee.amount
    if fee.unit == FeeUnit.PER_COPY:
        base *= copies
    if online and online_discount_applies(fee, on=on):
        kept = Decimal(100 - fee.online_discount_percent) / 100
        base = int((base * kept).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return base

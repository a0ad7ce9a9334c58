"""Vietnamese dates and money through the template filters, in both interface languages."""

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template(
    "{% load motcua humanize %}"
    "{{ day|vndate }}|{{ instant|vndatetime }}|{{ fee|vnd }}|{{ day|date:'SHORT_DATE_FORMAT' }}|"
    "{{ count }}|{{ fee|intcomma }}"
)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_are_dd_mm_yyyy_and_money_is_grouped_with_dots(language):
    context = Context({
        "day": date(2026, 2, 3),
        # 17:30 UTC is 00:30 the next day in Vietnam.
        "instant": datetime(2026, 2, 16, 17, 30, tzinfo=UTC),
        "fee": 1234567,
        "count": 55000,
    })

    with translation.override(language):
        rendered = TEMPLATE.render(context)

    assert rendered == "03/02/2026|00:30 17/02/2026|1.234.567 đ|03/02/2026|55.000|1.234.567"

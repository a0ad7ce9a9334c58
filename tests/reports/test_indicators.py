"""Decision 766 indicators from rollups: rates, points against editable thresholds, the
monthly dashboard and its history."""

from datetime import date
from decimal import Decimal

import pytest

from motcua.dossiers.statuses import Channel
from motcua.reports.indicators import indicator_settings, indicators_for, points, total_points
from motcua.reports.rollups import rollup_refresh
from tests.factories.dossiers import vn
from tests.factories.reports import dossier_open, dossier_settled

pytestmark = pytest.mark.django_db
NOVEMBER = date(2026, 11, 1)


@pytest.fixture
def month(world, five_day, frozen_now):
    dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                    finished=vn(2026, 11, 4, 9), channel=Channel.ONLINE)
    dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                    finished=vn(2026, 11, 12, 9))
    dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 3, 9),
                    finished=vn(2026, 11, 5, 9), supplements=2)
    dossier_open(world=world, procedure=five_day, received=vn(2026, 11, 24, 9))
    rollup_refresh(unit_ids=None, months=[NOVEMBER])


def by_code(rows):
    return {row.code: row for row in rows}


def test_rates_follow_decision_766(province, month):
    rows = by_code(indicators_for(unit=province, month=NOVEMBER))
    # 2.1: 4 dossiers; one late by date, one late for two supplement requests.
    assert rows["2.1"].rate == 50.0
    assert rows["2.1"].points == Decimal("10.00")  # 50 % of 20
    assert rows["3.3"].rate == 25.0  # 1 online of 4 received
    assert rows["3.3"].points == Decimal("3.00")  # 25 / 50 × 6
    assert rows["4.3"].rate is None and rows["4.3"].points is None  # no reuse data yet
    # 5.4: 100 − late rate (1 of 3 settled, legal view) − unsatisfied ratings (none).
    assert rows["5.4"].rate == 66.67


def test_thresholds_and_maxima_are_editable(province, month):
    config = indicator_settings()
    config.online_dossiers_threshold = 25
    config.online_dossiers_max = Decimal(8)
    config.save()
    rows = by_code(indicators_for(unit=province, month=NOVEMBER))
    assert rows["3.3"].points == Decimal("8.00")  # 25 % reaches the new threshold


def test_points_are_capped_and_na_without_data():
    assert points(95.0, Decimal(6), 50) == Decimal(6)
    assert points(40.0, Decimal(6), 80) == Decimal("3.00")
    assert points(None, Decimal(6), 80) is None


def test_the_dashboard_shows_the_month_and_its_history(client, province, month):
    response = client.get("/thong-ke/chi-so-766/", {"unit": province.code, "month": "11/2026"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-code="2.1"' in body and 'data-code="5.4"' in body
    total = total_points(indicators_for(unit=province, month=NOVEMBER))
    assert f'data-figure="total">{total}'.replace(".", ",") in body or (
        f'data-figure="total">{total}' in body)
    assert "10/2026" in body  # the history, month by month

"""Shared fixtures of the report tests: one commune with its people, the five-day procedure,
the period of November 2026 (the suite's frozen clock is Thursday 26/11/2026 09:00)."""

from datetime import date

import pytest

from motcua.reports.periods import Period
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import procedure_create, world_create


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def province(db):
    return UnitFactory(province=True, name="Tỉnh Báo Cáo")


@pytest.fixture
def world(province):
    return world_create(unit=UnitFactory(with_desk=True, parent=province,
                                         name="UBND xã Báo Cáo"))


@pytest.fixture
def five_day(db):
    return procedure_create("five_day")


@pytest.fixture
def november() -> Period:
    return Period(date(2026, 11, 1), date(2026, 11, 30))

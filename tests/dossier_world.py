"""Fixtures shared by every test that works with dossiers (a pytest plugin, registered in
tests/conftest.py): a commune with its desk officer, specialist and leader; a citizen; another
commune's desk officer; the three kinds of procedure (same day, 5 working days, liên thông).
Uploaded files go to a temporary MEDIA_ROOT in every test."""

from contextlib import contextmanager

import pytest
import time_machine

from motcua.dossiers.models import (
    DailySequence,
    Dossier,
    DossierComponent,
    DossierEvent,
    DossierFile,
    DossierStep,
)
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import DossierWorld, procedure_create, vn, world_create


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db) -> DossierWorld:
    """A commune (with its one-stop desk), its desk officer, specialist and leader, a citizen."""
    return world_create(unit=UnitFactory(with_desk=True, name="UBND xã Thử Nghiệm Một Cửa"))


@pytest.fixture
def commune(world):
    return world.unit


@pytest.fixture
def desk_officer(world):
    return world.desk_officer


@pytest.fixture
def specialist(world):
    return world.specialist


@pytest.fixture
def leader(world):
    return world.leader


@pytest.fixture
def citizen(world):
    return world.citizen


@pytest.fixture
def applicant(world):
    return world.applicant()


@pytest.fixture
def other_citizen(db):
    return CitizenFactory()


@pytest.fixture
def other_commune(db):
    return UnitFactory(with_desk=True, name="UBND xã Bên Cạnh")


@pytest.fixture
def other_desk_officer(other_commune):
    """A desk officer — of another commune."""
    return StaffFactory(desk_officer=True, unit=other_commune)


@pytest.fixture
def five_day_procedure(db):
    """5 working days, every channel, a 10.000 đ levy, the standard 4-step process."""
    return procedure_create("five_day")


@pytest.fixture
def same_day_procedure(db):
    """Trong ngày (the 15:00 cut-off), every channel, no fee."""
    return procedure_create("same_day")


@pytest.fixture
def lien_thong_procedure(db):
    """5 working days with a step done by another agency (Công an cấp xã)."""
    return procedure_create("lien_thong")


@pytest.fixture
def travel():
    """`travel(vn(2026, 3, 9, 10))` freezes the clock at that instant (until the test ends; call
    again to move on). Starts frozen on Monday 09/03/2026 08:00 in Vietnam, a working day."""
    with time_machine.travel(vn(2026, 3, 9, 8), tick=False) as traveller:

        def to(instant):
            traveller.move_to(instant)
            return instant

        yield to


_COUNTED = (Dossier, DossierEvent, DossierStep, DossierComponent, DossierFile, DailySequence)


def _snapshot(dossiers):
    counts = {model.__name__: model.objects.count() for model in _COUNTED}
    sequences = sorted(DailySequence.objects.values_list("unit_id", "day", "last"))
    rows = [Dossier.objects.filter(pk=d.pk).values().get() for d in dossiers]
    return counts, sequences, rows


@pytest.fixture
def unchanged():
    """`with unchanged(dossier, ...):` — the block must write nothing: no row of any dossier
    table added or removed, no code number taken, the given dossiers' rows identical."""

    @contextmanager
    def check(*dossiers):
        before = _snapshot(dossiers)
        yield
        assert _snapshot(dossiers) == before

    return check

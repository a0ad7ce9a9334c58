"""`users_where`: whom a page may offer for a permission in a unit (the assignment select,
deadline alerts) — roles held in the unit itself, or above it with a subtree scope."""

import pytest

from motcua.accounts.access import Permission, users_where
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    return UnitFactory()


@pytest.fixture
def commune(province):
    return UnitFactory(parent=province)


def test_a_role_held_in_the_unit_counts(commune):
    specialist = StaffFactory(specialist=True, unit=commune)
    StaffFactory(desk_officer=True, unit=commune)  # holds no processing permission

    assert list(users_where(Permission.DOSSIER_PROCESS, commune)) == [specialist]


def test_a_unit_scoped_role_above_does_not(province, commune):
    StaffFactory(specialist=True, unit=province)

    assert not users_where(Permission.DOSSIER_PROCESS, commune).exists()


def test_a_subtree_role_above_counts_and_an_ended_role_does_not(province, commune):
    leader = StaffFactory(leader=True, unit=province)
    StaffFactory(leader=True, unit=commune, expired=True)

    assert list(users_where(Permission.DOSSIER_VIEW, commune)) == [leader]


def test_an_inactive_account_is_not_offered(commune):
    StaffFactory(specialist=True, unit=commune, is_active=False)

    assert not users_where(Permission.DOSSIER_PROCESS, commune).exists()

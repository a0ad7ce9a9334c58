"""Who may give roles and edit accounts: nobody can raise anyone above their own rights."""

import pytest

from motcua.accounts.access import can_grant_role, can_manage_user
from motcua.accounts.roles import Role
from tests.factories.accounts import CitizenFactory, StaffFactory, StaffRoleFactory, UserFactory
from tests.factories.agencies import UnitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


@pytest.fixture
def province():
    return UnitFactory(province=True)


@pytest.fixture
def commune(province):
    return UnitFactory(parent=province)


def test_a_unit_admin_grants_roles_below_but_never_system_admin(province, commune):
    admin = StaffFactory(unit_admin=True, unit=province)
    for role in Role:
        assert can_grant_role(admin, role, commune) is (role != Role.SYSTEM_ADMIN), role
    assert not can_grant_role(admin, Role.DESK_OFFICER, UnitFactory(province=True))


def test_a_system_admin_grants_every_role_in_its_subtree(province, commune):
    admin = StaffFactory(system_admin=True, unit=province)
    assert all(can_grant_role(admin, role, commune) for role in Role)
    assert not can_grant_role(StaffFactory(leader=True, unit=province), Role.SPECIALIST, commune)


def test_who_may_edit_whose_account(province, commune):
    unit_admin = StaffFactory(unit_admin=True, unit=province)
    officer = StaffFactory(desk_officer=True, unit=commune)
    system_admin = StaffFactory(system_admin=True, unit=province)
    elsewhere = StaffFactory(desk_officer=True, unit=UnitFactory(province=True))
    root = UserFactory(is_superuser=True)
    cases = [
        (unit_admin, officer, True, "staff of a unit below"),
        (unit_admin, elsewhere, False, "staff of another province"),
        (unit_admin, system_admin, False, "cannot take over a system administrator"),
        (unit_admin, root, False, "nor a superuser"),
        (unit_admin, CitizenFactory(), False, "citizens' data is for superusers"),
        (system_admin, system_admin, True, "itself"),
        (system_admin, unit_admin, True, "a unit administrator of its province"),
        (root, CitizenFactory(), True, "superusers edit anyone"),
        (officer, officer, False, "no unit.manage_users"),
    ]
    for actor, person, expected, reason in cases:
        assert can_manage_user(actor, person) is expected, reason


def test_a_person_with_a_role_outside_my_scope_is_not_mine(province, commune):
    unit_admin = StaffFactory(unit_admin=True, unit=commune)
    shared = StaffFactory(desk_officer=True, unit=commune)
    assert can_manage_user(unit_admin, shared)
    StaffRoleFactory(user=shared, unit=province, specialist=True)
    assert not can_manage_user(unit_admin, shared)

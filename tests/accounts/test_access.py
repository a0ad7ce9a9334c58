"""The access table: role × relation between the role's unit and the target × permission.

The expected policy is written out here on its own, not derived from `access.GRANTS`, so a
change to the table in code has to be a change to this table too.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from motcua.accounts.access import (
    ADMIN_PERMISSIONS,
    GRANTS,
    PERMISSION_DENIED,
    Permission,
    has_permission,
    has_permission_anywhere,
    has_permission_at_top_level,
    require_permission,
    units_where,
)
from motcua.accounts.roles import Role
from motcua.agencies.services import unit_retire
from tests.factories.accounts import StaffFactory, StaffRoleFactory, UserFactory
from tests.factories.agencies import UnitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

# U = in the unit where the role is held only; S = there and in every unit below it.
EXPECTED = """
permission              desk_officer specialist leader unit_admin system_admin postal_operator
dossier.view            U            U          S      -          -            -
dossier.receive         U            -          -      -          -            -
dossier.accept_online   U            -          -      -          -            -
dossier.process         -            U          -      -          -            -
dossier.assign          -            -          U      -          -            -
dossier.approve         -            -          U      -          -            -
dossier.reschedule      -            -          U      -          -            -
dossier.stop            -            -          U      -          -            -
dossier.return_result   U            -          -      -          -            -
postal.update           -            -          -      -          -            S
catalog.manage          -            -          -      S          S            -
calendar.manage         -            -          -      S          S            -
unit.manage             -            -          -      -          S            -
unit.manage_users       -            -          -      S          S            -
reports.view            U            -          S      S          S            -
"""


def _expected() -> dict[tuple[str, str], str]:
    header, *rows = EXPECTED.strip().splitlines()
    roles = header.split()[1:]
    return {(role, perm): mark
            for perm, *marks in (row.split() for row in rows)
            for role, mark in zip(roles, marks, strict=True)}


# Which scopes reach a unit in each relation to the unit where the role is held.
RELATIONS = {
    "own unit": {"U", "S"},
    "grandchild": {"S"},
    "parent": set(),
    "sibling": set(),
    "retired predecessor": {"U", "S"},  # its work passed to the own unit
    "child of retired predecessor": {"S"},
}


@pytest.fixture
def units():
    """province ─┬─ own ── child ── grandchild
                 └─ sibling
       retired predecessor ── its child     (ended 30/6/2025, successor: own)"""
    province = UnitFactory(province=True)
    own = UnitFactory(agency=True, parent=province)
    child = UnitFactory(parent=own)
    predecessor = UnitFactory(province=True, valid_to=date(2025, 6, 30))
    predecessor_child = UnitFactory(parent=predecessor, valid_to=date(2025, 6, 30))
    unit_retire(unit=predecessor, last_day=date(2025, 6, 30), successors=[own])
    return {
        "own unit": own,
        "grandchild": UnitFactory(parent=child),
        "parent": province,
        "sibling": UnitFactory(parent=province),
        "retired predecessor": predecessor,
        "child of retired predecessor": predecessor_child,
    }


def test_the_table_in_code_is_the_table_in_this_test():
    in_code = {(role.value, perm.value): GRANTS[role].get(perm, "-").upper()[:1]
               for role in Role for perm in Permission}
    assert in_code == _expected()


@pytest.mark.parametrize("role", list(Role))
def test_each_role_grants_its_permissions_where_its_scope_reaches(role, units):
    user = StaffFactory(role=role, unit=units["own unit"])
    expected = _expected()
    wrong = [
        (perm.value, relation, allowed)
        for perm in Permission
        for relation, unit in units.items()
        if (allowed := has_permission(user, perm, unit))
        != (expected[(role.value, perm.value)] in RELATIONS[relation])
    ]
    assert wrong == [], f"{role}: (permission, relation, granted) that contradict the table"


@pytest.mark.parametrize("trait", ["expired", "future"])
def test_roles_outside_their_period_grant_nothing(trait, units):
    user = StaffFactory(leader=True, unit=units["own unit"], **{trait: True})
    assert not units_where(user, Permission.DOSSIER_VIEW).exists()


def test_a_role_ending_today_still_counts_today(units):
    today = date(2026, 11, 26)  # frozen_now
    user = StaffFactory(desk_officer=True, unit=units["own unit"], role_valid_to=today)
    assert has_permission(user, Permission.DOSSIER_RECEIVE, units["own unit"])
    yesterday = StaffFactory(desk_officer=True, unit=units["own unit"],
                             role_valid_to=today - timedelta(days=1))
    assert not has_permission(yesterday, Permission.DOSSIER_RECEIVE, units["own unit"])


def test_a_role_in_a_retired_unit_grants_nothing(units):
    # The predecessor's old leader: the unit is gone, its work belongs to the successor's staff.
    user = StaffFactory(leader=True, unit=units["retired predecessor"])
    assert not units_where(user, Permission.REPORTS_VIEW).exists()


def test_inactive_and_anonymous_users_hold_nothing(units):
    user = StaffFactory(system_admin=True, unit=units["parent"], is_active=False)
    assert not units_where(user, Permission.UNIT_MANAGE).exists()
    assert not has_permission(AnonymousUser(), Permission.REPORTS_VIEW, units["own unit"])


def test_superusers_administer_everywhere_but_act_on_no_dossier(units):
    root = UserFactory(is_superuser=True, is_staff=True)
    for perm in Permission:
        expected = perm in ADMIN_PERMISSIONS
        assert all(has_permission(root, perm, unit) == expected for unit in units.values()), perm
    assert not any(perm.value.startswith("dossier.") for perm in ADMIN_PERMISSIONS)


def test_every_permission_is_granted_by_some_role():
    granted = {perm for grants in GRANTS.values() for perm in grants}
    assert granted == set(Permission)


def test_units_where_takes_three_queries_whatever_the_roles(units, django_assert_num_queries):
    one_role = StaffFactory(leader=True, unit=units["sibling"])
    many_roles = StaffFactory(leader=True, unit=units["own unit"])
    for unit in (units["parent"], units["sibling"], units["grandchild"]):
        StaffRoleFactory(user=many_roles, unit=unit, leader=True)
    for user, count in ((one_role, 1), (many_roles, 6)):
        with django_assert_num_queries(3):
            found = list(units_where(user, Permission.REPORTS_VIEW))
        assert len(found) >= count


def test_require_permission_refuses_with_403_or_hides_with_404(units):
    user = StaffFactory(desk_officer=True, unit=units["own unit"])
    require_permission(user, Permission.DOSSIER_RECEIVE, units["own unit"])
    with pytest.raises(PermissionDenied) as caught:
        require_permission(user, Permission.DOSSIER_RECEIVE, units["sibling"])
    assert str(caught.value) == str(PERMISSION_DENIED)
    with pytest.raises(Http404):
        require_permission(user, "dossier.receive", units["sibling"], not_found=True)


def test_a_misspelt_permission_is_an_error_not_a_refusal(units):
    user = StaffFactory(unit=units["own unit"])
    with pytest.raises(ValueError):
        has_permission(user, "dossier.recieve", units["own unit"])


def test_top_level_holders_are_those_with_the_permission_in_a_current_province(units):
    # Shared data (the catalog, the national calendar) is changed from a top-level unit only.
    province_admin = StaffFactory(system_admin=True, unit=units["parent"])
    # `own` inherits the retired top-level predecessor's work, but that unit is not in force.
    own_admin = StaffFactory(system_admin=True, unit=units["own unit"])

    assert has_permission_at_top_level(province_admin, Permission.CATALOG_MANAGE)
    assert not has_permission_at_top_level(own_admin, Permission.CATALOG_MANAGE)
    assert has_permission_anywhere(own_admin, Permission.CATALOG_MANAGE)
    assert not has_permission_at_top_level(province_admin, Permission.DOSSIER_RECEIVE)
    assert has_permission_at_top_level(
        UserFactory(is_superuser=True), Permission.CALENDAR_MANAGE)
    assert not has_permission_at_top_level(AnonymousUser(), Permission.CALENDAR_MANAGE)


def test_units_where_any_is_the_union_of_each_permissions_units(db):
    from motcua.accounts.access import Permission, units_where, units_where_any
    from tests.factories.accounts import StaffFactory, StaffRoleFactory
    from tests.factories.agencies import UnitFactory

    # Given a province leader who is also a specialist in a commune of another province
    province = UnitFactory(province=True)
    commune = UnitFactory(parent=province)
    elsewhere = UnitFactory()
    user = StaffFactory(leader=True, unit=province)
    StaffRoleFactory(user=user, unit=elsewhere, role=Role.SPECIALIST)
    perms = (Permission.DOSSIER_PROCESS, Permission.DOSSIER_ASSIGN, Permission.DOSSIER_VIEW)
    # Then the units of any of the permissions are exactly the union of each one's units
    expected = set().union(*(set(units_where(user, perm)) for perm in perms))
    assert set(units_where_any(user, perms)) == expected == {province, commune, elsewhere}

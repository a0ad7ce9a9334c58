"""The demo data: idempotent, clearly sample, staff for every role, the 2025 reform linked."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from motcua.accounts.access import Permission, has_permission
from motcua.accounts.demo import DEMO_PASSWORD, demo_people_load
from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.agencies.demo import demo_units_load
from motcua.agencies.models import Department, Unit
from motcua.agencies.selectors import unit_current_successors, unit_get_by_code
from tests.factories.accounts import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TIEN_GIANG, DONG_THAP, GO_CONG_TAY = "000.00.00.Z98", "000.00.00.Z99", "000.00.27.Z98"
NEW_VINH_BINH, OLD_VINH_BINH = "000.00.31.Z99", "000.01.27.Z98"


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count()
            for model in (Unit, Department, User, StaffRole, Unit.successors.through)}


def _load() -> str:
    out = StringIO()
    call_command("demo_load", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # The demo hashes its one password once; in tests even once is slow at full strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo():
    """The sample units and people only (holidays and catalog belong to their apps' tests)."""
    demo_units_load()
    demo_people_load()


def test_loading_twice_changes_nothing():
    _load()
    before = _counts()
    password_before = User.objects.get(username="dt.lanhdao").password
    output = _load()
    assert _counts() == before
    assert "units: 21 (0 created, 0 updated, 21 unchanged)" in output
    assert User.objects.get(username="dt.lanhdao").password == password_before


def test_every_demo_row_is_marked_as_sample(demo):
    units = Unit.objects.filter(code__regex=r"Z9[89]$")
    assert units.count() == 21 and not units.filter(is_sample=False).exists()
    assert all("(mẫu)" in name for name in units.values_list("name", flat=True))
    assert not User.objects.filter(username__in=["dt.lanhdao", "congdan.an"],
                                   is_sample=False).exists()


def test_every_unit_has_departments_and_its_one_stop_desk(demo):
    for unit in Unit.objects.filter(is_sample=True):
        kinds = list(unit.departments.values_list("kind", flat=True))
        assert kinds.count(Department.Kind.ONE_STOP_DESK) == 1, unit
        assert Department.Kind.SPECIALIST in kinds, unit


def test_the_demo_has_staff_for_every_role_in_several_units(demo):
    today = date(2026, 11, 26)
    active = StaffRole.objects.active_on(today).filter(user__is_sample=True)
    assert set(active.values_list("role", flat=True)) == set(Role.values)
    assert active.values("unit").distinct().count() >= 5
    citizen = User.objects.get(username="congdan.an")
    assert citizen.cccd and citizen.phone and citizen.address and citizen.check_password(
        DEMO_PASSWORD)


def test_the_old_structure_hands_its_work_to_the_new_one(demo):
    day = date(2025, 7, 1)
    district = unit_get_by_code(code=GO_CONG_TAY)
    assert district.valid_to == date(2025, 6, 30) and district.level.code == "huyen"
    assert {u.code for u in unit_current_successors(unit=district, day=day)} == {
        "000.00.31.Z99", "000.00.32.Z99", "000.00.33.Z99"}
    province = unit_get_by_code(code=TIEN_GIANG)
    assert unit_current_successors(unit=province, day=day) == [unit_get_by_code(code=DONG_THAP)]


def test_demo_roles_follow_the_access_rules(demo):
    old_commune = unit_get_by_code(code=OLD_VINH_BINH)
    desk = User.objects.get(username="vinhbinh.motcua")
    # The new commune's desk officer finishes the old town's dossiers (rule 3 of access).
    assert has_permission(desk, Permission.DOSSIER_RETURN_RESULT, old_commune)
    assert not has_permission(desk, Permission.DOSSIER_RETURN_RESULT,
                              unit_get_by_code(code="000.00.32.Z99"))
    # The province leader supervises every commune, old and new; an ended role grants nothing.
    leader = User.objects.get(username="dt.lanhdao")
    assert has_permission(leader, Permission.REPORTS_VIEW, old_commune)
    retired_officer = User.objects.get(username="binhphu.motcua")
    assert not any(has_permission(retired_officer, perm, unit)
                   for perm in Permission for unit in Unit.objects.all())


def test_demo_accounts_lists_every_role_with_the_password(demo):
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    table = out.getvalue()
    assert DEMO_PASSWORD in table
    for role in Role:
        assert f"[{role.value}]" in table, role
    for username in ("admin", "quantri.hethong", "vinhbinh.motcua", "congdan.an"):
        assert username in table


def test_the_demo_loads_even_without_holidays_and_catalog(monkeypatch):
    import motcua.core.management.commands.demo_load as command

    monkeypatch.setattr(command, "get_commands", lambda: {})
    err = StringIO()
    call_command("demo_load", stdout=StringIO(), stderr=err)
    warnings = err.getvalue().strip().splitlines()
    # Holidays, the catalog, and the sample dossiers (made on the catalog's procedures).
    assert len(warnings) == 3 and all("skipped" in line for line in warnings)
    assert "sample dossiers need" in warnings[2]
    assert Unit.objects.filter(is_sample=True).count() == 21


def test_a_real_account_with_a_demo_username_is_never_overwritten():
    real_admin = UserFactory(username="admin", is_superuser=True)
    with pytest.raises(CommandError, match="account admin exists and is not sample data"):
        call_command("demo_load", stdout=StringIO(), stderr=StringIO())
    real_admin.refresh_from_db()
    assert not real_admin.is_sample and not real_admin.check_password(DEMO_PASSWORD)

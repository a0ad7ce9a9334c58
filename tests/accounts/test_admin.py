"""The people admin: a unit administrator manages the staff of its units and nobody else."""

import pytest

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from tests.factories.accounts import CitizenFactory, StaffFactory, UserFactory
from tests.factories.agencies import UnitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


@pytest.fixture
def province():
    return UnitFactory(province=True)


@pytest.fixture
def commune(province):
    return UnitFactory(parent=province)


@pytest.fixture
def unit_admin_client(client, province):
    client.force_login(StaffFactory(unit_admin=True, unit=province, username="quantri"))
    return client


def _new_staff_form(unit, role) -> dict:
    return {
        "username": "canbo.moi", "full_name": "Cán Bộ Mới", "email": "",
        "usable_password": "true", "password1": "Mot-cua-2026!", "password2": "Mot-cua-2026!",
        "staff_roles-TOTAL_FORMS": "1", "staff_roles-INITIAL_FORMS": "0",
        "staff_roles-0-unit": unit.pk, "staff_roles-0-role": role,
        "staff_roles-0-department": "", "staff_roles-0-valid_from": "",
        "staff_roles-0-valid_to": "",
    }


def test_the_user_list_shows_staff_of_my_units_only(unit_admin_client, commune):
    mine = StaffFactory(desk_officer=True, unit=commune)
    theirs = StaffFactory(desk_officer=True, unit=UnitFactory(province=True))
    citizen = CitizenFactory()
    page = unit_admin_client.get("/admin/accounts/user/").content.decode()
    assert mine.username in page
    assert theirs.username not in page and citizen.username not in page


def test_a_unit_admin_creates_a_staff_member_with_a_role(unit_admin_client, commune):
    response = unit_admin_client.post("/admin/accounts/user/add/",
                                      _new_staff_form(commune, Role.DESK_OFFICER))
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    person = User.objects.get(username="canbo.moi")
    assert person.staff_roles.get().unit == commune


def test_a_unit_admin_cannot_make_a_system_admin(unit_admin_client, commune):
    response = unit_admin_client.post("/admin/accounts/user/add/",
                                      _new_staff_form(commune, Role.SYSTEM_ADMIN))
    assert response.status_code == 200
    assert "Bạn không được giao vai trò này tại đơn vị này." in response.content.decode()
    assert not User.objects.filter(username="canbo.moi").exists()
    response = unit_admin_client.post("/admin/accounts/staffrole/add/", {
        "user": StaffFactory(role=None).pk, "unit": commune.pk, "role": Role.SYSTEM_ADMIN})
    assert response.status_code == 200
    assert not StaffRole.objects.filter(role=Role.SYSTEM_ADMIN).exists()


def test_a_unit_admin_cannot_open_accounts_outside_its_scope(unit_admin_client, province):
    system_admin = StaffFactory(system_admin=True, unit=province)
    response = unit_admin_client.get(f"/admin/accounts/user/{system_admin.pk}/change/")
    assert response.status_code in (302, 403)
    response = unit_admin_client.get(f"/admin/accounts/user/{system_admin.pk}/password/")
    assert response.status_code in (302, 403, 404)


def test_a_superuser_sees_citizens_and_their_identifiers(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    citizen = CitizenFactory()
    page = client.get(f"/admin/accounts/user/{citizen.pk}/change/").content.decode()
    assert citizen.cccd in page and "Số CCCD" in page


@pytest.mark.parametrize("who", ["superuser", "system_admin", "unit_admin"])
def test_every_admin_page_opens(client, who, province, commune):
    if who == "superuser":
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
    else:
        client.force_login(StaffFactory(role=who, unit=province))
    officer = StaffFactory(desk_officer=True, unit=commune)
    role = officer.staff_roles.get()
    pages = ["/admin/", "/admin/accounts/user/", "/admin/accounts/user/add/",
             f"/admin/accounts/user/{officer.pk}/change/", "/admin/accounts/staffrole/",
             "/admin/accounts/staffrole/add/", f"/admin/accounts/staffrole/{role.pk}/change/"]
    if who != "unit_admin":
        pages += ["/admin/agencies/unit/", "/admin/agencies/unit/add/",
                  f"/admin/agencies/unit/{commune.pk}/change/",
                  "/admin/agencies/administrativelevel/"]
    for page in pages:
        assert client.get(page).status_code == 200, page
    if who == "unit_admin":  # no unit.manage: the structure is not theirs
        assert client.get("/admin/agencies/unit/").status_code == 403

"""The units admin: Vietnamese, scoped by `access`, writing through the services."""

import pytest

from motcua.agencies.models import Department, Unit
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.agencies import LevelFactory, UnitFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/agencies/unit/add/"


def _unit_form(**overrides) -> dict:
    data = {
        "code": "000.00.41.h97", "name": "UBND xã Mới (mẫu)", "short_name": "", "kind": "committee",
        "level": LevelFactory().pk, "parent": "", "valid_from": "", "valid_to": "",
        "address": "", "phone": "", "email": "",
        "departments-TOTAL_FORMS": "2", "departments-INITIAL_FORMS": "0",
        "departments-0-code": "mot-cua", "departments-0-name": "Bộ phận Một cửa",
        "departments-0-kind": "desk",
        "departments-1-code": "kinh-te", "departments-1-name": "Phòng Kinh tế",
        "departments-1-kind": "specialist",
    }
    return data | overrides


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_the_admin_speaks_vietnamese(superuser_client):
    page = superuser_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi")
    assert "Quản trị Motcua" in page.content.decode()


def test_adding_a_unit_with_its_desk_goes_through_the_services(superuser_client):
    province = UnitFactory(province=True)
    response = superuser_client.post(ADD_URL, _unit_form(parent=province.pk))
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    unit = Unit.objects.get(code="000.00.41.H97")
    assert unit.path == f"/{province.code}/000.00.41.H97/"
    assert set(unit.departments.values_list("code", "kind")) == {
        ("mot-cua", "desk"), ("kinh-te", "specialist")}


def test_two_desks_are_a_form_error_not_a_crash(superuser_client):
    response = superuser_client.post(ADD_URL, _unit_form(**{"departments-1-kind": "desk"}))
    assert response.status_code == 200
    assert "Mỗi đơn vị chỉ có một Bộ phận Một cửa." in response.content.decode()
    assert not Unit.objects.filter(code="000.00.41.H97").exists()


def test_rules_of_the_services_show_as_form_errors(superuser_client):
    commune = UnitFactory()
    form = _unit_form(level=LevelFactory(province=True).pk, parent=commune.pk,
                      **{"departments-TOTAL_FORMS": "0"})
    response = superuser_client.post(ADD_URL, form)
    assert response.status_code == 200
    assert "không được thuộc cấp thấp hơn" in response.content.decode()


def test_moving_a_unit_in_the_admin_moves_its_subtree(superuser_client):
    old_parent, new_parent = UnitFactory(province=True), UnitFactory(province=True)
    unit = UnitFactory(agency=True, parent=old_parent)
    child = UnitFactory(parent=unit)
    form = _unit_form(code=unit.code, name=unit.name, kind="agency", level=unit.level_id,
                      parent=new_parent.pk, **{"departments-TOTAL_FORMS": "0"})
    response = superuser_client.post(f"/admin/agencies/unit/{unit.pk}/change/", form)
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.path == f"/{new_parent.code}/{unit.code}/{child.code}/"


def test_a_system_admin_sees_and_edits_only_its_own_subtree(client):
    province, other = UnitFactory(province=True), UnitFactory(province=True)
    commune = UnitFactory(parent=province)
    client.force_login(StaffFactory(system_admin=True, unit=province))
    listing = client.get("/admin/agencies/unit/").content.decode()
    assert commune.name in listing and other.name not in listing
    assert client.get(f"/admin/agencies/unit/{other.pk}/change/").status_code == 302
    # No new root units: the parent is required and limited to its own units.
    response = client.post(ADD_URL, _unit_form(parent=other.pk))
    assert response.status_code == 200
    assert not Unit.objects.filter(code="000.00.41.H97").exists()
    assert client.post(ADD_URL, _unit_form(parent=province.pk)).status_code == 302


def test_officers_without_an_administrative_role_do_not_get_in(client):
    officer = StaffFactory(leader=True)
    officer.is_staff = True  # even if someone ticked the box by hand
    officer.save()
    client.force_login(officer)
    assert client.get("/admin/agencies/unit/").status_code == 403
    assert Department.objects.count() == 0

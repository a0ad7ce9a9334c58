"""The catalog in the Django admin: drafts are edited, published versions only viewed."""

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.catalog.models import Field, Procedure, ProcedureVersion
from motcua.catalog.selectors import procedure_list
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import FieldFactory, ProcedureFactory

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def test_the_catalog_pages_of_the_admin_render(admin_client):
    procedure = ProcedureFactory(with_fee=True, staged=True)
    for url in [
        reverse("admin:catalog_procedure_changelist"),
        reverse("admin:catalog_procedureversion_changelist"),
        reverse("admin:catalog_field_changelist"),
        change_url(procedure),
        change_url(procedure.current_version),
        reverse("admin:catalog_procedureversion_add"),
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_a_published_version_is_view_only(admin_client):
    version = ProcedureFactory(name="Tên gốc").current_version
    response = admin_client.get(change_url(version))
    assert 'name="_save"' not in response.content.decode()
    assert admin_client.post(change_url(version), {"name": "Tên sửa"}).status_code == 403
    version.refresh_from_db()
    assert version.name == "Tên gốc"


def test_draft_then_publish_through_admin_actions(admin_client):
    procedure = ProcedureFactory(code="HT-97")
    admin_client.post(reverse("admin:catalog_procedure_changelist"),
                      {"action": "create_draft", "_selected_action": [procedure.pk]})
    draft = ProcedureVersion.objects.get(procedure=procedure, published_at__isnull=True)
    ProcedureVersion.objects.filter(pk=draft.pk).update(name="Tên mới của thủ tục")

    response = admin_client.post(reverse("admin:catalog_procedureversion_changelist"),
                                 {"action": "publish_drafts", "_selected_action": [draft.pk]},
                                 follow=True)

    assert "HT-97: đã công bố phiên bản 2." in response.content.decode()
    procedure.refresh_from_db()
    assert procedure.current_version.number == 2
    assert list(procedure_list(q="ten moi cua thu tuc").values_list("code", flat=True)) == [
        "HT-97"]


def test_publishing_an_invalid_draft_reports_the_problem(admin_client):
    procedure = ProcedureFactory(code="HT-98")
    admin_client.post(reverse("admin:catalog_procedure_changelist"),
                      {"action": "create_draft", "_selected_action": [procedure.pk]})
    draft = ProcedureVersion.objects.get(procedure=procedure, published_at__isnull=True)
    draft.steps.filter(position=0).update(share=20)
    response = admin_client.post(reverse("admin:catalog_procedureversion_changelist"),
                                 {"action": "publish_drafts", "_selected_action": [draft.pk]},
                                 follow=True)
    assert "HT-98: process: tổng tỷ lệ thời gian các bước phải bằng 100 (hiện là 110)" in (
        response.content.decode())
    assert Procedure.objects.get(pk=procedure.pk).current_version.number == 1


def test_renaming_a_field_keeps_search_in_step(admin_client):
    ProcedureFactory(code="DD-98", field_code="dat-dai")
    field = Field.objects.get(code="dat-dai")
    admin_client.post(change_url(field), {"code": "dat-dai", "name": "Đất đai và môi trường",
                                          "position": 0})
    assert list(procedure_list(q="moi truong").values_list("code", flat=True)) == ["DD-98"]
    assert FieldFactory(code="dat-dai").name == "Đất đai và môi trường"


# Who may manage the catalog (docs/access.md: catalog.manage). The catalog serves every unit,
# so a province's administrators change it; a commune's administrator may only read it.


@pytest.fixture
def province():
    return UnitFactory(province=True, name="UBND tỉnh Thử Nghiệm")


@pytest.fixture
def commune(province):
    return UnitFactory(parent=province)


def _login(client, user):
    client.force_login(user)
    return client


CATALOG_CHANGELISTS = ["admin:catalog_procedure_changelist",
                       "admin:catalog_procedureversion_changelist",
                       "admin:catalog_field_changelist"]


@pytest.mark.usefixtures("frozen_now")
def test_a_system_administrator_manages_the_catalog(client, province):
    # Given a system administrator of the province (not a superuser) and a procedure
    admin_user = StaffFactory(system_admin=True, unit=province)
    assert admin_user.is_staff and not admin_user.is_superuser
    procedure = ProcedureFactory(code="HT-96", with_fee=True)
    client = _login(client, admin_user)

    # Then the catalog's pages open, with the section on the admin index
    assert "Thủ tục hành chính" in client.get(reverse("admin:index")).content.decode()
    for name in CATALOG_CHANGELISTS:
        assert client.get(reverse(name)).status_code == 200, name
    version_page = client.get(change_url(procedure.current_version)).content.decode()
    assert "Lệ phí thử nghiệm" in version_page  # the inlines are shown too

    # And they can start a new version
    client.post(reverse("admin:catalog_procedure_changelist"),
                {"action": "create_draft", "_selected_action": [procedure.pk]})
    assert ProcedureVersion.objects.filter(procedure=procedure, published_at__isnull=True).exists()


@pytest.mark.usefixtures("frozen_now")
def test_a_unit_administrator_of_the_province_manages_the_catalog(client, province):
    client = _login(client, StaffFactory(unit_admin=True, unit=province))

    assert client.get(reverse("admin:catalog_field_add")).status_code == 200


@pytest.mark.usefixtures("frozen_now")
def test_a_commune_administrator_reads_the_catalog_but_cannot_change_it(client, commune):
    procedure = ProcedureFactory(code="HT-95")
    client = _login(client, StaffFactory(unit_admin=True, unit=commune))

    response = client.get(reverse("admin:catalog_procedure_changelist"))
    assert response.status_code == 200
    assert "create_draft" not in response.content.decode()  # no action offered
    assert client.get(reverse("admin:catalog_field_add")).status_code == 403
    client.post(reverse("admin:catalog_procedure_changelist"),
                {"action": "create_draft", "_selected_action": [procedure.pk]})
    assert not ProcedureVersion.objects.filter(published_at__isnull=True).exists()


@pytest.mark.usefixtures("frozen_now")
def test_a_desk_officer_cannot_open_the_catalog_admin(client, commune):
    officer = StaffFactory(desk_officer=True, unit=commune)
    client = _login(client, officer)

    for name in CATALOG_CHANGELISTS:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/admin/login/" in response.url, name

    # Even with the admin site opened to them, the catalog stays closed
    User.objects.filter(pk=officer.pk).update(is_staff=True)
    for name in CATALOG_CHANGELISTS:
        assert client.get(reverse(name)).status_code == 403, name

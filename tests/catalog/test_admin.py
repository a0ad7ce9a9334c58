"""The catalog in the Django admin: drafts are edited, published versions only viewed."""

import pytest
from django.urls import reverse

from motcua.catalog.models import Field, Procedure, ProcedureVersion
from motcua.catalog.selectors import procedure_list
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

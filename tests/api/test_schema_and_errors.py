"""The OpenAPI schema lists every endpoint; every error has the shape {code, message, field}."""

import pytest

from motcua.api.errors import field_of
from tests.api.caller import DOSSIERS, Caller
from tests.factories.accounts import CitizenFactory

pytestmark = pytest.mark.django_db

ACTIONS = [
    "submit", "resubmit", "cancel", "accept", "request-completion", "refuse", "forward",
    "assign", "hand-over", "send-to-agency", "agency-return", "request-supplement",
    "supplement", "request-obligation", "fulfil-obligation", "propose", "approve", "send-back",
    "request-withdrawal", "accept-withdrawal", "stop", "reschedule", "return-result",
]


def test_the_schema_lists_every_dossier_endpoint(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    base = "/api/v1/dossiers"
    assert {"post"} <= set(paths[base])
    for path in ("/submissions", "/receipts", "/refusals", "/inbox", "/desk-queue", "/mine"):
        assert base + path in paths, path
    for action in ACTIONS:
        operation = paths[f"{base}/{{dossier_id}}/{action}"]["post"]
        assert {"200", "401", "403", "404", "409", "422"} <= set(operation["responses"]), action
    assert {"get", "patch"} <= set(paths[f"{base}/{{dossier_id}}"])
    assert "get" in paths[f"{base}/{{dossier_id}}/events"]
    assert "multipart/form-data" in str(paths[f"{base}/{{dossier_id}}/files"]["post"])
    assert {"200", "404", "429"} <= set(paths["/api/v1/lookup"]["get"]["responses"])


def test_the_schema_declares_token_and_session_authentication(client):
    schema = client.get("/api/v1/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["TokenAuth"].items()
    assert schemes["ActiveSessionAuth"]["in"] == "cookie"
    assert "security" not in schema["paths"]["/api/v1/lookup"]["get"]


def test_a_missing_field_is_422_naming_it():
    response = Caller(CitizenFactory(), session=True).post(DOSSIERS, {"procedure": "HT-01"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["field"] == "receiving_unit"
    assert "receiving_unit" in body["message"] and "bắt buộc" in body["message"]


def test_a_wrongly_typed_nested_field_is_named_with_its_path():
    body = {"procedure": "HT-01", "receiving_unit": "X",
            "applicant": {"name": "A", "kind": "alien"}}
    response = Caller(CitizenFactory(), session=True).post(DOSSIERS, body)
    assert response.status_code == 422
    assert response.json()["field"] == "applicant.kind"


def test_an_unknown_procedure_is_422_naming_the_field():
    body = {"procedure": "KHONG-CO", "receiving_unit": "X", "applicant": {"name": "A"}}
    response = Caller(CitizenFactory(), session=True).post(DOSSIERS, body)
    assert response.status_code == 422
    assert response.json()["field"] == "procedure"
    assert "KHONG-CO" in response.json()["message"]


def test_an_unknown_dossier_is_a_json_404():
    response = Caller(CitizenFactory(), session=True).get(f"{DOSSIERS}/999999")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Không tìm thấy.", "field": None}


@pytest.mark.parametrize(("loc", "field"), [
    (["body", "payload", "reason"], "reason"),
    (["body", "payload", "results", 0, "name"], "results.0.name"),
    (["query", "digits"], "digits"),
    (["form", "purpose"], "purpose"),
    (["body", "payload"], "payload"),
    ([], None),
])
def test_field_names_drop_where_the_parameter_came_from(loc, field):
    assert field_of(loc) == field

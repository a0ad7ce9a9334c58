"""Schemathesis against /api/v1/openapi.json: no generated request gets a server error, and
every answer has a documented status and matches the schema.

The schema is loaded from the Django application itself (WSGI: no server, no network) and
every operation is called with generated data as three people: nobody, a citizen who owns
dossiers, and the commune's desk officer (by API token). Path parameters point at real dossiers
most of the time, so generated bodies reach the services instead of stopping at the 404; writes
happen inside the test's transaction.

Bounded and deterministic: `derandomize=True`, a few examples per operation. The public
operations (catalog, calendar, look-up) also get schemathesis' coverage phase (boundary and
wrongly typed values of every parameter); the dossier operations only the examples and
fuzzing phases, since the coverage phase would take minutes there and ninja validates their
bodies before any of our code runs.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from motcua.api.tokens import api_token_create
from motcua.dossiers.statuses import Channel, Status
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db

SCHEMA_PATH = "/api/v1/openapi.json"
PUBLIC_TAGS = ["procedures", "calendar", "lookup"]
CSRF_SECRET = "s" * 32  # any 32 characters: the cookie and the header must only agree
# A path whose id is not a number (`/dossiers/abc`) matches no route: the root handler404
# answers it in the API's JSON too (motcua.core.views.page_not_found).
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance,
          content_type_conformance]
BOUNDED = settings(max_examples=4, derandomize=True, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
# The public operations need no fixture and answer in milliseconds: more examples there.
WIDER = settings(BOUNDED, max_examples=40)

# Loaded at collection (the schema view reads no table). Not `schemathesis.pytest.from_fixture`:
# its lazy loader sets `node._nodeid`, which pytest 9 no longer has.
_app = get_wsgi_application()
_full = schemathesis.openapi.from_wsgi(SCHEMA_PATH, _app)
_light = schemathesis.openapi.from_dict(
    _full.raw_schema,
    config=schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}}),
)
_light.app, _light.location = _app, SCHEMA_PATH

public = _full.include(tag=PUBLIC_TAGS)
dossiers = _light.exclude(tag=PUBLIC_TAGS)
everything = _light


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the database connection after each request, as in production;
    here that connection holds the test's transaction (Django's test client disconnects the
    same handlers)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def dossier_ids(world, same_day_procedure):
    """The citizen's draft and submitted dossiers, and one received at the commune's counter."""
    return [
        dossier_in(Status.DRAFT, world=world, procedure=same_day_procedure).pk,
        dossier_in(Status.SUBMITTED, world=world, procedure=same_day_procedure).pk,
        dossier_in(Status.RECEIVED, channel=Channel.DIRECT, world=world,
                   procedure=same_day_procedure).pk,
    ]


def _aim_at_real_dossiers(case, ids: list[int]) -> None:
    """Four generated ids in five become one of the real dossiers (deterministically)."""
    generated = (case.path_parameters or {}).get("dossier_id")
    if isinstance(generated, int) and generated % 5:
        case.path_parameters["dossier_id"] = ids[generated % len(ids)]


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


@public.parametrize()
@WIDER
def test_public_operations(case):
    case.call_and_validate(checks=CHECKS)


@dossiers.parametrize()
@BOUNDED
def test_dossier_operations_without_credentials(case):
    case.call_and_validate(checks=CHECKS)


@everything.parametrize()
@BOUNDED
def test_as_a_citizen_with_a_session(case, world, dossier_ids):
    _aim_at_real_dossiers(case, dossier_ids)
    case.call_and_validate(
        cookies={"sessionid": _session_cookie(world.citizen), "csrftoken": CSRF_SECRET},
        headers={"X-CSRFToken": CSRF_SECRET}, checks=CHECKS,
    )


@dossiers.parametrize()
@BOUNDED
def test_as_a_desk_officer_with_a_token(case, world, dossier_ids):
    _aim_at_real_dossiers(case, dossier_ids)
    raw = api_token_create(user=world.desk_officer, name="schemathesis")[1]
    case.call_and_validate(headers={"Authorization": f"Bearer {raw}"}, checks=CHECKS)


# --- what the run found, pinned ------------------------------------------------------------


def test_a_catalog_page_beyond_the_databases_integers_is_refused_with_422(client):
    response = client.get("/api/v1/procedures", {"page": 10**24})

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert response.json()["field"] == "page"


@pytest.mark.parametrize(("path", "params", "field"), [
    ("/api/v1/procedures", {"q": "khai\x00sinh"}, "q"),
    ("/api/v1/lookup", {"code": "000.00.01.H56-260309-0001\x00", "digits": "5678"}, "code"),
])
def test_a_nul_character_in_a_query_is_refused_with_422(client, path, params, field):
    response = client.get(path, params)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert response.json()["field"] == field


def test_a_nul_character_in_a_body_is_refused_with_422_naming_the_field(world, dossier_ids):
    raw = api_token_create(user=world.desk_officer, name="tests")[1]
    body = {"reason": "Thiếu\x00 giấy tờ", "items": ["Bản sao\x00"]}

    response = Client().post(f"/api/v1/dossiers/{dossier_ids[1]}/request-completion", body,
                             content_type="application/json",
                             headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 422, response.content.decode()
    assert response.json()["code"] == "invalid_input"
    assert response.json()["field"] == "reason"


def test_a_procedure_code_with_nul_is_not_found(client):
    response = client.get("/api/v1/procedures/HT%00-01")

    assert response.status_code == 404
    assert response.json()["code"] == "procedure_not_found"


@pytest.mark.parametrize(("change", "field"), [
    ({"components": [{"name": "Tờ khai", "originals": 40000}]}, "components.0.originals"),
    ({"fee_paid": 10**20}, "fee_paid"),
])
def test_a_number_beyond_its_column_is_refused_with_422(world, same_day_procedure, change,
                                                         field):
    raw = api_token_create(user=world.desk_officer, name="tests")[1]
    body = {"procedure": same_day_procedure.code, "applicant": {"name": "Nguyễn Văn An"},
            **change}

    response = Client().post("/api/v1/dossiers/receipts", body, content_type="application/json",
                             headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 422, response.content.decode()
    assert response.json()["field"] == field


def test_a_body_that_is_not_json_is_a_documented_400(world, dossier_ids):
    raw = api_token_create(user=world.desk_officer, name="tests")[1]

    response = Client().post(f"/api/v1/dossiers/{dossier_ids[1]}/accept", b"(\xff\x13",
                             content_type="application/json",
                             headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 400
    assert response.json()["code"] == "malformed_body"

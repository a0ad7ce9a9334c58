"""Staff's second step (issue #8): a staff session that has not given its authenticator code is
sent to the code step by every staff-only page of the matrix, refused by the API and by every
admin page. The staff-only pages are derived from the matrix (those no citizen or visitor may
use and some officer may), not listed here, so a new staff page is covered the day it gets its
matrix entry."""

import pytest
from django.conf import settings
from django.test import Client

from tests.security.matrix import API, PAGES, Case
from tests.security.scene import ACTORS
from tests.security.test_admin import admin_paths
from tests.security.test_matrix import SUCCESS, dossiers_state, fill, send, template_values

CODE_STEP = "/tai-khoan/xac-thuc/"
CITIZENS = ("anonymous", "owner", "other_citizen")
STAFF = tuple(actor for actor in ACTORS if actor not in CITIZENS)


def staff_only(registry: dict[str, list[Case]]) -> list:
    """(name, case, officer) for each case only staff may use, with an officer who may."""
    params = []
    for name, cases in registry.items():
        for index, case in enumerate(cases):
            if any(case.expect[actor] in SUCCESS for actor in CITIZENS):
                continue
            officer = next((a for a in STAFF if case.expect[a] in SUCCESS), None)
            if officer is not None:
                params.append(pytest.param(name, case, officer,
                                           id=f"{name} {case.method}#{index}-{officer}"))
    return params


STAFF_PAGES = staff_only(PAGES)
STAFF_API = staff_only(API)


def test_the_matrix_has_staff_only_pages_and_routes():
    names = {param.values[0] for param in STAFF_PAGES}
    assert {"desk:queue", "processing:inbox", "processing:leader", "reports:bieu06"} <= names
    assert not {"portal:home", "accounts:profile", "portal:my-dossier"} & names
    assert len(STAFF_API) > 10


@pytest.fixture
def unverified(scene, client, db):
    """`unverified(actor)`: the client signed in as that officer with the password only."""

    def sign_in(actor: str) -> Client:
        client.force_login(scene.users[actor])
        assert client.session.get("otp_device_id") is None
        return client

    return sign_in


@pytest.mark.parametrize(("name", "case", "officer"), STAFF_PAGES)
def test_an_unverified_staff_session_is_sent_to_the_code_step(scene, unverified, name, case,
                                                               officer):
    client = unverified(officer)
    values = template_values(scene, case)
    before = dossiers_state() if case.method != "GET" else None

    response = send(client, case, values)

    assert response.status_code == 302, (name, response.status_code)
    location = response.headers["Location"]
    assert location.startswith(CODE_STEP), (name, location)
    if case.method == "GET":
        assert "next=" in location
    else:
        assert dossiers_state() == before, f"{name}: an unverified POST changed a dossier"


@pytest.mark.parametrize(("name", "case", "officer"), STAFF_API)
def test_the_api_ignores_an_unverified_staff_session(scene, unverified, name, case, officer):
    client = unverified(officer)
    before = dossiers_state() if case.method != "GET" else None

    response = send(client, case, template_values(scene, case))

    assert response.status_code == 401, (name, fill(case.path, template_values(scene, case)))
    if before is not None:
        assert dossiers_state() == before


def test_every_admin_page_sends_an_unverified_administrator_to_the_code_step(scene, unverified):
    client, wrong = unverified("sysadmin"), []
    for name, path in admin_paths():
        response = client.get(path)
        location = response.headers.get("Location", "")
        if name == "admin:logout":
            continue
        if not (response.status_code == 302 and location.startswith(CODE_STEP)):
            wrong.append((name, path, response.status_code, location))
    assert wrong == []


def test_the_scenes_staff_sessions_have_passed_the_second_step(scene, db):
    assert settings.MOTCUA_STAFF_OTP_REQUIRED
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = scene.sessions["desk"]
    assert client.get("/mot-cua/").status_code == 200

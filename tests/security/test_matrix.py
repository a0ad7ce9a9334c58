"""The authorization matrix (matrix.py) over every page and API route, actor by actor.

Each (URL, case, actor) is one test id. A refused POST must change nothing: the status, the
version and the history of every dossier of the scene are compared before and after.
"""

import json
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from motcua.api.v1 import api
from motcua.dossiers.models import Dossier, DossierEvent
from tests.security.matrix import API, API_URL_NAMES_PREFIX, LOGIN, PAGES, REDIRECT, Case
from tests.security.scene import ACTORS, PDF, Scene

LOGIN_PATHS = ("/tai-khoan/dang-nhap/", "/admin/login/")
SUCCESS = {200, 201, 204, REDIRECT}


# --- Completeness: a new URL without an entry fails here --------------------------------


def url_names(patterns=None, namespace="") -> set[str]:
    names = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace or "") if n)
            names |= url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name or f"<unnamed {entry.pattern}>"
            names.add(f"{namespace}:{name}" if namespace else name)
    return names


def api_routes() -> set[str]:
    routes = set()
    for prefix, router in api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                for method in operation.methods:
                    routes.add(f"{method} /api/v1{prefix}{path}".rstrip("/"))
    return routes


def _api_operation_names() -> set[str]:
    return {f"{API_URL_NAMES_PREFIX}{getattr(op, 'url_name', None) or op.view_func.__name__}"
            for _prefix, router in api._routers for view in router.path_operations.values()
            for op in view.operations}


def test_every_page_url_has_a_matrix_entry():
    pages = {name for name in url_names() if not name.startswith("admin:")}
    pages -= _api_operation_names()  # the API's routes are listed in API, by method and path
    assert sorted(pages - set(PAGES)) == [], "add these URLs to tests/security/matrix.py PAGES"
    assert sorted(set(PAGES) - pages) == [], "these PAGES entries name no URL any more"


def test_every_api_route_has_a_matrix_entry():
    routes = api_routes()
    assert sorted(routes - set(API)) == [], "add these routes to tests/security/matrix.py API"
    assert sorted(set(API) - routes) == [], "these API entries name no route any more"


def test_every_entry_names_every_actor():
    for name, cases in {**PAGES, **API}.items():
        assert cases, name
        for case in cases:
            assert set(case.expect) == set(ACTORS), name


# --- The matrix -----------------------------------------------------------------------------


def matrix_params():
    params = []
    for name, cases in {**PAGES, **API}.items():
        for index, case in enumerate(cases):
            suffix = f"{case.method}" + (f"#{index}" if index else "")
            for actor in ACTORS:
                params.append(pytest.param(name, case, actor, id=f"{name} {suffix}-{actor}"))
    return params


def fill(value, values: dict):
    if isinstance(value, str):
        return value.format(**values)
    if isinstance(value, dict):
        return {key: fill(item, values) for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, values) for item in value]
    return value


def template_values(scene: Scene, case: Case, *, missing: bool = False) -> dict:
    dossier = scene.dossier(case.dossier) if case.dossier else None
    values = {
        "procedure": scene.procedure.code, "component": scene.component_id,
        "file": scene.submitted_file_id, "draft_file": scene.draft_file_id,
        "working_file": scene.extra["working_file_id"],
        "ref": scene.payment_reference, "unit": scene.extra["commune"].code,
        "neighbour": scene.extra["neighbour"].code, "handler": scene.users["specialist"].pk,
        "digits": scene.users["owner"].phone[-4:],
        "code": "", "pk": "", "version": 0,
    }
    if dossier is not None:
        values.update(code=dossier.code or "", pk=dossier.pk, version=dossier.version)
    if missing:  # a dossier that does not exist, for the existence-oracle test
        values.update(code="000.00.01.H99-991231-9999", pk=987654321)
    return values


def send(client, case: Case, values: dict):
    path = fill(case.path, values)
    if case.json is not None:
        return client.generic(case.method, path, json.dumps(fill(case.json, values)),
                              content_type="application/json")
    data = fill(case.data, values)
    if case.method == "GET":
        return client.get(path + (f"?{urlencode(data)}" if data else ""))
    if case.method == "POST" and case.path.endswith("/files"):
        data["file"] = SimpleUploadedFile("giay-to.pdf", PDF, content_type="application/pdf")
    return client.generic(case.method, path) if case.method not in ("POST",) else \
        client.post(path, data)


def outcome(response):
    if response.status_code in (301, 302, 303):
        location = response.headers.get("Location", "")
        return LOGIN if location.split("?")[0].endswith(LOGIN_PATHS) else REDIRECT
    return response.status_code


# URL names whose successful answer is a document holding personal data.
PERSONAL_DOCUMENTS = {"dossiers:file", "documents:dossier-form", "desk:register-xlsx",
                      "desk:register-pdf"}
FRAMEABLE = {"dossiers:file": "SAMEORIGIN"}  # the processing page shows the file in a frame


def assert_security_headers(name: str, response) -> None:
    """HTML carries the CSP, nosniff and X-Frame-Options (DENY; the file view alone may be
    framed by the site itself); documents with personal data are never kept by a cache."""
    kind = response.headers.get("Content-Type", "")
    assert response.headers.get("X-Content-Type-Options") == "nosniff", kind
    if kind.startswith("text/html"):
        assert response.headers.get("Content-Security-Policy"), "no Content-Security-Policy"
        # Only the file itself may be framed; its error pages and redirects stay DENY.
        framing = FRAMEABLE.get(name, "DENY") if response.status_code == 200 else "DENY"
        assert response.headers.get("X-Frame-Options") == framing
    if name in PERSONAL_DOCUMENTS and response.status_code == 200:
        assert not kind.startswith("text/html"), kind
        assert response.headers.get("Cache-Control") == "private, no-store"


def dossiers_state() -> dict:
    return {pk: (status, version, DossierEvent.objects.filter(dossier_id=pk).count())
            for pk, status, version in Dossier.objects.values_list("pk", "status", "version")}


@pytest.mark.parametrize(("name", "case", "actor"), matrix_params())
def test_matrix(scene, as_actor, name, case, actor):
    client = as_actor(actor)
    values = template_values(scene, case)
    expected = case.expect[actor]
    refused = expected not in SUCCESS
    before = dossiers_state() if case.method != "GET" and refused else None

    response = send(client, case, values)

    got = outcome(response)
    assert got == expected, (
        f"{case.method} {fill(case.path, values)} as {actor}: expected {expected}, "
        f"got {got} {response.headers.get('Location', '')}")
    assert_security_headers(name, response)
    if before is not None:
        assert dossiers_state() == before, f"a refused {case.method} changed a dossier"
    if case.dossier and case.oracle and not scene.visible[actor, case.dossier]:
        # No existence oracle: whoever may not see the dossier gets the same answer for it as
        # for a made-up code or id (a 403 from a role check must come before the look-up).
        made_up = outcome(send(client, case, template_values(scene, case, missing=True)))
        assert made_up == got, f"{actor} tells a real dossier ({got}) from a made-up ({made_up})"

"""The Django admin: every admin URL (the site's own and each model's, with any custom view an
app adds) sends anyone without `is_staff` to the admin sign-in, whatever the object id; a
system administrator (an administrator role opens the admin site) gets in."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Signed out, and a desk officer: staff of the one-stop shop, but without `is_staff`.
NON_STAFF = ("anonymous", "desk")
OPEN = {"admin:login": 200}  # the sign-in page itself


def admin_paths() -> list[tuple[str, str]]:
    resolver = next(entry for entry in get_resolver().url_patterns
                    if isinstance(entry, URLResolver) and entry.namespace == "admin")
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern) and entry.name:
                path = re.sub(r"<(?:\w+:)?(\w+)>", "1", route).lstrip("^").rstrip("$")
                if "(" in path:  # the app index's regex: take the first app label
                    path = re.sub(r"\(\?P<app_label>([^|)]*)[^)]*\)", r"\1", path)
                found.append((f"admin:{entry.name}", "/admin/" + path))

    walk(resolver.url_patterns, "")
    return found


def test_every_admin_url_is_listed():
    names = {name for name, _path in admin_paths()}
    assert {"admin:index", "admin:login", "admin:logout"} <= names
    assert len(names) > 50  # every registered model's changelist, add, change, delete...


@pytest.mark.parametrize("actor", NON_STAFF)
def test_admin_is_closed_to_non_staff(scene, as_actor, actor):
    client, wrong = as_actor(actor), []
    for name, path in admin_paths():
        response = client.get(path)
        location = response.headers.get("Location", "")
        if name in OPEN:
            ok = response.status_code == OPEN[name]
        elif name == "admin:logout":  # signing out is harmless: back to the admin
            ok = response.status_code in (302, 405)
        else:
            ok = response.status_code == 302 and location.startswith("/admin/login/")
        if not ok:
            wrong.append((name, path, response.status_code, location))
    assert wrong == []


def test_the_system_administrator_opens_the_admin(scene, as_actor):
    assert as_actor("sysadmin").get("/admin/").status_code == 200
    assert scene.users["sysadmin"].is_staff and not scene.users["desk"].is_staff

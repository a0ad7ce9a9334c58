"""No open redirect: `next` and the language switch send people only within the site."""

import pytest

from tests.factories.accounts import PASSWORD

EVIL = ("https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example")


def _stays_here(response) -> bool:
    location = response.headers.get("Location", "")
    return response.status_code in (301, 302, 303) and location.startswith("/") and not (
        location.startswith("//") or location.startswith("/\\"))


@pytest.mark.parametrize("target", EVIL)
def test_signing_in_never_leaves_the_site(scene, client, db, target):
    owner = scene.users["owner"]
    response = client.post(f"/tai-khoan/dang-nhap/?next={target}",
                           {"identifier": owner.username, "password": PASSWORD,
                            "next": target})
    assert _stays_here(response), response.headers.get("Location")


@pytest.mark.parametrize("target", EVIL)
def test_the_signed_in_login_page_never_leaves_the_site(scene, as_actor, target):
    response = as_actor("owner").get("/tai-khoan/dang-nhap/", {"next": target})
    assert _stays_here(response), response.headers.get("Location")


@pytest.mark.parametrize("target", EVIL)
def test_the_language_switch_never_leaves_the_site(client, db, target):
    response = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert _stays_here(response), response.headers.get("Location")

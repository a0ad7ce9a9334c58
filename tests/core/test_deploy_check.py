"""A production-like configuration passes `manage.py check --deploy`, and the HTTPS settings
show on the wire: HSTS when configured, a redirect to HTTPS, the proxy's X-Forwarded-Proto
trusted only when asked, Secure/HttpOnly/SameSite on the session cookie after sign-in, CSP."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories.accounts import PASSWORD, CitizenFactory

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/tai-khoan/dang-nhap/"

# What /etc/motcua.env holds on a province's server (docs/operations.md). Settings are read at
# import, so `check --deploy` runs in a fresh process with these variables.
PRODUCTION_ENV = {
    "MOTCUA_SECRET_KEY": "k3Y-for-the-deploy-check-0123456789-abcdefghijklmnopqrstuvwxyz-QRS",
    "MOTCUA_ALLOWED_HOSTS": "dichvucong.example.gov.vn",
    "MOTCUA_CSRF_TRUSTED_ORIGINS": "https://dichvucong.example.gov.vn",
    "MOTCUA_SECURE_COOKIES": "true",
    "MOTCUA_HSTS_SECONDS": "31536000",
    "MOTCUA_HSTS_INCLUDE_SUBDOMAINS": "true",
    "MOTCUA_HSTS_PRELOAD": "true",
    "MOTCUA_SSL_REDIRECT": "true",
    "MOTCUA_SECURE_PROXY_SSL_HEADER": "true",
    "MOTCUA_DEBUG": "false",
    "MOTCUA_EMAIL_BACKEND": "smtp",
}
# Warnings a production configuration may keep, each with the reason it is accepted. Empty:
# every check of `--deploy` passes.
ACCEPTED: dict[str, str] = {}


def _deploy_check(**overrides: str) -> tuple[int, set[str], str]:
    # The test run's own variables are not production's (DJANGO_ALLOW_ASYNC_UNSAFE is an error
    # of `--deploy`); the database and the paths stay.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("MOTCUA_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(PRODUCTION_ENV, **overrides)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    output = result.stdout + result.stderr
    return result.returncode, set(re.findall(r"\(([a-z_]+\.[A-Z]\d+)\)", output)), output


def test_a_production_configuration_passes_the_deploy_check():
    returncode, issues, output = _deploy_check()

    assert issues - ACCEPTED.keys() == set(), output
    assert returncode == 0 or (issues and issues <= ACCEPTED.keys()), output


def test_the_deploy_check_catches_a_demo_configuration():
    """The check above can fail: the demo's key and plain-HTTP cookies are reported."""
    _, issues, output = _deploy_check(MOTCUA_SECRET_KEY="", MOTCUA_SECURE_COOKIES="false",
                                      MOTCUA_HSTS_SECONDS="0")
    assert {"security.W009", "security.W012", "security.W004"} <= issues, output


# --- the headers, in process (the `settings` fixture is applied before the client's first
# request, when SecurityMiddleware reads it) -------------------------------------------------


@pytest.fixture
def https_settings(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    return settings


@pytest.mark.django_db
def test_https_answers_carry_hsts_and_the_csp(client, https_settings):
    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, https_settings):
    response = client.get("/tra-cuu/?a=1")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/tra-cuu/?a=1"


@pytest.mark.django_db
def test_the_proxys_forwarded_proto_counts_as_https(client, https_settings):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


@pytest.mark.django_db
def test_by_default_no_hsts_and_no_redirect(client):
    """The reverse proxy usually does both; the application adds nothing unless asked."""
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response


@pytest.mark.django_db
def test_the_session_cookie_is_secure_httponly_and_lax_after_sign_in(client, https_settings):
    citizen = CitizenFactory(phone="0912345678")
    response = client.post(LOGIN, {"identifier": citizen.phone, "password": PASSWORD},
                           secure=True)

    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] is True and csrf["samesite"] == "Lax"

"""Who may call the dossier API: a bearer token (stored hashed) or a session with CSRF."""

import hashlib
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from motcua.api.models import ApiToken
from motcua.api.tokens import api_token_authenticate, api_token_create, api_token_revoke
from tests.api.caller import DOSSIERS, Caller
from tests.factories.accounts import CitizenFactory, StaffFactory

MINE = f"{DOSSIERS}/mine"
pytestmark = pytest.mark.django_db


def test_a_token_authenticates_its_user():
    staff = StaffFactory()
    token, raw = api_token_create(user=staff, name="bưu điện tỉnh")
    assert Caller(raw_token=raw).get(MINE).status_code == 200
    assert api_token_authenticate(raw=raw) == staff
    assert token.prefix == raw[:10]


def test_only_the_tokens_hash_is_stored():
    _token, raw = api_token_create(user=StaffFactory(), name="x")
    row = ApiToken.objects.get()
    assert row.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {row.key_hash, row.prefix, row.name}


@pytest.mark.parametrize("header", [
    None, "Bearer mc_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz", "mc_no-scheme",
])
def test_no_or_bad_credentials_are_401_with_the_error_shape(header):
    headers = {"Authorization": header} if header else {}
    response = Client().get(MINE, headers=headers)
    assert response.status_code == 401
    assert response.json() == {"code": "unauthenticated", "message": response.json()["message"],
                               "field": None}
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_revoked_token_is_401():
    token, raw = api_token_create(user=StaffFactory(), name="x")
    api_token_revoke(token=token)
    assert Caller(raw_token=raw).get(MINE).status_code == 401


def test_the_token_of_a_deactivated_account_is_401():
    staff = StaffFactory()
    _token, raw = api_token_create(user=staff, name="x")
    staff.is_active = False
    staff.save()
    assert Caller(raw_token=raw).get(MINE).status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute(frozen_now):
    token, raw = api_token_create(user=StaffFactory(), name="x")
    caller = Caller(raw_token=raw)
    caller.get(MINE)
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    frozen_now.shift(timedelta(seconds=30))
    caller.get(MINE)
    assert ApiToken.objects.get().last_used_at == first
    frozen_now.shift(timedelta(seconds=31))
    caller.get(MINE)
    assert ApiToken.objects.get().last_used_at > first
    assert token.pk


def test_a_session_authenticates_reads():
    assert Caller(CitizenFactory(), session=True).get(MINE).status_code == 200


def test_unsafe_methods_with_a_session_need_the_csrf_token():
    citizen = CitizenFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    response = client.post(f"{DOSSIERS}/1/cancel", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    client.get("/")  # any page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(f"{DOSSIERS}/1/cancel", {}, content_type="application/json",
                           headers={"X-CSRFToken": token})
    assert response.status_code == 404  # past CSRF: no such dossier of theirs


def test_a_token_needs_no_csrf_token():
    _token, raw = api_token_create(user=CitizenFactory(), name="x")
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{DOSSIERS}/1/cancel", {}, content_type="application/json",
                           headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 404


def test_the_command_prints_a_working_token_once():
    staff = StaffFactory(username="canbo.tiepnhan")
    out, err = StringIO(), StringIO()
    call_command("api_token_create", "canbo.tiepnhan", "máy quét hồ sơ", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert api_token_authenticate(raw=raw) == staff
    assert ApiToken.objects.get().name == "máy quét hồ sơ"
    assert "chỉ giữ mã băm" in err.getvalue()


def test_the_command_refuses_an_unknown_user():
    with pytest.raises(CommandError):
        call_command("api_token_create", "khong-co", "x", stdout=StringIO())


def test_tokens_are_listed_in_the_admin_for_superusers_only(client):
    from tests.factories.accounts import UserFactory

    admin_user = UserFactory(is_superuser=True, is_staff=True)
    api_token_create(user=StaffFactory(), name="kết nối bưu điện")
    client.force_login(admin_user)
    page = client.get("/admin/api/apitoken/")
    assert page.status_code == 200
    assert "kết nối bưu điện" in page.content.decode()
    client.force_login(StaffFactory(is_staff=True))
    assert client.get("/admin/api/apitoken/").status_code in {302, 403}


def test_the_admin_revokes_tokens(client):
    from tests.factories.accounts import UserFactory

    token, raw = api_token_create(user=StaffFactory(), name="x")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    with time_machine.travel("2026-11-26 09:00 +0700", tick=False):
        client.post("/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert ApiToken.objects.get().revoked
    assert api_token_authenticate(raw=raw) is None

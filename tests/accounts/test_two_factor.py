"""Issue #8: staff sign in with a password and a code from an authenticator app (TOTP); the
first time they enrol one. Citizens are never asked. Until the code is given, staff pages send
the session to the code step, the API ignores it, and the access functions grant nothing."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts.access import Permission, has_permission_anywhere
from motcua.accounts.views import CODE_WRONG
from tests.accounts.otp import code_for, code_for_secret, device_for, verify_client
from tests.factories.accounts import PASSWORD, CitizenFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_on", "frozen_now")]
# frozen_now: the codes are computed for a fixed instant and the throttle's delays are exact.

LOGIN = "/tai-khoan/dang-nhap/"
CODE_STEP = "/tai-khoan/xac-thuc/"
ENROL = "/tai-khoan/xac-thuc/dang-ky/"


@pytest.fixture
def officer():
    return StaffFactory(username="canbo.motcua", desk_officer=True)


def _sign_in(client, identifier, password=PASSWORD, **extra):
    return client.post(LOGIN, {"identifier": identifier, "password": password, **extra},
                       REMOTE_ADDR="203.0.113.7")


def _secret_on(page: str) -> str:
    return re.search(r'class="otp-secret"[^>]*><code>([A-Z2-7 ]+)</code>', page).group(1)


def test_an_officer_without_an_authenticator_enrols_one_and_lands_on_their_work(
    client, officer, frozen_now
):
    response = _sign_in(client, "canbo.motcua")
    assert response["Location"] == ENROL

    page = client.get(ENROL).content.decode()
    assert 'src="data:image/svg+xml' in page  # the QR code, inline: no request elsewhere
    secret = _secret_on(page)
    assert client.get(ENROL).content.decode().count(secret) == 1  # the same secret on reload

    wrong = client.post(ENROL, {"code": "000000"})
    assert str(CODE_WRONG) in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()

    # django-otp slows down a wrong code: 1 s after the first one.
    response = client.post(ENROL, {"code": code_for_secret(secret)})
    assert "Vui lòng chờ" in response.content.decode()

    frozen_now.shift(2)
    response = client.post(ENROL, {"code": code_for_secret(secret)})
    assert response.status_code == 302 and response["Location"] == "/mot-cua/"
    assert TOTPDevice.objects.get(user=officer).confirmed
    assert client.get("/mot-cua/").status_code == 200


def test_an_officer_with_an_authenticator_types_its_code(client, officer):
    device = device_for(officer)

    response = _sign_in(client, "canbo.motcua", next="/mot-cua/so-theo-doi/")

    assert response["Location"] == f"{CODE_STEP}?next=%2Fmot-cua%2Fso-theo-doi%2F"
    assert client.get("/mot-cua/")["Location"] == f"{CODE_STEP}?next=%2Fmot-cua%2F"
    response = client.post(CODE_STEP, {"code": code_for(device),
                                       "next": "/mot-cua/so-theo-doi/"})
    assert response["Location"] == "/mot-cua/so-theo-doi/"
    assert client.get("/mot-cua/").status_code == 200


def test_a_wrong_code_is_refused_and_a_code_is_used_once(client, officer, frozen_now):
    device = device_for(officer)
    _sign_in(client, "canbo.motcua")

    page = client.post(CODE_STEP, {"code": "12345"}).content.decode()
    assert "Mã xác thực gồm 6 chữ số" in page
    response = client.post(CODE_STEP, {"code": f"{(int(code_for(device)) + 1) % 10**6:06d}"})
    assert str(CODE_WRONG) in response.content.decode()
    assert client.get("/mot-cua/").status_code == 302

    frozen_now.shift(2)
    code = code_for(device)
    assert client.post(CODE_STEP, {"code": code}).status_code == 302
    client.post("/tai-khoan/dang-xuat/")
    _sign_in(client, "canbo.motcua")
    # The same code again, in the same 30 seconds: refused (someone may have seen it typed).
    assert str(CODE_WRONG) in client.post(CODE_STEP, {"code": code}).content.decode()


def test_wrong_codes_count_toward_the_lockout_and_end_the_session(
    client, officer, settings, frozen_now
):
    device = device_for(officer)
    _sign_in(client, "canbo.motcua")
    for attempt in range(settings.MOTCUA_LOGIN_MAX_FAILURES):
        frozen_now.shift(2 ** attempt + 1)  # past django-otp's growing delay
        response = client.post(CODE_STEP, {"code": f"{(int(code_for(device)) + 7) % 10**6:06d}"})

    assert response.status_code == 429
    assert "Bạn đã đăng nhập sai quá nhiều lần" in response.content.decode()
    assert not get_user(client).is_authenticated
    assert AccessAttempt.objects.get().username == "canbo.motcua"
    # The password alone does not open the account again until the window ends.
    assert _sign_in(client, "canbo.motcua").status_code == 429


def test_citizens_are_never_asked(client):
    CitizenFactory(phone="0912345678")

    assert _sign_in(client, "0912345678")["Location"] == "/tai-khoan/"
    assert client.get(CODE_STEP)["Location"] == "/tai-khoan/"
    assert client.get(ENROL)["Location"] == "/tai-khoan/"
    assert not TOTPDevice.objects.exists()


def test_an_unverified_staff_session_holds_no_permission_and_the_api_ignores_it(
    client, officer
):
    device_for(officer)
    _sign_in(client, "canbo.motcua")

    assert client.get("/api/v1/dossiers/desk-queue").status_code == 401
    assert client.get("/xu-ly/")["Location"].startswith(CODE_STEP)
    request = client.get("/tai-khoan/").wsgi_request
    assert not has_permission_anywhere(request.user, Permission.DOSSIER_RECEIVE)
    # The same person outside a request (a service, a task) keeps their roles.
    assert has_permission_anywhere(officer, Permission.DOSSIER_RECEIVE)


def test_the_admin_asks_for_the_code_after_its_own_password_page(client):
    StaffFactory(username="quantri.tinh", system_admin=True)

    response = client.post("/admin/login/?next=/admin/",
                           {"username": "quantri.tinh", "password": PASSWORD})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"] == f"{CODE_STEP}?next=%2Fadmin%2F"
    assert client.get(CODE_STEP)["Location"] == f"{ENROL}"


def test_with_two_factor_off_officers_go_straight_to_work(client, officer, settings):
    settings.MOTCUA_STAFF_OTP_REQUIRED = False

    assert _sign_in(client, "canbo.motcua")["Location"] == "/mot-cua/"
    assert client.get("/mot-cua/").status_code == 200


def test_the_system_administrator_resets_a_lost_phone_and_it_is_recorded(client, officer):
    device_for(officer)
    admin = StaffFactory(system_admin=True, unit=officer.staff_roles.get().unit.parent
                         or officer.staff_roles.get().unit)
    client.force_login(admin)
    verify_client(client, admin)

    response = client.post("/admin/accounts/user/", {
        "action": "two_factor_reset", "_selected_action": [officer.pk]})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=officer).exists()
    entry = LogEntry.objects.get(object_id=str(officer.pk))
    assert entry.user_id == admin.pk and "xác thực hai lớp" in entry.get_change_message()
    # The officer enrols a new authenticator at their next sign-in.
    client.post("/admin/logout/")
    assert _sign_in(client, "canbo.motcua")["Location"] == ENROL


def test_a_unit_administrator_cannot_reset_someone_they_do_not_manage(client, officer):
    device_for(officer)
    other = StaffFactory(unit_admin=True)  # of another unit
    client.force_login(other)
    verify_client(client, other)
    client.post("/admin/accounts/user/", {"action": "two_factor_reset",
                                          "_selected_action": [officer.pk]})

    assert TOTPDevice.objects.filter(user=officer).exists()
    assert not LogEntry.objects.exists()


def test_next_off_the_site_is_ignored_after_the_code(client, officer):
    device = device_for(officer)
    response = _sign_in(client, "canbo.motcua", next="https://evil.example/")
    assert response["Location"] == CODE_STEP

    response = client.post(CODE_STEP, {"code": code_for(device), "next": "//evil.example/"})

    assert response["Location"] == "/mot-cua/"


def test_an_account_left_without_an_authenticator_cannot_be_claimed_by_its_password(
    client, officer, frozen_now, settings
):
    """Enrolment needs only the password: after the enrolment days, whoever learns it must not
    become the owner of the second factor. The administrator opens it again."""
    frozen_now.shift(settings.MOTCUA_STAFF_OTP_ENROL_DAYS * 86_400 + 1)

    assert _sign_in(client, "canbo.motcua")["Location"] == ENROL
    closed = client.get(ENROL)

    assert closed.status_code == 403
    page = closed.content.decode()
    assert "Đăng ký xác thực hai lớp đã hết hạn" in page and "trong 7 ngày" in page
    assert 'class="otp-secret"' not in page and not TOTPDevice.objects.filter(user=officer)
    assert client.post(ENROL, {"code": "123456"}).status_code == 403
    assert client.get("/mot-cua/")["Location"].startswith(CODE_STEP)  # still no work pages

    admin = StaffFactory(system_admin=True, unit=officer.staff_roles.get().unit)
    admin_client = type(client)()
    admin_client.force_login(admin)
    verify_client(admin_client, admin)
    admin_client.post("/admin/accounts/user/", {
        "action": "two_factor_reset", "_selected_action": [officer.pk]})

    page = client.get(ENROL).content.decode()
    assert 'class="otp-secret"' in page
    response = client.post(ENROL, {"code": code_for_secret(_secret_on(page))})
    assert response.status_code == 302 and response["Location"] == "/mot-cua/"


def test_a_new_officer_enrols_within_the_enrolment_days(client, officer, frozen_now, settings):
    frozen_now.shift(settings.MOTCUA_STAFF_OTP_ENROL_DAYS * 86_400 - 60)
    _sign_in(client, "canbo.motcua")

    assert client.get(ENROL).status_code == 200

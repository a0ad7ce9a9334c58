"""Sign-in at /tai-khoan/dang-nhap/ with a phone, an e-mail or a user name; where each person
lands; the rate limit; sign-out."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user
from django.test import Client

from motcua.accounts.views import LOGIN_FAILED
from tests.factories.accounts import PASSWORD, CitizenFactory, StaffFactory, UserFactory
from tests.factories.agencies import UnitFactory

pytestmark = pytest.mark.django_db


LOGIN = "/tai-khoan/dang-nhap/"
BLOCKED = "Bạn đã đăng nhập sai quá nhiều lần"


@pytest.fixture
def citizen():
    return CitizenFactory(username="cd-abcdefgh", phone="0912345678",
                          email="hoa@motcua.example")


def _sign_in(client, identifier, password=PASSWORD, ip="203.0.113.7", **extra):
    return client.post(LOGIN, {"identifier": identifier, "password": password, **extra},
                       REMOTE_ADDR=ip)


@pytest.mark.parametrize("identifier", [
    "0912345678", "0912 345 678", "+84 912 345 678", "hoa@motcua.example",
    "HOA@Motcua.Example", "cd-abcdefgh",
])
def test_a_citizen_signs_in_with_phone_email_or_user_name(client, citizen, identifier):
    response = _sign_in(client, identifier)

    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    assert get_user(client) == citizen


def test_a_wrong_password_says_so_in_vietnamese_and_signs_nobody_in(client, citizen):
    response = _sign_in(client, "0912345678", "sai-mat-khau")

    assert response.status_code == 200
    assert str(LOGIN_FAILED) in response.content.decode()
    assert not get_user(client).is_authenticated
    # The identifier typed comes back; the password does not.
    assert 'value="0912345678"' in response.content.decode()


def test_an_unknown_identifier_gets_the_same_answer(client, citizen):
    response = _sign_in(client, "0999999999")
    assert str(LOGIN_FAILED) in response.content.decode()


def test_an_inactive_account_cannot_sign_in(client):
    CitizenFactory(phone="0912000000", is_active=False)
    assert _sign_in(client, "0912000000").status_code == 200
    assert not get_user(client).is_authenticated


def test_next_wins_when_it_stays_on_the_site(client, citizen):
    response = _sign_in(client, "0912345678", next="/nop-ho-so/HT-01/")
    assert response["Location"] == "/nop-ho-so/HT-01/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x",
                                    "javascript:alert(1)"])
def test_next_off_the_site_is_ignored(client, citizen, target):
    assert _sign_in(client, "0912345678", next=target)["Location"] == "/tai-khoan/"


def test_a_protected_page_sends_to_the_sign_in_page_and_back(client, citizen):
    response = client.get("/tai-khoan/doi-mat-khau/")
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/tai-khoan/doi-mat-khau/"

    page = client.get(response["Location"]).content.decode()
    assert 'name="next" value="/tai-khoan/doi-mat-khau/"' in page
    answer = _sign_in(client, "0912345678", next="/tai-khoan/doi-mat-khau/")
    assert answer["Location"] == "/tai-khoan/doi-mat-khau/"


@pytest.mark.parametrize("traits, landing", [
    ({"desk_officer": True}, "/mot-cua/"),
    ({"specialist": True}, "/xu-ly/"),
    ({"leader": True}, "/xu-ly/"),
    ({"system_admin": True}, "/admin/"),  # granting an admin role makes the account is_staff
])
def test_officers_land_on_their_work_pages(client, traits, landing):
    StaffFactory(username="canbo.test", **traits)

    assert _sign_in(client, "canbo.test")["Location"] == landing


def test_an_expired_desk_role_does_not_open_the_desk(client):
    StaffFactory(username="canbo.cu", desk_officer=True, expired=True)
    assert _sign_in(client, "canbo.cu")["Location"] == "/tai-khoan/"


def test_an_officer_with_next_goes_there(client):
    StaffFactory(username="canbo.test", desk_officer=True)
    assert _sign_in(client, "canbo.test", next="/tra-cuu/")["Location"] == "/tra-cuu/"


def test_five_failures_for_one_identifier_lock_it_even_with_the_right_password(
    client, citizen, settings
):
    limit = settings.MOTCUA_LOGIN_MAX_FAILURES
    for attempt in range(limit - 1):
        assert _sign_in(client, "0912345678", "sai", ip=f"198.51.100.{attempt}").status_code == 200
    # The last failure allowed already says the account is locked.
    assert _sign_in(client, "0912345678", "sai", ip="198.51.100.50").status_code == 429

    response = _sign_in(client, "0912345678", ip="198.51.100.99")

    assert response.status_code == 429
    page = response.content.decode()
    assert BLOCKED in page and "15 phút" in page
    assert 'value="0912345678"' in page  # what they typed stays in the form
    assert not get_user(client).is_authenticated
    # Another person is not affected.
    CitizenFactory(phone="0987000000")
    assert _sign_in(client, "0987000000", ip="198.51.100.99").status_code == 302


def test_the_lockout_page_is_in_english_for_english_readers(client, citizen):
    client.cookies["django_language"] = "en"
    for _ in range(5):
        response = _sign_in(client, "0912345678", "sai")

    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()


def test_the_same_person_typed_differently_counts_as_one_identifier(client, citizen):
    for spelling in ["HOA@motcua.example", "hoa@motcua.example ", "Hoa@Motcua.example",
                     "hoa@motcua.example", "hoa@MOTCUA.example"]:
        _sign_in(client, spelling, "sai")
    assert _sign_in(client, "hoa@motcua.example").status_code == 429


def test_a_phone_number_in_any_spelling_counts_as_one_identifier(client, citizen):
    for spelling in ["+84 912 345 678", "0912 345 678", "0912.345.678", "84912345678",
                     "0912345678"]:
        _sign_in(client, spelling, "sai")
    assert _sign_in(client, "0912345678").status_code == 429


def test_twenty_failures_from_one_address_lock_that_address(client, citizen, settings):
    settings.MOTCUA_LOGIN_MAX_FAILURES_PER_IP = 20
    for n in range(19):
        assert _sign_in(client, f"khong-co-{n}", "sai", ip="192.0.2.1").status_code == 200
    assert _sign_in(client, "khong-co-19", "sai", ip="192.0.2.1").status_code == 429

    assert _sign_in(client, "0912345678", ip="192.0.2.1").status_code == 429
    assert _sign_in(client, "0912345678", ip="192.0.2.2").status_code == 302


def test_an_office_behind_one_address_is_not_locked_by_a_few_mistakes(client, citizen):
    # Five people of one commune office (one NAT address) each mistype once.
    for n in range(5):
        _sign_in(client, f"nguoi-{n}", "sai", ip="192.0.2.9")

    assert _sign_in(client, "0912345678", ip="192.0.2.9").status_code == 302


def test_the_address_is_the_one_the_reverse_proxy_saw(client, citizen, settings):
    settings.NINJA_NUM_PROXIES = 1  # MOTCUA_NUM_PROXIES=1
    settings.MOTCUA_LOGIN_MAX_FAILURES_PER_IP = 3
    for n in range(3):
        client.post(LOGIN, {"identifier": f"khong-co-{n}", "password": "sai"},
                    REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.50")

    behind_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert client.post(LOGIN, {"identifier": "0912345678", "password": PASSWORD},
                       HTTP_X_FORWARDED_FOR="203.0.113.50", **behind_proxy).status_code == 429
    # Another client behind the same proxy is not the locked address.
    assert client.post(LOGIN, {"identifier": "0912345678", "password": PASSWORD},
                       HTTP_X_FORWARDED_FOR="203.0.113.51", **behind_proxy).status_code == 302


def test_the_lock_ends_after_the_window(client, citizen, settings, frozen_now):
    settings.MOTCUA_LOGIN_WINDOW_SECONDS = 900
    for _ in range(5):
        _sign_in(client, "0912345678", "sai")
    assert _sign_in(client, "0912345678").status_code == 429

    frozen_now.shift(901)

    assert _sign_in(client, "0912345678").status_code == 302


def test_attempts_during_the_lock_do_not_extend_it(client, citizen, frozen_now):
    for _ in range(5):
        _sign_in(client, "0912345678", "sai")
    frozen_now.shift(600)
    assert _sign_in(client, "0912345678", "sai").status_code == 429

    frozen_now.shift(301)

    assert _sign_in(client, "0912345678").status_code == 302


def test_a_success_clears_the_identifiers_failures(client, citizen):
    for _ in range(4):
        _sign_in(client, "0912345678", "sai")
    assert _sign_in(client, "0912345678").status_code == 302
    client.post("/tai-khoan/dang-xuat/")
    for _ in range(4):
        _sign_in(client, "0912345678", "sai")

    assert _sign_in(client, "0912345678").status_code == 302


def test_a_success_does_not_clear_the_addresss_other_failures(client, citizen, settings):
    settings.MOTCUA_LOGIN_MAX_FAILURES_PER_IP = 6
    for n in range(5):
        _sign_in(client, f"khong-co-{n}", "sai", ip="192.0.2.3")
    assert _sign_in(client, "0912345678", ip="192.0.2.3").status_code == 302
    client.post("/tai-khoan/dang-xuat/")

    assert _sign_in(client, "khong-co-9", "sai", ip="192.0.2.3").status_code == 429


def test_the_admin_login_is_locked_too_and_shares_the_count(client):
    StaffFactory(username="quantri.hethong", system_admin=True)
    for _ in range(3):
        client.post("/admin/login/?next=/admin/", {"username": "quantri.hethong",
                                                    "password": "sai"})
    _sign_in(client, "quantri.hethong", "sai")
    response = client.post("/admin/login/?next=/admin/",
                           {"username": "quantri.hethong", "password": "sai"})

    assert response.status_code == 429 and BLOCKED in response.content.decode()
    response = client.post("/admin/login/?next=/admin/",
                           {"username": "QuanTri.HeThong", "password": PASSWORD})
    assert response.status_code == 429
    assert not get_user(client).is_authenticated


def test_a_lockout_is_listed_for_the_administrator_and_lifting_it_unlocks(client, citizen):
    for _ in range(5):
        _sign_in(client, "0912 345 678", "sai", ip="198.51.100.7")

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (
        "0912345678", "198.51.100.7", 5)
    assert "sai" not in attempt.post_data and "0912" not in attempt.post_data

    attempt.delete()  # the superuser's "delete" in Axes › Access attempts
    assert _sign_in(client, "0912345678", ip="198.51.100.7").status_code == 302


def test_sign_out_needs_a_post(client, citizen):
    client.force_login(citizen)

    assert client.get("/tai-khoan/dang-xuat/").status_code == 405
    assert get_user(client).is_authenticated
    response = client.post("/tai-khoan/dang-xuat/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert not get_user(client).is_authenticated


def test_the_admin_keeps_its_own_login_page(client):
    UserFactory(username="quantri", is_staff=True, is_superuser=True)

    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    response = client.post("/admin/login/?next=/admin/",
                           {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_an_officer_can_sign_in_to_the_admin_with_their_phone(client):
    StaffFactory(username="quantri.hethong", phone="0912777888", system_admin=True)

    response = client.post("/admin/login/?next=/admin/",
                           {"username": "0912777888", "password": PASSWORD})
    assert response["Location"] == "/admin/"


def test_an_email_shared_by_two_old_accounts_signs_nobody_in(client):
    UserFactory(email="chung@motcua.example")
    UserFactory(email="CHUNG@motcua.example")

    assert _sign_in(client, "chung@motcua.example").status_code == 200
    assert not get_user(client).is_authenticated


@pytest.mark.parametrize("username", ["ho.ten@donvi", "0912999888"])
def test_a_user_name_that_looks_like_an_email_or_a_phone_still_signs_in(client, username):
    officer = StaffFactory(username=username)
    assert _sign_in(client, username).status_code == 302
    assert get_user(client) == officer


def test_the_province_system_administrator_lifts_a_lockout_in_the_admin(client, citizen):
    """The locked-out officer calls the province's system administrator, not a superuser."""
    for attempt in range(5):
        _sign_in(client, "0912345678", "sai", ip=f"198.51.100.{attempt}")
    assert _sign_in(client, "0912345678", ip="198.51.100.99").status_code == 429
    province = UnitFactory(province=True)
    admin = Client()
    admin.force_login(StaffFactory(system_admin=True, unit=province))
    commune_admin = Client()
    commune_admin.force_login(StaffFactory(unit_admin=True, unit=UnitFactory(parent=province)))
    rows = list(AccessAttempt.objects.filter(username="0912345678").values_list("pk", flat=True))

    assert "0912345678" in admin.get("/admin/axes/accessattempt/").content.decode()
    assert commune_admin.get("/admin/axes/accessattempt/").status_code == 403
    assert admin.get(f"/admin/axes/accessattempt/{rows[0]}/change/").status_code == 200
    assert admin.post(f"/admin/axes/accessattempt/{rows[0]}/change/", {}).status_code == 403
    lifted = admin.post("/admin/axes/accessattempt/", {
        "action": "delete_selected", "_selected_action": rows, "post": "yes"})
    assert lifted.status_code == 302

    assert not AccessAttempt.objects.filter(username="0912345678").exists()
    assert _sign_in(Client(), "0912345678", ip="198.51.100.99").status_code == 302


def test_the_lockouts_page_reads_in_vietnamese(client, citizen):
    _sign_in(client, "0912345678", "sai")
    admin = Client()
    admin.force_login(StaffFactory(system_admin=True, unit=UnitFactory(province=True)))

    page = admin.get("/admin/axes/accessattempt/").content.decode()

    assert "Đăng nhập sai, khóa đăng nhập" in page and "Số lần sai" in page
    assert "Failed Logins" not in page

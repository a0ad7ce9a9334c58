"""Sign-up at /tai-khoan/dang-ky/: a citizen's own account, signed in at once."""

import pytest
from django.contrib.auth import get_user
from django.core.exceptions import ValidationError

from motcua.accounts.models import User
from motcua.accounts.services import (
    CCCD_TAKEN,
    CONTACT_REQUIRED,
    EMAIL_TAKEN,
    PHONE_TAKEN,
    USERNAME_PREFIX,
    citizen_sign_up,
)
from tests.factories.accounts import CitizenFactory
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db

SIGNUP = "/tai-khoan/dang-ky/"
PASSWORD = "Hoa-sen-nở-2026"


def _form(**overrides):
    data = {"full_name": "Lê Thị Hoa", "phone": "0912 345 678", "email": "hoa@motcua.example",
            "cccd": "099190001234", "password1": PASSWORD, "password2": PASSWORD,
            "address": "Ấp 2, xã Vĩnh Bình"}
    return data | overrides


def _errors(response) -> dict[str, str]:
    """Field name → the message shown under it, read from the page."""
    elements = parse(response.content.decode())
    return {e.attrs["id"].removesuffix("-error"): text_of(e)
            for e in find_all(elements, "p", **{"class": "field-error"})}


def test_a_person_signs_up_and_is_signed_in_on_their_profile(client):
    response = client.post(SIGNUP, _form())

    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    user = User.objects.get(cccd="099190001234")
    assert get_user(client) == user
    assert (user.full_name, user.phone, user.email, user.address) == (
        "Lê Thị Hoa", "0912345678", "hoa@motcua.example", "Ấp 2, xã Vĩnh Bình")
    assert user.username.startswith(USERNAME_PREFIX) and user.check_password(PASSWORD)
    assert not user.is_staff and not user.staff_roles.exists()
    assert "Đăng ký tài khoản thành công" in client.get("/tai-khoan/").content.decode()


def test_phone_alone_or_email_alone_is_enough(client):
    assert client.post(SIGNUP, _form(email="")).status_code == 302
    client.logout()
    assert client.post(SIGNUP, _form(phone="", cccd="099190005678",
                                      email="khac@motcua.example")).status_code == 302
    assert User.objects.filter(phone=None, email="khac@motcua.example").exists()


def test_without_phone_and_email_the_form_says_one_is_needed(client):
    response = client.post(SIGNUP, _form(phone="", email=""))

    assert response.status_code == 200
    assert _errors(response) == {"phone": str(CONTACT_REQUIRED)}
    assert not User.objects.exists()


@pytest.mark.parametrize("field, value, message", [
    ("phone", "0912.345.678", PHONE_TAKEN),
    ("email", "HOA@motcua.example", EMAIL_TAKEN),
    ("cccd", "099190001234", CCCD_TAKEN),
])
def test_a_phone_email_or_cccd_already_used_is_refused_with_its_own_message(
    client, field, value, message
):
    CitizenFactory(phone="0912345678", email="hoa@motcua.example", cccd="099190001234")
    fresh = {"phone": "0987654321", "email": "moi@motcua.example", "cccd": "099190009999"}

    response = client.post(SIGNUP, _form(**(fresh | {field: value})))

    assert response.status_code == 200
    assert _errors(response) == {field: str(message)}
    assert User.objects.count() == 1
    # What was typed comes back, except the passwords.
    html = response.content.decode()
    assert 'value="Lê Thị Hoa"' in html and PASSWORD not in html


@pytest.mark.parametrize("overrides, field, fragment", [
    ({"cccd": "12345"}, "cccd", "12 chữ số"),
    ({"phone": "12345"}, "phone", "bắt đầu bằng 0"),
    ({"email": "hoa@"}, "email", "Địa chỉ email chưa đúng"),
    ({"password2": "khác-hẳn-2026"}, "password2", "không giống nhau"),
    ({"password1": "12345678", "password2": "12345678"}, "password1", "hoàn toàn là số"),
    ({"password1": "abc", "password2": "abc"}, "password1", "quá ngắn"),
    ({"full_name": ""}, "full_name", "Vui lòng nhập họ và tên"),
])
def test_bad_input_gets_a_vietnamese_message_under_its_field(client, overrides, field, fragment):
    response = client.post(SIGNUP, _form(**overrides))

    errors = _errors(response)
    assert list(errors) == [field] and fragment in errors[field]
    elements = parse(response.content.decode())
    (control,) = find_all(elements, "input", name=field)
    assert control.attrs["aria-invalid"] == "true"
    assert f"{field}-error" in control.attrs["aria-describedby"]
    # The summary at the top links to the field.
    assert len(find_all(elements, "div", **{"class": "error-summary"})) == 1
    links = find_all(elements, "a", href=f"#id_{field}")
    assert links and all(text_of(link) in errors[field] for link in links)


def test_next_is_followed_when_it_stays_on_the_site(client):
    response = client.post(SIGNUP + "?next=/nop-ho-so/HT-01/", _form())
    assert response["Location"] == "/nop-ho-so/HT-01/"


def test_next_to_another_site_is_ignored(client):
    response = client.post(SIGNUP, _form(next="https://evil.example/"))
    assert response["Location"] == "/tai-khoan/"


def test_the_page_labels_every_field(client):
    elements = parse(client.get(SIGNUP).content.decode())

    labels = {e.attrs["for"] for e in find_all(elements, "label")}
    inputs = {e.attrs["id"] for e in find_all(elements, "input") if e.attrs.get("type") not in (
        "hidden",)}
    assert inputs <= labels
    assert {"id_full_name", "id_phone", "id_email", "id_cccd", "id_password1", "id_password2",
            "id_address"} <= inputs


def test_the_service_stores_the_phone_normalised_and_refuses_no_contact():
    user = citizen_sign_up(full_name="A", cccd="099190000001", password=PASSWORD,
                           phone="+84 912 000 111")
    assert user.phone == "0912000111"
    with pytest.raises(ValidationError) as caught:
        citizen_sign_up(full_name="B", cccd="099190000002", password=PASSWORD)
    assert caught.value.message_dict == {"phone": [str(CONTACT_REQUIRED)]}

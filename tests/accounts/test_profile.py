"""The profile /tai-khoan/: a person reads and edits their own details and password."""

import pytest
from django.contrib.auth import get_user

from motcua.accounts.services import CCCD_LOCKED, EMAIL_TAKEN, PHONE_TAKEN
from tests.factories.accounts import PASSWORD, CitizenFactory
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db

PROFILE = "/tai-khoan/"
CHANGE = "/tai-khoan/doi-mat-khau/"


@pytest.fixture
def citizen(client):
    person = CitizenFactory(full_name="Lê Thị Hoa", phone="0912345678",
                            email="hoa@motcua.example", cccd="099190001234",
                            address="Ấp 1, xã Vĩnh Bình")
    client.force_login(person)
    return person


def _details(**overrides):
    return {"full_name": "Lê Thị Hoa", "phone": "0912345678", "email": "hoa@motcua.example",
            "address": "Ấp 1, xã Vĩnh Bình"} | overrides


def _errors(response) -> dict[str, str]:
    elements = parse(response.content.decode())
    return {e.attrs["id"].removesuffix("-error"): text_of(e)
            for e in find_all(elements, "p", **{"class": "field-error"})}


def test_the_profile_needs_a_signed_in_person(client):
    assert client.get(PROFILE)["Location"] == "/tai-khoan/dang-nhap/?next=/tai-khoan/"


def test_the_profile_shows_the_details_and_the_cccd_read_only(client, citizen):
    html = client.get(PROFILE).content.decode()

    assert "099190001234" in html
    assert 'value="Ấp 1, xã Vĩnh Bình"' in html and 'value="0912345678"' in html
    assert not find_all(parse(html), "input", name="cccd")


def test_a_person_changes_address_phone_and_email(client, citizen):
    response = client.post(PROFILE, _details(address="Số 5, ấp 3, xã Vĩnh Bình",
                                             phone="0987 654 321", email="hoa.le@motcua.example"))

    assert response.status_code == 302 and response["Location"] == PROFILE
    citizen.refresh_from_db()
    assert (citizen.address, citizen.phone, citizen.email) == (
        "Số 5, ấp 3, xã Vĩnh Bình", "0987654321", "hoa.le@motcua.example")
    assert "Đã lưu thông tin tài khoản" in client.get(PROFILE).content.decode()


@pytest.mark.parametrize("field, value, message", [
    ("phone", "0900000001", PHONE_TAKEN), ("email", "Khac@motcua.example", EMAIL_TAKEN),
])
def test_another_persons_phone_or_email_is_refused(client, citizen, field, value, message):
    CitizenFactory(phone="0900000001", email="khac@motcua.example")

    response = client.post(PROFILE, _details(**{field: value}, address="Mới"))

    assert _errors(response) == {field: str(message)}
    citizen.refresh_from_db()
    assert citizen.address == "Ấp 1, xã Vĩnh Bình"
    # The form shows what was typed, to correct it.
    assert f'value="{value}"' in response.content.decode()


def test_removing_both_phone_and_email_is_refused(client, citizen):
    response = client.post(PROFILE, _details(phone="", email=""))
    assert "phone" in _errors(response)
    citizen.refresh_from_db()
    assert citizen.phone == "0912345678"


def test_a_posted_cccd_cannot_change_a_recorded_one(client, citizen):
    client.post(PROFILE, _details(cccd="099190009999"))
    citizen.refresh_from_db()
    assert citizen.cccd == "099190001234"


def test_the_service_refuses_to_change_a_recorded_cccd(citizen):
    from django.core.exceptions import ValidationError

    from motcua.accounts.services import citizen_profile_update

    with pytest.raises(ValidationError) as caught:
        citizen_profile_update(user=citizen, full_name="X", phone="0912345678",
                               cccd="099190009999")
    assert caught.value.message_dict == {"cccd": [str(CCCD_LOCKED)]}


def test_a_person_without_cccd_may_add_it_once(client):
    person = CitizenFactory(cccd=None, phone="0911111111", email="")
    client.force_login(person)
    assert find_all(parse(client.get(PROFILE).content.decode()), "input", name="cccd")

    client.post(PROFILE, {"full_name": person.full_name, "phone": "0911111111",
                          "cccd": "099190007777"})

    person.refresh_from_db()
    assert person.cccd == "099190007777"
    assert not find_all(parse(client.get(PROFILE).content.decode()), "input", name="cccd")


def test_a_cccd_of_another_account_is_refused(client):
    CitizenFactory(cccd="099190007777")
    person = CitizenFactory(cccd=None)
    client.force_login(person)

    response = client.post(PROFILE, {"full_name": "X", "phone": person.phone,
                                     "cccd": "099190007777"})

    assert "cccd" in _errors(response)
    person.refresh_from_db()
    assert person.cccd is None


def test_a_person_changes_their_password_and_stays_signed_in(client, citizen):
    response = client.post(CHANGE, {"old_password": PASSWORD, "new_password1": "Sen-hong-2027!",
                                    "new_password2": "Sen-hong-2027!"})

    assert response.status_code == 302 and response["Location"] == PROFILE
    citizen.refresh_from_db()
    assert citizen.check_password("Sen-hong-2027!")
    assert get_user(client) == citizen
    assert "Đã đổi mật khẩu" in client.get(PROFILE).content.decode()


def test_a_wrong_current_password_is_refused_in_vietnamese(client, citizen):
    response = client.post(CHANGE, {"old_password": "sai", "new_password1": "Sen-hong-2027!",
                                    "new_password2": "Sen-hong-2027!"})

    assert "Mật khẩu cũ không chính xác" in _errors(response)["old_password"]
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_the_password_page_is_labelled_in_vietnamese(client, citizen):
    elements = parse(client.get(CHANGE).content.decode())
    labels = [text_of(e) for e in find_all(elements, "label")]
    assert labels == ["Mật khẩu hiện tại", "Mật khẩu mới", "Nhập lại mật khẩu mới"]

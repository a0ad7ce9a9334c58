"""Forgot password: a link by e-mail (Vietnamese), a new password, signed in with it."""

import re

import pytest
from django.core import mail

from motcua.accounts.services import citizen_from_identity
from tests.factories.accounts import PASSWORD, CitizenFactory
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db


RESET = "/tai-khoan/quen-mat-khau/"
NEW_PASSWORD = "Mai-vang-Tet-2027"


@pytest.fixture
def citizen():
    return CitizenFactory(full_name="Lê Thị Hoa", email="hoa@motcua.example",
                          phone="0912345678")


def _link(message) -> str:
    (url,) = re.findall(r"https?://\S+", message.body)
    return url.removeprefix("http://testserver")


def test_a_person_resets_a_forgotten_password_by_email(client, citizen):
    mail.outbox.clear()
    response = client.post(RESET, {"email": "HOA@motcua.example"})

    assert response["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    (message,) = mail.outbox
    assert message.to == ["hoa@motcua.example"]
    assert message.subject == "Đặt lại mật khẩu tài khoản Cổng dịch vụ công"
    assert "Kính gửi Lê Thị Hoa" in message.body
    assert "hết hạn sau 3 ngày" in message.body

    # The link opens a form (Django moves the token into the session and redirects once).
    form_page = client.get(_link(message), follow=True)
    assert form_page.status_code == 200
    labels = [text_of(e) for e in find_all(parse(form_page.content.decode()), "label")]
    assert labels == ["Mật khẩu mới", "Nhập lại mật khẩu mới"]

    done = client.post(form_page.redirect_chain[-1][0],
                       {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/tai-khoan/dat-lai-mat-khau/xong/"
    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD)

    # The new password signs in with the phone number; the link is spent.
    signed_in = client.post("/tai-khoan/dang-nhap/",
                            {"identifier": "0912345678", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    client.post("/tai-khoan/dang-xuat/")
    again = client.get(_link(message), follow=True).content.decode()
    assert "Liên kết đặt lại mật khẩu không còn hiệu lực" in again


def test_an_unknown_address_looks_the_same_and_sends_nothing(client, citizen):
    mail.outbox.clear()
    response = client.post(RESET, {"email": "ai-do@motcua.example"})

    assert response["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    assert mail.outbox == []


def test_a_bad_address_is_refused_in_vietnamese(client):
    response = client.post(RESET, {"email": "hoa@"})
    assert "Địa chỉ email chưa đúng" in response.content.decode()


def test_weak_new_passwords_are_refused(client, citizen):
    mail.outbox.clear()
    client.post(RESET, {"email": "hoa@motcua.example"})
    form_page = client.get(_link(mail.outbox[0]), follow=True)

    response = client.post(form_page.redirect_chain[-1][0],
                           {"new_password1": "12345678", "new_password2": "12345678"})

    assert "Mật khẩu này hoàn toàn là số" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_an_account_made_at_a_vneid_sign_in_can_set_a_first_password(client):
    person = citizen_from_identity(full_name="Trần Văn Nam", cccd="099190004321",
                                   email="nam@motcua.example")
    assert not person.has_usable_password()
    mail.outbox.clear()

    client.post(RESET, {"email": "nam@motcua.example"})

    assert len(mail.outbox) == 1


def test_the_pages_are_in_english_for_who_chose_english(client, citizen):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    mail.outbox.clear()

    page = client.get(RESET).content.decode()
    client.post(RESET, {"email": "hoa@motcua.example"})

    assert "Forgot your password" in page
    assert mail.outbox[0].subject == "Reset the password of your public service portal account"

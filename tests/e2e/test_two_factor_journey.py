"""Issue #8, staff's two-factor sign-in in a real browser: an officer signs in with their
password, enrols an authenticator app from the QR code page (the test computes the app's code
from the secret the page shows, as the app would), lands on the desk; signs out, and the next
time gives the password and a code."""

import pytest
from playwright.sync_api import expect

from tests.accounts.otp import code_for_secret
from tests.factories.accounts import PASSWORD, StaffFactory
from tests.factories.agencies import UnitFactory

pytestmark = pytest.mark.e2e


def test_an_officer_enrols_an_authenticator_and_signs_in_with_a_code(
    page, live_server, settings, screenshot, console_errors
):
    settings.MOTCUA_STAFF_OTP_REQUIRED = True
    StaffFactory(username="vinhbinh.motcua", desk_officer=True,
                 unit=UnitFactory(with_desk=True, name="UBND xã Vĩnh Bình (mẫu)"))
    page.set_viewport_size({"width": 375, "height": 812})

    # Given an officer who has never used two-factor sign-in, signing in with their password
    _password_step(page, live_server)

    # Then they are asked to enrol an authenticator app: a QR code and the secret in text
    expect(page.get_by_role("heading", level=1)).to_have_text("Bật xác thực hai lớp")
    qr = page.get_by_role("img", name="Mã QR để thêm tài khoản Motcua vào ứng dụng xác thực")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0  # the inline SVG was allowed and drawn
    secret = page.locator(".otp-secret code").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot("enrol-375")

    # When they type a wrong code, they are told so; with the app's code they are in
    page.get_by_label("Mã xác thực").fill("000000")
    page.get_by_role("button", name="Xác nhận và bật").click()
    expect(page.get_by_role("alert")).to_contain_text("Mã xác thực chưa đúng")
    page.wait_for_timeout(1100)  # django-otp makes the next try wait a second
    page.get_by_label("Mã xác thực").fill(code_for_secret(secret))
    page.get_by_role("button", name="Xác nhận và bật").click()

    # Then they land on their work, the desk's queue
    expect(page.get_by_role("heading", level=1)).to_have_text("Hàng chờ Bộ phận Một cửa")

    # When they sign out and sign in again
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "button", name="Đăng xuất").click()
    _password_step(page, live_server)

    # Then the password is not enough: the desk waits behind the code step
    expect(page.get_by_role("heading", level=1)).to_have_text("Xác thực hai lớp")
    page.goto(f"{live_server.url}/mot-cua/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Xác thực hai lớp")
    screenshot("code-step-375")
    # The code of the next 30 seconds: the one used to enrol is spent (no replay).
    page.get_by_label("Mã xác thực").fill(code_for_secret(secret, drift=1))
    page.get_by_role("button", name="Xác nhận", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hàng chờ Bộ phận Một cửa")
    assert page.url == f"{live_server.url}/mot-cua/"
    assert console_errors == []


def _password_step(page, live_server) -> None:
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Số điện thoại, email hoặc tên đăng nhập").fill("vinhbinh.motcua")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

"""Issue #4, citizen accounts: on a phone, a person signs up, signs out, signs back in with
their phone number and corrects their address, in a real browser."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from motcua.accounts.models import User

pytestmark = pytest.mark.e2e

PASSWORD = "Hoa-sen-no-2026"


def test_a_person_signs_up_on_a_phone_and_manages_their_account(
    page, live_server, screenshot, console_errors
):
    cache.clear()  # the sign-in limit's counters
    page.set_viewport_size({"width": 375, "height": 812})

    # Given a person on the portal's home page, on a phone
    page.goto(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Điều hướng chính")

    # When they follow "Đăng ký" and fill in the form, first forgetting the second password
    nav.get_by_role("link", name="Đăng ký").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng ký tài khoản")
    page.get_by_label("Họ và tên").fill("Lê Thị Hoa")
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.get_by_label("Số CCCD").fill("099190001234")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_label("Địa chỉ liên hệ").fill("Ấp 1, xã Vĩnh Bình")
    page.get_by_role("button", name="Đăng ký").click()

    # Then the page says what is missing, at the top and under the field, keeping what they typed
    expect(page.get_by_role("alert")).to_contain_text("Vui lòng nhập lại mật khẩu.")
    expect(page.get_by_label("Họ và tên")).to_have_value("Lê Thị Hoa")
    screenshot("signup-error-375")
    page.get_by_role("alert").get_by_role("link").click()
    expect(page.get_by_label("Nhập lại mật khẩu")).to_be_focused()

    # When they complete it
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng ký").click()

    # Then they are signed in, on their account page, with their name in the header
    expect(page.get_by_role("heading", level=1)).to_have_text("Tài khoản của tôi")
    expect(page.get_by_role("status")).to_contain_text("Đăng ký tài khoản thành công")
    expect(nav.get_by_role("link", name="Lê Thị Hoa")).to_be_visible()
    expect(nav.get_by_role("link", name="Hồ sơ của tôi")).to_be_visible()
    expect(page.get_by_text("099190001234")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    screenshot("profile-375")

    # When they sign out
    nav.get_by_role("button", name="Đăng xuất").click()
    expect(nav.get_by_role("link", name="Đăng nhập")).to_be_visible()
    expect(nav.get_by_role("link", name="Lê Thị Hoa")).to_have_count(0)

    # And sign in again with their phone number
    nav.get_by_role("link", name="Đăng nhập").click()
    page.get_by_label("Số điện thoại, email hoặc tên đăng nhập").fill("0912345678")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    screenshot("login-375")
    page.get_by_role("button", name="Đăng nhập").click()

    # Then they are back on their account page, and correct their address
    expect(page.get_by_role("heading", level=1)).to_have_text("Tài khoản của tôi")
    page.get_by_label("Địa chỉ liên hệ").fill("Số 5, ấp 3, xã Vĩnh Bình")
    page.get_by_role("button", name="Lưu thông tin").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu thông tin tài khoản")
    expect(page.get_by_label("Địa chỉ liên hệ")).to_have_value("Số 5, ấp 3, xã Vĩnh Bình")
    screenshot("address-saved-375")

    person = User.objects.get(cccd="099190001234")
    assert (person.phone, person.address) == ("0912345678", "Số 5, ấp 3, xã Vĩnh Bình")
    assert console_errors == []

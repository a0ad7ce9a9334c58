"""A province's system administrator opens the administration, in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.factories.accounts import PASSWORD, StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory
from tests.factories.workcal import CalendarDayFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def system_admin(transactional_db):
    """Like the demo's quantri.hethong: a system administrator of a province, not a superuser."""
    province = UnitFactory(province=True, name="UBND tỉnh Thử Nghiệm (mẫu)")
    UnitFactory(parent=province, name="UBND xã Thử Nghiệm (mẫu)")
    ProcedureFactory(code="HT-01", name="Đăng ký khai sinh")
    CalendarDayFactory()
    return StaffFactory(system_admin=True, unit=province, username="quantri.hethong",
                        full_name="Võ Minh Khoa")


def test_system_administrator_logs_in_and_finds_catalog_and_calendar(
    page, live_server, system_admin, screenshot, console_errors
):
    # Given the system administrator on the portal
    page.goto(f"{live_server.url}/")

    # When they follow "Đăng nhập" and type their password
    page.get_by_role("link", name="Đăng nhập").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.get_by_label("Tên đăng nhập").fill("quantri.hethong")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    screenshot("login")
    page.get_by_role("button", name="Đăng nhập").click()

    # Then the administration opens in Vietnamese with the catalog and calendar sections
    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.get_by_role("link", name="Quản trị Motcua")).to_be_visible()
    for section in ("Danh mục thủ tục hành chính", "Lịch làm việc"):
        expect(page.get_by_role("link", name=section, exact=True)).to_be_visible()
    screenshot("index")

    # When they open the procedures, then they may change them
    page.get_by_role("link", name="Thủ tục hành chính", exact=True).first.click()
    expect(page.get_by_role("link", name="HT-01", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Thực hiện")).to_be_visible()
    screenshot("procedures")

    # And the calendar's days, with the actions named in Vietnamese
    page.get_by_role("link", name="Ngày nghỉ, ngày làm bù", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Chọn ngày nghỉ, ngày làm bù để thay đổi")
    expect(page.get_by_role("button", name="Thực hiện")).to_be_visible()
    expect(page.get_by_text("Select an option")).to_have_count(0)
    screenshot("calendar")
    assert console_errors == []

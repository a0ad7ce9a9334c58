"""A citizen looks up a procedure in the shipped catalog, in a real browser."""

import pytest
from playwright.sync_api import expect

from motcua.catalog.importer import DEFAULT_CATALOG_FILE, catalog_import

pytestmark = pytest.mark.e2e


@pytest.fixture
def shipped_catalog(transactional_db):
    return catalog_import(path=DEFAULT_CATALOG_FILE)


def test_visitor_finds_birth_registration_and_certification_procedures(
    page, live_server, shipped_catalog, screenshot, console_errors
):
    # Given a visitor on the home page, which offers the everyday procedures
    page.goto(f"{live_server.url}/")
    popular = page.get_by_role("region", name="Thủ tục thường dùng")
    expect(popular.get_by_role("link", name="Đăng ký khai sinh", exact=True)).to_have_attribute(
        "href", "/thu-tuc/HT-01/")

    # When they search without accents from the home box
    page.get_by_label("Tìm thủ tục hành chính").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm kiếm").click()

    # Then the catalog lists "Đăng ký khai sinh" among the results
    expect(page).to_have_url(f"{live_server.url}/thu-tuc/?q=dang+ky+khai+sinh")
    expect(page.get_by_role("status")).to_have_text("Có 6 thủ tục phù hợp.")
    result = page.get_by_role("link", name="Đăng ký khai sinh", exact=True)
    expect(result).to_be_visible()
    screenshot("results")

    # When they open it
    result.click()

    # Then they read the time limit in plain Vietnamese and the documents to bring
    expect(page).to_have_url(f"{live_server.url}/thu-tuc/HT-01/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng ký khai sinh")
    time_limit = page.get_by_role("region", name="Thời hạn giải quyết")
    expect(time_limit).to_contain_text(
        "Trong ngày; nhận sau 15 giờ trả trong ngày làm việc tiếp theo")
    components = page.get_by_role("region", name="Thành phần hồ sơ")
    expect(components.get_by_role("rowheader", name="Tờ khai đăng ký khai sinh (theo mẫu)")
           ).to_be_visible()
    expect(components.get_by_role("row")).to_have_count(6)  # the heading row and five documents
    screenshot("procedure")

    # When they search in capitals with accents, from the catalog's own box
    page.get_by_role("link", name="Thủ tục hành chính", exact=True).first.click()
    page.get_by_label("Tìm thủ tục").fill("CHỨNG THỰC")
    page.get_by_role("button", name="Tìm kiếm").click()

    # Then the certification procedures are listed
    expect(page.get_by_role("status")).to_have_text("Có 11 thủ tục phù hợp.")
    titles = page.locator(".procedure-card__title")
    expect(titles.first).to_have_text(
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam "
        "cấp hoặc chứng nhận")
    expect(page.get_by_role("link", name="Chứng thực chữ ký người dịch")).to_be_visible()
    expect(page.get_by_role("link", name="Chứng thực di chúc")).to_be_visible()
    screenshot("certification")
    assert console_errors == []


def test_a_procedure_page_fits_a_phone_screen(page, live_server, shipped_catalog, screenshot):
    page.set_viewport_size({"width": 375, "height": 740})

    for path in ("/thu-tuc/", "/thu-tuc/HT-01/"):
        page.goto(f"{live_server.url}{path}")
        # No horizontal scrolling (WCAG 1.4.10 reflow): filters and tables fit the width.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path

    # On a phone the tables are stacked, each value named by its column
    expect(page.get_by_role("region", name="Thành phần hồ sơ").locator("td[data-label]").first
           ).to_be_visible()
    screenshot("procedure-phone")

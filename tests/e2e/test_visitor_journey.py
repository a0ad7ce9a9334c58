"""A visitor's first minute on the portal, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_visitor_switches_language_and_searches_the_catalog(
    page, live_server, screenshot, console_errors
):
    # Given a visitor whose browser prefers English, opening the portal
    page.goto(f"{live_server.url}/")

    # Then the home page is in Vietnamese
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cổng dịch vụ công")
    screenshot("home-vi")

    # When they choose English, then the same page comes back in English
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Public service portal")
    assert page.url == f"{live_server.url}/"
    screenshot("home-en")

    # And back to Vietnamese
    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert console_errors == []  # nothing blocked by the Content-Security-Policy, no 404

    # When they search without accents
    page.get_by_label("Tìm thủ tục hành chính").fill("dang ky khai sinh")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Tìm kiếm").click()

    # Then the catalog opens with the query
    assert page.url == f"{live_server.url}/thu-tuc/?q=dang+ky+khai+sinh"
    assert navigation.value.status == 200
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot("catalog-search")
    assert console_errors == []


def test_keyboard_user_skips_to_the_content(page, live_server):
    page.goto(f"{live_server.url}/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main")).to_be_focused()


def test_home_fits_a_phone_screen(page, live_server, screenshot):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/")

    # No horizontal scrolling (WCAG 1.4.10 reflow), and the search is usable.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    expect(page.get_by_role("button", name="Tìm kiếm")).to_be_visible()
    screenshot("home-phone")

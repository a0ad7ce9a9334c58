"""Journey 3 of issue #4: a stranger looks a dossier up by its code and 4 digits, in a real
browser, and sees its status and appointment but no name, phone or address."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from motcua.core.templatetags.motcua import vndatetime
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.e2e


def test_a_stranger_looks_up_a_received_dossier(page, live_server, screenshot, console_errors):
    cache.clear()  # the rate limit's counters
    dossier = dossier_in(Status.RECEIVED)

    # Given a stranger on the portal, following the nav link
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Tra cứu hồ sơ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tra cứu hồ sơ")

    # When they type the code and the last 4 digits of the applicant's phone
    page.get_by_label("Mã hồ sơ").fill(dossier.code)
    page.get_by_label("4 số cuối điện thoại hoặc CCCD").fill(dossier.applicant_phone[-4:])
    page.get_by_role("button", name="Tra cứu", exact=True).click()

    # Then they see its status and appointment
    expect(page.get_by_role("heading", name="Kết quả tra cứu")).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text(dossier.procedure_version.name)
    expect(main).to_contain_text("Đã tiếp nhận")
    expect(main).to_contain_text(vndatetime(dossier.appointment_at))
    screenshot("found")

    # And no name, phone, address or ID number anywhere on the page
    html = page.content()
    for personal in (dossier.applicant_name, dossier.applicant_phone,
                     dossier.applicant_address, dossier.applicant_id_number):
        assert personal not in html, personal
    assert console_errors == []

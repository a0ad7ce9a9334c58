"""Issue #6 journey: a visitor opens /thong-ke/, picks a unit and a month, sees the rates and
downloads the CSV — on a 375 px phone."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from motcua.dossiers.statuses import Channel
from motcua.reports.rollups import months_between, rollup_refresh
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import procedure_create, vn, world_create
from tests.factories.reports import dossier_open, dossier_settled

pytestmark = pytest.mark.e2e


@pytest.fixture
def province(db, frozen_now):
    province = UnitFactory(province=True, name="Tỉnh Thống Kê")
    world = world_create(unit=UnitFactory(with_desk=True, parent=province,
                                          name="UBND xã Thống Kê"))
    procedure = procedure_create("five_day")
    dossier_settled(world=world, procedure=procedure, received=vn(2026, 10, 5, 9),
                    finished=vn(2026, 10, 7, 9), channel=Channel.ONLINE)
    dossier_settled(world=world, procedure=procedure, received=vn(2026, 10, 5, 9),
                    finished=vn(2026, 10, 20, 9))
    dossier_open(world=world, procedure=procedure, received=vn(2026, 11, 24, 9))
    rollup_refresh(unit_ids=None, months=months_between(vn(2026, 10, 1).date(),
                                                         vn(2026, 11, 1).date()))
    return province


def test_a_visitor_reads_the_month_and_downloads_the_csv(page, live_server, province,
                                                          screenshot, console_errors):
    page.set_viewport_size({"width": 375, "height": 800})
    # Given a visitor on the statistics page
    page.goto(f"{live_server.url}/thong-ke/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thống kê tình hình giải quyết hồ sơ")

    # When they pick the province and October 2026
    page.get_by_label("Đơn vị").select_option(label="Tỉnh Thống Kê")
    page.get_by_label("Tháng (mm/yyyy)").fill("10/2026")
    page.get_by_role("button", name="Xem").click()

    # Then they see the month's figures and rates
    expect(page.get_by_role("heading", level=2).first).to_contain_text("10/2026")
    expect(page.locator('[data-figure="received"]')).to_have_text("2")
    expect(page.locator('[data-figure="online-share"]')).to_contain_text("50")
    expect(page.locator('[data-figure="on-time-rate"]')).to_contain_text("50")
    expect(page.locator(".report-chart svg rect.bar-late")).to_have_count(12)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at 375 px ({width} px)"
    screenshot("statistics-375")

    # And they download the open data as CSV
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[-1]["thang"] == "2026-10" and rows[-1]["tiep_nhan"] == "2"
    assert console_errors == []

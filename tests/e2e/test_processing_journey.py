"""A dossier through the processing back office, in a real browser: the desk forwards it, a
specialist hands it over to a colleague, the colleague proposes the result, a leader approves
it, the desk returns it; every hand-over is on the control sheet (Mẫu 05); a specialist never
sees an approve button."""

import io

import pytest
from playwright.sync_api import expect

from motcua.dossiers.statuses import Status
from tests.dossiers.processing_support import procedure_with
from tests.e2e.session import sign_in
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in, world_create

pytestmark = pytest.mark.e2e




@pytest.fixture
def received(transactional_db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = world_create(unit=UnitFactory(with_desk=True, name="UBND xã Vĩnh Bình (mẫu)"))
    colleague = StaffFactory(specialist=True, unit=world.unit, full_name="Lê Thị Hoàn Thiện")
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=procedure_with("two_specialists"))
    return world, colleague, dossier


def test_a_dossier_from_desk_to_result(page, context, live_server, received, screenshot,
                                       console_errors):
    world, colleague, dossier = received
    url = f"{live_server.url}/xu-ly/ho-so/{dossier.code}/"

    # The desk officer forwards the received dossier to the competent unit
    sign_in(context, live_server, world.desk_officer)
    page.goto(url)
    page.get_by_text("Chuyển xử lý", exact=True).first.click()
    page.get_by_role("button", name="Chuyển xử lý").click()
    expect(page.get_by_text("Đã thực hiện: Chuyển xử lý.")).to_be_visible()

    # The specialist finds it in the unit's inbox, on a phone
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(context, live_server, world.specialist)
    page.goto(f"{live_server.url}/xu-ly/?pham-vi=unit")
    page.get_by_role("link", name=dossier.code).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hồ sơ {dossier.code}")
    expect(page.get_by_role("button", name="Phê duyệt kết quả")).to_have_count(0)
    screenshot("specialist-375")
    page.set_viewport_size({"width": 1280, "height": 900})

    # … and hands it over to the colleague for the next step
    page.get_by_text("Chuyển bước tiếp theo", exact=True).first.click()
    page.get_by_label("Chuyên viên nhận bước tiếp theo").select_option(label=str(colleague))
    page.get_by_label("Ghi chú").first.fill("Đã thẩm định, đủ điều kiện")
    page.get_by_role("button", name="Chuyển bước tiếp theo").click()
    expect(page.get_by_text("Đã thực hiện: Chuyển bước tiếp theo.")).to_be_visible()

    # The colleague proposes the result
    sign_in(context, live_server, colleague)
    page.goto(url)
    page.get_by_text("Trình kết quả", exact=True).first.click()
    page.get_by_role("button", name="Trình kết quả").click()
    expect(page.get_by_text("Chờ lãnh đạo phê duyệt").first).to_be_visible()
    expect(page.get_by_role("button", name="Phê duyệt kết quả")).to_have_count(0)

    # A leader approves with the result's number
    sign_in(context, live_server, world.leader)
    page.goto(url)
    page.get_by_text("Phê duyệt kết quả", exact=True).first.click()
    page.get_by_label("Tên văn bản kết quả").fill("Giấy xác nhận")
    page.get_by_label("Số, ký hiệu").fill("15/GXN")
    screenshot("approve")
    page.get_by_role("button", name="Phê duyệt kết quả").click()
    expect(page.get_by_text("Đã có kết quả").first).to_be_visible()

    # The desk returns it: the dossier is found by the receipt's QR address, the person who
    # collects the result is recorded
    sign_in(context, live_server, world.desk_officer)
    page.goto(f"{live_server.url}/mot-cua/tra-ket-qua/")
    page.get_by_label("Mã hồ sơ hoặc địa chỉ trong mã QR").fill(
        f"{live_server.url}/tra-cuu/?ma={dossier.code}")
    page.get_by_role("button", name="Tìm hồ sơ").click()
    page.get_by_label("Họ tên người nhận kết quả").fill(dossier.applicant_name)
    page.get_by_label("Số CCCD / giấy tờ tùy thân của người nhận").fill("001099012345")
    page.get_by_role("button", name="Xác nhận đã trả kết quả").click()
    page.goto(url)
    expect(page.get_by_text("Đã trả kết quả").first).to_be_visible()

    # Every hand-over is on the control sheet: desk → unit, specialist → colleague → leader →
    # desk → applicant
    sheet = page.locator("table.control-sheet tbody tr")
    expect(sheet).to_have_count(6)  # receipt, forward, hand-over, proposal, approval, return
    texts = sheet.all_inner_texts()
    assert str(colleague) in texts[2] and str(world.specialist) in texts[2]
    assert str(world.leader) in texts[4]
    history = page.locator("ol.history").inner_text()
    for action in ("Chuyển xử lý", "Chuyển bước tiếp theo", "Trình kết quả",
                   "Phê duyệt kết quả", "Trả kết quả"):
        assert action in history
    screenshot("returned")
    _check_the_printed_sheet(page, dossier, colleague, live_server)
    assert console_errors == []


def _check_the_printed_sheet(page, dossier, colleague, live_server) -> None:
    """The printed Mẫu 05 lists the same hand-overs."""
    from pypdf import PdfReader

    response = page.request.get(f"{live_server.url}/van-ban/{dossier.code}/mau-05.pdf")
    assert response.status == 200 and response.body().startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert str(colleague) in " ".join(text.split())

"""Issue #4, journey 1: a citizen finds "Đăng ký khai sinh", submits it online with a PDF and
reads the dossier code on the confirmation; then the wizard once more on a phone's screen."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfWriter

from motcua.catalog.importer import DEFAULT_CATALOG_FILE, catalog_import
from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Status
from tests.e2e.session import sign_in
from tests.factories.accounts import CitizenFactory
from tests.factories.agencies import UnitFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def citizen(transactional_db):
    catalog_import(path=DEFAULT_CATALOG_FILE)
    UnitFactory(with_desk=True, name="UBND xã Bên Sông")
    UnitFactory(with_desk=True, name="UBND xã Vĩnh Bình")
    return CitizenFactory(full_name="Lê Thị Hoa", cccd="099190000123", phone="0912345678",
                          address="Ấp 2, xã Vĩnh Bình, tỉnh Thử Nghiệm")


@pytest.fixture
def signed_in(context, live_server, citizen, settings, tmp_path):
    """The citizen's session, made in the test and handed to the browser as its cookie."""
    settings.MEDIA_ROOT = tmp_path / "media"
    sign_in(context, live_server, citizen)
    return citizen


@pytest.fixture
def pdf_file(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "to-khai-khai-sinh.pdf"
    path.write_bytes(out.getvalue())
    return path


def _fill_wizard(page, pdf_file, screenshot=None, *, by_post: bool):
    shot = screenshot or (lambda label: None)
    # Start: the citizen's commune is chosen for them
    expect(page.get_by_label("Nơi nộp hồ sơ (đơn vị tiếp nhận)")).to_have_value(
        str(_unit_id("UBND xã Vĩnh Bình")))
    page.get_by_role("button", name="Bắt đầu soạn hồ sơ").click()

    # 1. Applicant, pre-filled from the account
    expect(page.get_by_role("heading", level=1)).to_have_text("Người yêu cầu")
    expect(page.get_by_label("Họ và tên chủ hồ sơ")).to_have_value("Lê Thị Hoa")
    shot("applicant")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # 2. What is asked
    page.get_by_label("Nội dung yêu cầu").fill(
        "Đăng ký khai sinh cho con: Trần Minh An, sinh ngày 01/11/2026 tại Trạm y tế xã.")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # 3. Uploads: the two documents the procedure requires, as a real PDF
    expect(page.get_by_role("heading", level=1)).to_have_text("Giấy tờ đính kèm")
    page.get_by_label("Tờ khai đăng ký khai sinh (theo mẫu)").set_input_files(pdf_file)
    page.get_by_label("Bản chính Giấy chứng sinh", exact=False).set_input_files(pdf_file)
    page.get_by_role("button", name="Tải lên và tiếp tục").click()

    # 4. Result delivery
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhận kết quả")
    if by_post:
        page.get_by_label("Nhận qua bưu chính công ích").check()
        page.get_by_label("Địa chỉ nhận kết quả qua bưu chính").fill("Số 5, ấp 2, xã Vĩnh Bình")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # 5. Review: everything on one page, the fee in đồng, then submit
    expect(page.get_by_role("heading", level=1)).to_have_text("Xem lại và nộp hồ sơ")
    expect(page.get_by_text("to-khai-khai-sinh.pdf").first).to_be_visible()
    expect(page.get_by_text("8.000 đ", exact=True)).to_be_visible()
    shot("review")
    page.get_by_role("button", name="Nộp hồ sơ").click()


def _unit_id(name: str) -> int:
    from motcua.agencies.models import Unit

    return Unit.objects.get(name=name).pk


def test_citizen_finds_birth_registration_and_submits_it_online(
    page, live_server, signed_in, pdf_file, screenshot, console_errors
):
    # Given a signed-in citizen searching the catalog without accents
    page.goto(f"{live_server.url}/thu-tuc/")
    page.get_by_label("Tìm thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.get_by_role("link", name="Đăng ký khai sinh", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/thu-tuc/HT-01/")

    # When they follow "Nộp hồ sơ trực tuyến" (or, if the catalog has no button, go there)
    button = page.get_by_role("link", name="Nộp hồ sơ trực tuyến")
    if button.count():
        button.first.click()
    else:
        page.goto(f"{live_server.url}/nop-ho-so/HT-01/")
    expect(page).to_have_url(f"{live_server.url}/nop-ho-so/HT-01/")
    screenshot("start")
    _fill_wizard(page, pdf_file, screenshot, by_post=True)

    # Then the confirmation shows the dossier code at once, waiting for the desk
    dossier = Dossier.objects.get(owner=signed_in)
    assert dossier.status == Status.SUBMITTED
    expect(page).to_have_url(f"{live_server.url}/nop-ho-so/ho-so/{dossier.code}/da-nop/")
    expect(page.get_by_role("status")).to_contain_text(dossier.code)
    expect(page.get_by_text("Chờ tiếp nhận")).to_be_visible()
    expect(page.get_by_role("link", name="Xem hồ sơ của tôi")).to_have_attribute(
        "href", f"/ho-so/{dossier.code}/")
    screenshot("done")
    assert dossier.files.count() == 2 and dossier.delivery == "post"
    assert console_errors == []


def test_the_wizard_works_on_a_phone(page, live_server, signed_in, pdf_file, screenshot):
    page.set_viewport_size({"width": 375, "height": 740})
    seen = []

    def fits(label):
        # No horizontal scrolling on any step (WCAG 1.4.10 reflow).
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, label
        seen.append(label)
        screenshot(f"phone-{label}")

    page.goto(f"{live_server.url}/nop-ho-so/HT-01/")
    fits("start")
    _fill_wizard(page, pdf_file, fits, by_post=False)
    expect(page.get_by_role("status")).to_contain_text("Đã nộp hồ sơ")
    fits("done")
    assert seen == ["start", "applicant", "review", "done"]

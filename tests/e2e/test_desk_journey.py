"""The one-stop desk in a real browser: an officer receives a dossier in person through the
form (procedure found without accents, applicant pre-filled from the citizen's account), sees
the code and the receipt link (the Mẫu 01 PDF carries the code and the appointment date), and
an officer of another commune gets 404 for that dossier."""

import io

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from motcua.core.clock import local
from motcua.dossiers.models import Dossier
from tests.e2e.session import sign_in
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory
from tests.factories.dossiers import world_create

pytestmark = pytest.mark.e2e




@pytest.fixture
def communes(transactional_db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    here = world_create(unit=UnitFactory(with_desk=True, name="UBND xã Vĩnh Bình (mẫu)"))
    there = world_create(unit=UnitFactory(with_desk=True, name="UBND xã Đồng Sơn (mẫu)"))
    procedure = ProcedureFactory(name="Đăng ký khai sinh", channels=(1, 2, 3), with_fee=True)
    return here, there, procedure


def _receipt_pdf_available() -> bool:
    try:
        reverse("documents:dossier-form", args=["X", "mau-01"])
    except NoReverseMatch:
        return False
    return True


def test_desk_receives_a_dossier_in_person(page, context, live_server, communes, screenshot,
                                           console_errors):
    here, there, _procedure = communes
    sign_in(context, live_server, here.desk_officer)
    page.goto(f"{live_server.url}/mot-cua/tiep-nhan/")
    page.get_by_label("Tên hoặc mã thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm thủ tục").click()
    page.get_by_role("link", name="Đăng ký khai sinh").click()

    page.get_by_label("Tìm công dân theo số CCCD").fill(here.citizen.cccd)
    page.get_by_role("button", name="Tìm và điền sẵn").click()
    expect(page.get_by_label("Họ và tên (tên tổ chức)")).to_have_value(here.citizen.full_name)
    page.get_by_label("Phí, lệ phí đã thu (đồng)").fill("10.000")
    screenshot("form")
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()

    dossier = Dossier.objects.get()
    expect(page.get_by_role("heading", level=1)).to_contain_text(dossier.code)
    receipt = page.get_by_role("link", name="In giấy tiếp nhận (Mẫu 01)")
    expect(receipt).to_have_attribute("href", f"/van-ban/{dossier.code}/mau-01.pdf")
    assert dossier.owner == here.citizen and dossier.fee_paid == 10_000

    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text(dossier.code)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the dossier page scrolls sideways at 375 px ({width} px)"
    screenshot("received-375")

    if _receipt_pdf_available():
        from pypdf import PdfReader

        answer = page.request.get(f"{live_server.url}/van-ban/{dossier.code}/mau-01.pdf")
        assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.body())).pages)
        assert dossier.code in text
        assert local(dossier.appointment_at).strftime("%d/%m/%Y") in text
    assert console_errors == []

    sign_in(context, live_server, there.desk_officer)
    answer = page.goto(f"{live_server.url}/mot-cua/ho-so/{dossier.code}/")
    assert answer.status == 404

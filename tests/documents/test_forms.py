"""Each printed form renders for a dossier whose history has it, with the code, the applicant
and the dates a citizen or an officer reads on paper; the others are not offered."""

from datetime import timedelta

import pytest

from motcua.core.clock import local
from motcua.documents.forms import form_context, forms_available
from motcua.documents.pdf import render_pdf
from motcua.dossiers.statuses import Channel
from tests.documents.conftest import pdf_pages, pdf_text, rescheduled, settled_late
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db

A4 = (595, 842)  # points, ±1


def render(dossier, slug: str) -> bytes:
    spec, context = form_context(dossier, slug)
    return render_pdf(template_name=spec.template, context=context)


def dd_mm_yyyy(instant) -> str:
    return local(instant).strftime("%d/%m/%Y")


def slugs(dossier) -> list[str]:
    return [slug for slug, _title in forms_available(dossier)]


def test_mau_01_receipt_prints_code_applicant_appointment_and_components(world, frozen_now):
    dossier = dossier_in("received", world=world)
    content = render(dossier, "mau-01")
    text = pdf_text(content)
    assert content.startswith(b"%PDF-")
    assert dossier.code in text
    assert dossier.applicant_name in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "UBND TỈNH THỬ NGHIỆM" in text and "UBND XÃ VĨNH BÌNH" in text
    assert "Vĩnh Bình, ngày 26 tháng 11 năm 2026" in text
    assert f"ngày {dd_mm_yyyy(dossier.appointment_at)}" in text
    assert "09 giờ 00 phút, ngày 26/11/2026" in text  # received
    for component in dossier.components.all():
        assert component.name[:30] in text
    assert "Mẫu số 01" in text


def test_mau_01_online_acceptance(world, frozen_now):
    dossier = dossier_in("received", world=world, channel=Channel.ONLINE)
    text = pdf_text(render(dossier, "mau-01"))
    assert dossier.code in text and world.citizen.full_name in text
    assert str(world.desk_officer) in text  # the officer who accepted it signs


def test_forms_are_one_a4_page(world, frozen_now):
    dossier = dossier_in("received", world=world)
    pages = pdf_pages(render(dossier, "mau-01"))
    assert len(pages) == 1
    box = pages[0].mediabox
    assert abs(float(box.width) - A4[0]) <= 1 and abs(float(box.height) - A4[1]) <= 1


def test_mau_02_before_receipt_lists_items_and_reason(world, frozen_now):
    dossier = dossier_in("completion_requested", world=world)
    assert slugs(dossier) == ["mau-02"]
    text = pdf_text(render(dossier, "mau-02"))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert dossier.code in text and dossier.applicant_name in text
    assert "Bản sao giấy chứng nhận kết hôn" in text
    assert "Thiếu giấy tờ" in text
    assert "0290 3888 999" in text  # whom to call


def test_mau_02_after_receipt_is_the_supplement_request(world, frozen_now):
    dossier = dossier_in("supplement_requested", world=world)
    assert "mau-02" in slugs(dossier)
    text = pdf_text(render(dossier, "mau-02"))
    assert "Bản sao giấy tờ tùy thân" in text and "Giấy tờ chưa rõ" in text
    # The competent unit asks in its own name, not the desk's.
    assert f"{dossier.competent_unit.name} đang giải quyết hồ sơ của" in text


def test_mau_03_refusal_prints_the_reason(world, frozen_now):
    dossier = dossier_in("refused", world=world, channel=Channel.DIRECT)
    assert slugs(dossier) == ["mau-03"]
    text = pdf_text(render(dossier, "mau-03"))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert dossier.code in text and dossier.applicant_name in text
    assert "Không thuộc thẩm quyền giải quyết" in text


def test_mau_04_apology_prints_old_and_new_appointment(world, frozen_now):
    before = dossier_in("processing", world=world)
    dossier = rescheduled(world)
    assert "mau-04" in slugs(dossier)
    text = pdf_text(render(dossier, "mau-04"))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert dossier.code in text and dossier.applicant_name in text
    assert "Chờ kết quả xác minh của Công an xã" in text
    assert f"ngày {dd_mm_yyyy(before.appointment_at)}" in text
    assert f"ngày {dd_mm_yyyy(dossier.appointment_at)}" in text
    assert dd_mm_yyyy(dossier.appointment_at) != dd_mm_yyyy(before.appointment_at)
    assert str(world.leader) in text


def test_mau_05_lists_every_hand_over_with_its_outcome(world, frozen_now):
    dossier = settled_late(world, frozen_now)
    from motcua.dossiers.control_sheet import control_sheet

    sheet = control_sheet(dossier)
    assert len(sheet.rows) >= 6
    text = pdf_text(render(dossier, "mau-05"))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert dossier.code in text
    for row in sheet.rows:
        at = local(row.at)
        assert f"{at:%H} giờ {at:%M} phút, ngày {at:%d/%m/%Y}" in text
        assert f"Giao: {row.giver}" in text
        assert f"Nhận: {row.receiver}" in text
    assert "Quá hạn" in text  # the specialist proposed ten days later
    assert "Trước hạn" in text or "Đúng hạn" in text


def test_stop_notice_prints_the_reason(world, frozen_now):
    dossier = dossier_in("stopped", world=world)
    assert "thong-bao-dung" in slugs(dossier)
    text = pdf_text(render(dossier, "thong-bao-dung"))
    assert "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert dossier.code in text and dossier.applicant_name in text
    assert "Hồ sơ không đủ điều kiện giải quyết" in text


@pytest.mark.parametrize(("status", "channel", "expected"), [
    ("submitted", Channel.ONLINE, []),
    ("completion_requested", Channel.ONLINE, ["mau-02"]),
    ("refused", Channel.ONLINE, ["mau-03"]),
    ("received", Channel.DIRECT, ["mau-01", "mau-05"]),
    ("processing", Channel.DIRECT, ["mau-01", "mau-05"]),
    ("supplement_requested", Channel.DIRECT, ["mau-01", "mau-02", "mau-05"]),
    ("returned", Channel.DIRECT, ["mau-01", "mau-05"]),
    ("stopped", Channel.DIRECT, ["mau-01", "mau-05", "thong-bao-dung"]),
])
def test_forms_available_follow_the_history(world, status, channel, expected):
    assert slugs(dossier_in(status, world=world, channel=channel)) == expected


def test_a_draft_has_no_forms(world):
    assert forms_available(dossier_in("draft", world=world)) == []


def test_mau_05_of_a_received_dossier_has_the_receipt_row(world, frozen_now):
    dossier = dossier_in("received", world=world, channel=Channel.POSTAL)
    text = pdf_text(render(dossier, "mau-05"))
    assert f"Nhận: {world.desk_officer}" in text
    assert "bưu chính" in text  # the postal footnote


def test_the_qr_code_links_to_the_public_look_up(world, frozen_now):
    dossier = dossier_in("received", world=world)
    _spec, context = form_context(dossier, "mau-01")
    header = context["header"]
    assert header.lookup_url == (
        f"https://dichvucong.example.gov.vn/tra-cuu/?ma={dossier.code}")
    assert header.qr.startswith("data:image/svg+xml")
    # Printed beside the code for those who type it (a long line wraps anywhere).
    assert header.lookup_url in "".join(pdf_text(render(dossier, "mau-01")).split())


def test_unknown_slug_and_missing_history_give_none(world):
    dossier = dossier_in("received", world=world)
    assert form_context(dossier, "mau-99") is None
    assert form_context(dossier, "mau-04") is None
    assert form_context(dossier, "thong-bao-dung") is None


def test_time_shift_prints_vietnam_time(world, frozen_now, settings):
    # Whatever the display time zone, forms print Vietnam's wall clock.
    settings.TIME_ZONE = "UTC"
    frozen_now.shift(timedelta(hours=5))  # 14:00 in Vietnam
    dossier = dossier_in("received", world=world)
    assert "14 giờ 00 phút, ngày 26/11/2026" in pdf_text(render(dossier, "mau-01"))

"""Every action of the dossier page, posted as the page's form sends it, through the services;
validation messages; a stale page; an action the role lacks (shown nowhere, refused if forged)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.models import DossierResult
from motcua.dossiers.services import processing
from motcua.dossiers.statuses import Action, Status
from motcua.processing.actions import actions_for
from tests.dossiers.processing_support import agency_create, everything, procedure_with
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in, vn
from tests.portal.markup import find_all, parse
from tests.processing.support import page_url, post_action, reread

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"


def forms_on_page(client, dossier) -> set[str]:
    elements = parse(client.get(page_url(dossier)).content.decode())
    prefix = page_url(dossier)
    return {e.attrs["action"][len(prefix):].strip("/") for e in find_all(elements, "form")
            if e.attrs.get("action", "").startswith(prefix)}


def forwarded(world, procedure=None):
    received = dossier_in(Status.RECEIVED, world=world, procedure=procedure)
    return processing.dossier_forward(dossier=received, actor=world.desk_officer)


# --- what each role sees -------------------------------------------------------------------


def test_a_specialist_sees_the_processing_actions_and_no_approval(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    shown = forms_on_page(as_user(world.specialist), dossier)

    assert shown == {"propose_result", "request_supplement", "request_obligation"}


def test_a_specialist_sees_no_approve_button_when_awaiting_approval(as_user, world):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)

    html = as_user(world.specialist).get(page_url(dossier)).content.decode()

    assert "approve" not in forms_on_page(as_user(world.specialist), dossier)
    assert "Phê duyệt kết quả</button>" not in html


def test_a_leader_sees_approval_send_back_stop_and_apology(as_user, world):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)

    shown = forms_on_page(as_user(world.leader), dossier)

    assert shown == {"approve", "send_back", "reschedule", "stop"}


def test_another_specialist_of_the_unit_cannot_act_on_an_assigned_dossier(world):
    dossier = dossier_in(Status.PROCESSING, world=world)
    colleague = StaffFactory(specialist=True, unit=world.unit)

    assert actions_for(colleague, dossier) == []


# --- each action through the page ----------------------------------------------------------


def test_a_leader_assigns_a_forwarded_dossier(as_user, world):
    dossier = forwarded(world)

    response = post_action(as_user(world.leader), dossier, "assign", handler=world.specialist.pk)

    assert response.status_code == 302
    assert reread(dossier).handler == world.specialist
    follow = as_user(world.leader).get(response.url).content.decode()
    assert "Đã thực hiện: Phân công xử lý." in follow


def test_assigning_without_choosing_says_so_next_to_the_field(as_user, world):
    dossier = forwarded(world)

    response = post_action(as_user(world.leader), dossier, "assign", handler="")

    assert response.status_code == 422
    html = response.content.decode()
    assert "Vui lòng chọn chuyên viên xử lý." in html
    assert 'aria-invalid="true"' in html and 'href="#id_assign-handler"' in html
    assert reread(dossier).handler is None


def test_a_specialist_hands_over_to_the_next_specialist_step(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world,
                         procedure=procedure_with("two_specialists"))
    colleague = StaffFactory(specialist=True, unit=world.unit)

    response = post_action(as_user(world.specialist), dossier, "hand_over",
                           handler=colleague.pk, note="Đã thẩm định xong")

    assert response.status_code == 302
    after = reread(dossier)
    assert after.handler == colleague
    assert after.current_step.name == "Kiểm tra, hoàn thiện dự thảo"


def test_liên_thông_there_and_back(as_user, world, lien_thong_procedure):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=lien_thong_procedure)
    agency = agency_create()

    sent = post_action(as_user(world.specialist), dossier, "send_to_agency",
                       agency=agency.unit.pk)
    assert sent.status_code == 302
    dossier = reread(dossier)
    assert dossier.current_unit == agency.unit
    assert forms_on_page(as_user(agency.officer), dossier) >= {"agency_return"}

    back = post_action(as_user(agency.officer), dossier, "agency_return")

    assert back.status_code == 302
    assert reread(dossier).current_unit == world.unit


def test_the_competent_unit_itself_is_not_a_cooperating_agency(
        as_user, world, lien_thong_procedure):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=lien_thong_procedure)

    response = post_action(as_user(world.specialist), dossier, "send_to_agency",
                           agency=world.unit.pk)

    assert response.status_code == 422
    assert "Vui lòng chọn cơ quan phối hợp." in response.content.decode()
    assert reread(dossier).current_unit == world.unit


def test_a_supplement_request_lists_the_items(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    response = post_action(as_user(world.specialist), dossier, "request_supplement",
                           reason="Bản sao mờ", items="Bản sao CCCD\n\nGiấy khai sinh\n")

    assert response.status_code == 302
    assert reread(dossier).status == Status.SUPPLEMENT_REQUESTED
    event = reread(dossier).events.get(action=Action.REQUEST_SUPPLEMENT)
    assert event.data["items"] == ["Bản sao CCCD", "Giấy khai sinh"]


def test_a_supplement_request_needs_a_reason_and_items(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    response = post_action(as_user(world.specialist), dossier, "request_supplement",
                           reason=" ", items="  \n ")

    assert response.status_code == 422
    html = response.content.decode()
    assert "Vui lòng nêu rõ lý do." in html
    assert "Vui lòng liệt kê các nội dung cần bổ sung" in html
    assert 'value="' in html and "<details" in html and " open>" in html
    assert reread(dossier).status == Status.PROCESSING


def test_a_financial_obligation_takes_an_amount_written_with_dots(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    response = post_action(as_user(world.specialist), dossier, "request_obligation",
                           reason="Lệ phí trước bạ", amount="1.500.000")

    assert response.status_code == 302
    event = reread(dossier).events.get(action=Action.REQUEST_OBLIGATION)
    assert event.data["amount"] == 1_500_000


def test_an_amount_that_is_not_a_number_is_refused_and_re_displayed(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    response = post_action(as_user(world.specialist), dossier, "request_obligation",
                           reason="Lệ phí", amount="năm trăm")

    assert response.status_code == 422
    html = response.content.decode()
    assert "Nhập số tiền là số nguyên dương (đồng)." in html
    assert 'value="năm trăm"' in html


def test_a_specialist_proposes_and_a_leader_approves_with_the_signed_file(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)
    assert post_action(as_user(world.specialist), dossier, "propose_result").status_code == 302
    dossier = reread(dossier)
    client = as_user(world.leader)

    response = client.post(f"{page_url(dossier)}approve/", {
        "approve-expected_version": dossier.version, "approve-name": "Giấy chứng nhận",
        "approve-number": "12/GCN", "approve-signer": "Nguyễn Văn Lãnh",
        "approve-signed_on": "26/11/2026",
        "approve-file": SimpleUploadedFile("ket-qua.pdf", PDF),
    })

    assert response.status_code == 302
    assert reread(dossier).status == Status.RESULT_READY
    result = DossierResult.objects.get(dossier=dossier)
    assert (result.number, result.signed_on) == ("12/GCN", date(2026, 11, 26))
    assert result.file.name == "ket-qua.pdf"


def test_approval_needs_the_result_name_and_a_real_date(as_user, world):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)

    response = post_action(as_user(world.leader), dossier, "approve", name="",
                           signed_on="31/02/2026")

    assert response.status_code == 422
    html = response.content.decode()
    assert "Vui lòng nhập tên văn bản kết quả." in html
    assert "Nhập ngày theo dạng ngày/tháng/năm" in html
    assert reread(dossier).status == Status.AWAITING_APPROVAL


def test_a_file_that_is_not_a_pdf_or_image_leaves_nothing_behind(as_user, world, unchanged):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)
    client = as_user(world.leader)

    with unchanged(dossier):
        response = client.post(f"{page_url(dossier)}approve/", {
            "approve-expected_version": dossier.version, "approve-name": "Giấy chứng nhận",
            "approve-file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf"),
        })

    assert response.status_code == 422
    assert "Chỉ nhận tệp PDF, JPEG hoặc PNG" in response.content.decode()


def test_a_leader_sends_a_proposal_back_with_a_reason(as_user, world):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)

    response = post_action(as_user(world.leader), dossier, "send_back",
                           reason="Cần xác minh thêm")

    assert response.status_code == 302
    after = reread(dossier)
    assert after.status == Status.PROCESSING and after.handler == world.specialist


def test_a_leader_accepts_a_withdrawal(as_user, world):
    dossier = dossier_in(Status.WITHDRAWAL_REQUESTED, world=world)

    response = post_action(as_user(world.leader), dossier, "accept_withdrawal")

    assert response.status_code == 302
    assert reread(dossier).status == Status.STOPPED


def test_a_leader_stops_processing_and_the_notice_is_linked(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    response = post_action(as_user(world.leader), dossier, "stop", reason="Không đủ điều kiện")

    assert response.status_code == 302
    assert reread(dossier).status == Status.STOPPED
    html = as_user(world.leader).get(page_url(dossier)).content.decode()
    assert f"/van-ban/{dossier.code}/thong-bao-dung.pdf" in html
    assert "Lý do: Không đủ điều kiện" in html


def test_a_leader_apologises_with_a_new_appointment(as_user, world, travel):
    travel(vn(2026, 3, 9, 9))
    dossier = dossier_in(Status.PROCESSING, world=world)

    response = post_action(as_user(world.leader), dossier, "reschedule",
                           reason="Cần xác minh tại thực địa", new_date="20/03/2026",
                           new_time="")

    assert response.status_code == 302
    after = reread(dossier)
    assert after.appointment_at == vn(2026, 3, 20, 17)
    assert after.due_at == dossier.due_at  # the legal due instant does not move
    html = as_user(world.leader).get(page_url(dossier)).content.decode()
    assert f"/van-ban/{dossier.code}/mau-04.pdf" in html
    assert "Ngày hẹn mới: 17:00 20/03/2026" in html


def test_a_new_appointment_before_the_current_one_is_refused(as_user, world, travel):
    travel(vn(2026, 3, 9, 9))
    dossier = dossier_in(Status.PROCESSING, world=world)

    response = post_action(as_user(world.leader), dossier, "reschedule",
                           reason="Chậm", new_date="10/03/2026")

    assert response.status_code == 422
    assert "Ngày hẹn mới phải sau ngày hẹn hiện tại" in response.content.decode()
    assert reread(dossier).appointment_at == dossier.appointment_at


# --- stale pages and forged requests -------------------------------------------------------


def test_a_stale_page_overwrites_nothing_and_says_to_reload(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)
    page_version = dossier.version
    processing.dossier_request_obligation(dossier=dossier, actor=world.specialist,
                                          reason="Lệ phí", amount=10_000)
    before = everything(dossier)

    response = post_action(as_user(world.specialist), dossier, "propose_result",
                           version=page_version)

    assert response.status_code == 409
    assert "Hồ sơ đã được người khác cập nhật, vui lòng tải lại trang" in \
        response.content.decode()
    assert everything(dossier) == before


def test_a_specialist_forging_an_approval_is_refused(as_user, world):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)
    before = everything(dossier)

    response = post_action(as_user(world.specialist), dossier, "approve",
                           name="Giấy chứng nhận giả")

    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện thao tác này" in response.content.decode()
    assert everything(dossier) == before
    assert reread(dossier).status == Status.AWAITING_APPROVAL


def test_an_action_the_status_does_not_allow_is_refused_with_the_reason(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)
    before = everything(dossier)

    response = post_action(as_user(world.leader), dossier, "approve", name="Giấy chứng nhận")

    assert response.status_code == 403
    assert "không thể thực hiện" in response.content.decode()
    assert everything(dossier) == before


def test_an_unknown_action_is_not_found(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    assert post_action(as_user(world.leader), dossier, "delete").status_code == 404


def test_another_units_officer_cannot_post_either(as_user, world, other_commune):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)
    stranger = StaffFactory(leader=True, unit=other_commune)

    response = post_action(as_user(stranger), dossier, "approve", name="Giấy chứng nhận")

    assert response.status_code == 404
    assert reread(dossier).status == Status.AWAITING_APPROVAL

"""What a citizen does on their dossier's page: answer a supplement request with files (the
clock resumes), answer the desk's request to complete (Mẫu 02), withdraw, cancel — and a page
left open while someone else acted overwrites nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.models import Dossier, DossierFile
from motcua.dossiers.services import processing
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import vn
from tests.portal.markup import find_all, parse
from tests.portal.my_dossiers_support import mine, pdf


def _version_on(page_html: str) -> int:
    (field,) = find_all(parse(page_html), "input", name="version")
    return int(field.attrs["value"])


def test_a_supplement_with_files_resumes_the_clock(citizen_client, world, procedure, travel):
    # Received Monday 09/03/2026 08:00; 5 working days → due Monday 16/03 08:00.
    dossier = mine(Status.PROCESSING, world, procedure)
    assert dossier.due_at == vn(2026, 3, 16, 8)
    # Paused Tuesday 10:00 and answered Thursday 10:00: 16 working hours (two working days)
    # spent by the citizen, not by the agency, so the due instant moves by two working days.
    travel(vn(2026, 3, 10, 10))
    processing.dossier_request_supplement(dossier=dossier, actor=world.specialist,
                                          reason="Bản sao chưa chứng thực",
                                          items=["Bản sao CCCD có chứng thực"])
    travel(vn(2026, 3, 12, 10))
    form = citizen_client.get(f"/ho-so/{dossier.code}/bo-sung/").content.decode()
    assert "Bản sao chưa chứng thực" in form and "Bản sao CCCD có chứng thực" in form

    response = citizen_client.post(
        f"/ho-so/{dossier.code}/bo-sung/",
        {"version": _version_on(form), "note": "Gửi bản có chứng thực",
         "files": [pdf("cccd.pdf"), pdf("cccd-mat-sau.pdf")]},
        follow=True,
    )

    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.paused_at is None
    assert dossier.due_at == vn(2026, 3, 18, 8)
    assert dossier.appointment_at == vn(2026, 3, 18, 8)
    assert sorted(dossier.files.filter(purpose=DossierFile.Purpose.SUPPLEMENT)
                  .values_list("name", flat=True)) == ["cccd-mat-sau.pdf", "cccd.pdf"]
    html = response.content.decode()
    assert response.redirect_chain == [(f"/ho-so/{dossier.code}/", 302)]
    assert ("Đã nhận hồ sơ bổ sung. Thời hạn giải quyết tiếp tục; ngày hẹn trả kết quả mới: "
            "08:00 18/03/2026.") in html
    assert "Bạn đã bổ sung hồ sơ." in html
    assert "cccd-mat-sau.pdf" in html


def test_a_file_that_is_not_a_document_is_refused_and_nothing_changes(citizen_client, world,
                                                                       procedure):
    dossier = mine(Status.SUPPLEMENT_REQUESTED, world, procedure)
    fake = SimpleUploadedFile("giay-to.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")

    response = citizen_client.post(f"/ho-so/{dossier.code}/bo-sung/",
                                   {"version": dossier.version, "files": [fake]})

    assert response.status_code == 422
    html = response.content.decode()
    assert "Chỉ nhận tệp PDF, JPEG hoặc PNG" in html
    (field,) = find_all(parse(html), "input", name="files")
    assert field.attrs["aria-invalid"] == "true"
    assert Dossier.objects.get(pk=dossier.pk).status == Status.SUPPLEMENT_REQUESTED
    assert not DossierFile.objects.filter(dossier=dossier).exists()


def test_a_supplement_needs_a_file(citizen_client, world, procedure):
    dossier = mine(Status.SUPPLEMENT_REQUESTED, world, procedure)

    response = citizen_client.post(f"/ho-so/{dossier.code}/bo-sung/",
                                   {"version": dossier.version, "note": "Đã gửi"})

    assert response.status_code == 422
    assert "Vui lòng chọn ít nhất một tệp" in response.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == Status.SUPPLEMENT_REQUESTED


def test_a_stale_supplement_page_overwrites_nothing(citizen_client, world, procedure):
    dossier = mine(Status.SUPPLEMENT_REQUESTED, world, procedure)
    shown = dossier.version
    # Meanwhile the citizen brought the papers to the counter.
    processing.dossier_supplement(dossier=dossier, actor=world.desk_officer)

    response = citizen_client.post(f"/ho-so/{dossier.code}/bo-sung/",
                                   {"version": shown, "files": [pdf()]})

    assert response.status_code == 409
    html = response.content.decode()
    assert "Hồ sơ vừa được cập nhật" in html
    assert "Hồ sơ đã được người khác xử lý trong lúc bạn thao tác" in html
    assert not DossierFile.objects.filter(dossier=dossier).exists()


def test_nothing_to_supplement_sends_back_to_the_dossier(citizen_client, world, procedure):
    dossier = mine(Status.PROCESSING, world, procedure)

    response = citizen_client.get(f"/ho-so/{dossier.code}/bo-sung/", follow=True)

    assert response.redirect_chain == [(f"/ho-so/{dossier.code}/", 302)]
    assert "Hồ sơ hiện không cần bổ sung." in response.content.decode()


def test_a_completion_request_is_answered_and_submitted_again(citizen_client, world, procedure):
    dossier = mine(Status.COMPLETION_REQUESTED, world, procedure)
    page = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    assert "Yêu cầu hoàn thiện hồ sơ (Mẫu 02)" in page
    assert "Bản sao giấy chứng nhận kết hôn" in page

    response = citizen_client.post(f"/ho-so/{dossier.code}/bo-sung/",
                                   {"version": dossier.version, "files": [pdf("ket-hon.pdf")]},
                                   follow=True)

    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert dossier.files.get().purpose == DossierFile.Purpose.SUBMISSION
    assert "Đã nộp lại hồ sơ đã hoàn thiện" in response.content.decode()


def test_withdrawal_needs_a_reason_and_a_confirmation(citizen_client, world, procedure):
    dossier = mine(Status.PROCESSING, world, procedure)
    url = f"/ho-so/{dossier.code}/rut/"
    assert f'href="{url}"' in citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()

    missing = citizen_client.post(url, {"version": dossier.version, "reason": "  "})
    assert missing.status_code == 422
    assert "Vui lòng nêu lý do rút hồ sơ." in missing.content.decode()

    confirm = citizen_client.post(url, {"version": dossier.version,
                                        "reason": "Đã chuyển nơi cư trú"})
    assert "Bạn có chắc muốn rút hồ sơ này?" in confirm.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == Status.PROCESSING

    done = citizen_client.post(url, {"version": dossier.version, "reason": "Đã chuyển nơi cư trú",
                                     "confirm": "1"}, follow=True)

    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWAL_REQUESTED
    html = done.content.decode()
    assert "Đã gửi yêu cầu rút hồ sơ." in html
    assert "Lý do: Đã chuyển nơi cư trú." in html


def test_a_stale_withdrawal_says_so(citizen_client, world, procedure):
    dossier = mine(Status.PROCESSING, world, procedure)
    shown = dossier.version
    processing.dossier_propose_result(dossier=dossier, actor=world.specialist)

    response = citizen_client.post(f"/ho-so/{dossier.code}/rut/",
                                   {"version": shown, "reason": "Không cần nữa", "confirm": "1"})

    assert response.status_code == 409
    assert "Hồ sơ vừa được cập nhật" in response.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == Status.AWAITING_APPROVAL


def test_a_finished_dossier_cannot_be_withdrawn(citizen_client, world, procedure):
    dossier = mine(Status.RETURNED, world, procedure)

    page = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    response = citizen_client.get(f"/ho-so/{dossier.code}/rut/", follow=True)

    assert "/rut/" not in page
    assert "Hồ sơ ở trạng thái hiện tại không thể rút." in response.content.decode()


def test_an_unaccepted_online_dossier_can_be_cancelled(citizen_client, world, procedure):
    dossier = mine(Status.SUBMITTED, world, procedure)
    page = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    assert f'href="/ho-so/{dossier.code}/huy/"' in page

    response = citizen_client.post(f"/ho-so/{dossier.code}/huy/",
                                   {"version": dossier.version}, follow=True)

    dossier.refresh_from_db()
    assert dossier.status == Status.STOPPED
    assert "Đã hủy hồ sơ." in response.content.decode()


def test_an_accepted_dossier_offers_no_cancel(citizen_client, world, procedure):
    dossier = mine(Status.RECEIVED, world, procedure)

    page = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    refused = citizen_client.post(f"/ho-so/{dossier.code}/huy/", {"version": dossier.version})

    assert "/huy/" not in page
    assert refused.status_code == 409
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED

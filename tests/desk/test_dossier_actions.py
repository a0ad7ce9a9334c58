"""A dossier's page at the desk and its actions: accept (receipt), ask to complete (Mẫu 02),
refuse (Mẫu 03), forward; stale pages overwrite nothing."""

from django.urls import reverse

from motcua.dossiers.models import DossierEvent
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Action, Status
from tests.factories.dossiers import dossier_in


def _post(client, name, dossier, data):
    return client.post(reverse(name, args=[dossier.code]), data)


def _reload(dossier):
    return type(dossier).objects.get(pk=dossier.pk)


def test_the_page_shows_applicant_procedure_and_the_checklist(desk, world, five_day_procedure):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    html = desk.get(reverse("desk:dossier", args=[dossier.code])).content.decode()
    assert world.citizen.full_name in html and world.citizen.cccd in html
    assert five_day_procedure.current_version.name in html
    assert "Tờ khai (theo mẫu)" in html
    assert "Chưa có" in html  # nothing uploaded for the required component: words, not colour
    for label in ("Tiếp nhận hồ sơ", "Yêu cầu hoàn thiện hồ sơ (Mẫu 02)",
                  "Từ chối tiếp nhận (Mẫu 03)"):
        assert label in html


def test_accepting_receives_the_dossier_and_offers_the_receipt(desk, world):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    response = _post(desk, "desk:accept", dossier, {"accept-expected_version": dossier.version})
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:dossier", args=[dossier.code])
    assert _reload(dossier).status == Status.RECEIVED
    page = desk.get(response["Location"]).content.decode()
    assert f"Đã tiếp nhận hồ sơ {dossier.code}" in page
    assert f'href="/van-ban/{dossier.code}/mau-01.pdf"' in page
    assert "In giấy tiếp nhận (Mẫu 01)" in page


def test_asking_to_complete_needs_a_reason_and_items(desk, world, unchanged):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(dossier):
        response = _post(desk, "desk:request-completion", dossier, {
            "completion-expected_version": dossier.version, "completion-reason": "",
            "completion-items": "  \n ",
        })
    assert response.status_code == 422
    html = response.content.decode()
    assert "Vui lòng nhập thông tin này." in html  # the reason
    assert "Liệt kê ít nhất một giấy tờ, nội dung cần bổ sung" in html
    assert 'aria-invalid="true"' in html and 'href="#id_completion-reason"' in html


def test_asking_to_complete_records_mau_02(desk, world):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    response = _post(desk, "desk:request-completion", dossier, {
        "completion-expected_version": dossier.version,
        "completion-reason": "Thiếu giấy tờ", "completion-items": "Bản sao CCCD\n- Tờ khai ký tên",
    })
    assert response.status_code == 302
    assert _reload(dossier).status == Status.COMPLETION_REQUESTED
    event = DossierEvent.objects.get(dossier=dossier, action=Action.REQUEST_COMPLETION)
    assert event.data["items"] == ["Bản sao CCCD", "Tờ khai ký tên"]


def test_refusing_needs_a_reason_then_records_mau_03(desk, world):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    response = _post(desk, "desk:refuse", dossier, {"refuse-expected_version": dossier.version,
                                                    "refuse-reason": " "})
    assert response.status_code == 422
    assert "Vui lòng nêu rõ lý do từ chối." in response.content.decode()
    assert _reload(dossier).status == Status.SUBMITTED
    response = _post(desk, "desk:refuse", dossier, {"refuse-expected_version": dossier.version,
                                                    "refuse-reason": "Không thuộc thẩm quyền"})
    assert response.status_code == 302
    assert _reload(dossier).status == Status.REFUSED


def test_forwarding_hands_the_dossier_to_the_competent_unit(desk, world):
    dossier = dossier_in(Status.RECEIVED, world=world)
    html = desk.get(reverse("desk:dossier", args=[dossier.code])).content.decode()
    assert "Chuyển xử lý đến" in html
    response = _post(desk, "desk:forward", dossier, {"forward-expected_version": dossier.version})
    assert response.status_code == 302
    assert _reload(dossier).status == Status.PROCESSING


def test_a_stale_page_overwrites_nothing_and_says_so(desk, world, unchanged):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    shown = dossier.version
    intake.dossier_request_completion(dossier=dossier, actor=world.desk_officer,
                                      reason="Thiếu", items=["Tờ khai"])
    intake.dossier_resubmit(dossier=_reload(dossier), actor=world.citizen)
    dossier = _reload(dossier)
    with unchanged(dossier):
        response = _post(desk, "desk:accept", dossier, {"accept-expected_version": shown})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Hồ sơ đã được người khác cập nhật" in html
    assert f'name="accept-expected_version" value="{dossier.version}"' in html


def test_an_action_the_status_does_not_allow_shows_the_services_message(desk, world):
    dossier = dossier_in(Status.RECEIVED, world=world)
    response = _post(desk, "desk:accept", dossier, {"accept-expected_version": dossier.version})
    assert response.status_code == 422
    assert "không thể thực hiện" in response.content.decode()
    assert _reload(dossier).status == Status.RECEIVED


def test_uploaded_files_link_to_the_checked_file_view(desk, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from motcua.dossiers.files import dossier_file_attach

    dossier = dossier_in(Status.DRAFT, world=world)
    component = dossier.components.first()
    pdf = SimpleUploadedFile("to-khai.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    stored = dossier_file_attach(dossier=dossier, actor=world.citizen, upload=pdf,
                                 purpose="submission", component=component)
    dossier = intake.dossier_submit(dossier=_reload(dossier), actor=world.citizen)
    html = desk.get(reverse("desk:dossier", args=[dossier.code])).content.decode()
    url = reverse("dossiers:file", args=[dossier.code, stored.pk])
    assert f'href="{url}"' in html
    assert desk.get(url).status_code == 200

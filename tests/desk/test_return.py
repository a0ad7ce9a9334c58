"""Returning results: find the dossier by code or by the receipt's QR look-up URL, record who
collected it, print the acknowledgement."""

from django.urls import reverse

from motcua.dossiers.models import DossierEvent
from motcua.dossiers.statuses import Action, Status
from tests.factories.dossiers import dossier_in

RETURN = reverse("desk:return")


def test_the_dossier_is_found_by_code_or_by_the_pasted_lookup_url(desk, world):
    dossier = dossier_in(Status.RESULT_READY, world=world)
    by_code = desk.get(RETURN, {"ma": f"  {dossier.code} "}).content.decode()
    url = f"https://dichvucong.example/tra-cuu/?ma={dossier.code}"
    by_url = desk.get(RETURN, {"ma": url}).content.decode()
    for html in (by_code, by_url):
        assert "Xác nhận đã trả kết quả" in html and "01/GCN" in html


def test_another_communes_dossier_is_not_found(other_desk, world):
    dossier = dossier_in(Status.RESULT_READY, world=world)
    response = other_desk.get(RETURN, {"ma": dossier.code})
    assert response.status_code == 404
    assert "Không tìm thấy hồ sơ có mã" in response.content.decode()


def test_a_dossier_without_a_result_cannot_be_returned(desk, world):
    dossier = dossier_in(Status.PROCESSING, world=world)
    html = desk.get(RETURN, {"ma": dossier.code}).content.decode()
    assert "chưa có kết quả để trả" in html and "Xác nhận đã trả kết quả" not in html


def test_the_collector_is_required_at_the_desk(desk, world, unchanged):
    dossier = dossier_in(Status.RESULT_READY, world=world)
    with unchanged(dossier):
        response = desk.post(RETURN, {"ma": dossier.code, "expected_version": dossier.version,
                                      "collector_name": "", "collector_id": "12",
                                      "authorised": "on"})
    assert response.status_code == 422
    html = response.content.decode()
    assert ('<p class="field-error" id="id_collector_name-error">Vui lòng nhập thông tin này.'
            in html)
    assert "Số giấy tờ gồm 6 đến 20 chữ số hoặc chữ cái." in html
    assert '<p class="field-error" id="id_authorisation-error">' in html


def test_returning_records_the_collector_and_prints_the_acknowledgement(desk, world):
    dossier = dossier_in(Status.RESULT_READY, world=world)
    response = desk.post(RETURN, {
        "ma": dossier.code, "expected_version": dossier.version,
        "collector_name": "Trần Văn Nhận", "collector_id": "099111222333",
        "authorised": "on", "authorisation": "Giấy ủy quyền số 12 ngày 05/03/2026",
    })
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:acknowledgement", args=[dossier.code])
    event = DossierEvent.objects.get(dossier=dossier, action=Action.RETURN_RESULT)
    collected = event.data["delivery"]["collected_by"]
    assert "Trần Văn Nhận" in collected and "099111222333" in collected
    assert "Giấy ủy quyền số 12" in collected
    html = desk.get(response["Location"]).content.decode()
    assert "PHIẾU BIÊN NHẬN TRẢ KẾT QUẢ" in html and dossier.code in html
    assert "Trần Văn Nhận" in html and "01/GCN" in html


def test_a_stale_return_overwrites_nothing(desk, world, unchanged):
    dossier = dossier_in(Status.RESULT_READY, world=world)
    with unchanged(dossier):
        response = desk.post(RETURN, {"ma": dossier.code,
                                      "expected_version": dossier.version - 1,
                                      "collector_name": "Trần Văn Nhận",
                                      "collector_id": "099111222333"}, follow=True)
    assert "Hồ sơ đã được người khác cập nhật" in response.content.decode()

"""The timeline and the "where it stands" sentence, in plain Vietnamese, for the key states."""

from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import Delivery
from motcua.dossiers.services import intake, processing
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import components_for, vn
from tests.portal.markup import find_all, parse, text_of
from tests.portal.my_dossiers_support import mine


def _page(client, dossier) -> tuple[str, list[str]]:
    """(the standing sentence block, the timeline entries newest first)."""
    elements = parse(client.get(f"/ho-so/{dossier.code}/").content.decode())
    (standing,) = find_all(elements, "section", **{"aria-labelledby": "standing-title"})
    entries = [text_of(e) for e in elements if e.tag == "li"
               and "my-timeline__entry" in e.attrs.get("class", "")]
    return text_of(standing), entries


def test_submitted_online_waits_for_the_desk(citizen_client, world, procedure, travel):
    dossier = mine(Status.SUBMITTED, world, procedure)

    standing, entries = _page(citizen_client, dossier)

    assert "Đã nộp, đang chờ cán bộ tiếp nhận" in standing
    assert "Hồ sơ đang chờ UBND xã Thử Nghiệm Một Cửa tiếp nhận." in standing
    # The desk has 8 working hours: Monday 08:00–11:30 and 13:00–17:00 (7.5 h), then Tuesday
    # 07:30–08:00.
    assert entries == ["08:00 09/03/2026 Bạn đã nộp hồ sơ trực tuyến lúc 08:00 09/03/2026. "
                       "Bộ phận Một cửa sẽ xem xét tiếp nhận trước 08:00 10/03/2026."]


def test_accepted_then_processing_tells_where_and_when(citizen_client, world, procedure, travel):
    dossier = mine(Status.PROCESSING, world, procedure)

    standing, entries = _page(citizen_client, dossier)

    assert ("Hồ sơ đang được giải quyết tại UBND xã Thử Nghiệm Một Cửa, bước “Thẩm định hồ "
            "sơ”.") in standing
    assert "Ngày hẹn trả kết quả: 08:00 16/03/2026" in standing
    assert ("UBND xã Thử Nghiệm Một Cửa đã tiếp nhận hồ sơ lúc 08:00 09/03/2026. Ngày hẹn trả "
            "kết quả: 08:00 16/03/2026.") in entries[-2]
    assert "Hồ sơ được chuyển đến UBND xã Thử Nghiệm Một Cửa để giải quyết." in entries[0]
    # Assignments name officers: not the citizen's business.
    assert not any(str(world.specialist) in entry for entry in entries)


def test_a_supplement_request_pauses_the_clock_in_plain_words(citizen_client, world, procedure,
                                                               travel):
    dossier = mine(Status.PROCESSING, world, procedure)
    travel(vn(2026, 3, 10, 10))
    processing.dossier_request_supplement(dossier=dossier, actor=world.specialist,
                                          reason="Ảnh chụp mờ", items=["Ảnh CCCD rõ nét"])

    standing, entries = _page(citizen_client, dossier)

    assert "Cần bổ sung giấy tờ" in standing
    assert ("Thời hạn giải quyết đang tạm dừng từ 10:00 10/03/2026, chờ bạn bổ sung hồ sơ."
            in standing)
    assert "thời gian tạm dừng không tính vào thời hạn" in standing
    assert entries[0] == ("10:00 10/03/2026 UBND xã Thử Nghiệm Một Cửa yêu cầu bổ sung hồ sơ. "
                          "Thời hạn giải quyết tạm dừng từ 10:00 10/03/2026. Lý do: Ảnh chụp mờ. "
                          "Cần bổ sung: Ảnh CCCD rõ nét.")


def test_a_financial_obligation_shows_its_amount(citizen_client, world, procedure):
    dossier = mine(Status.OBLIGATION_REQUESTED, world, procedure)

    html = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()

    assert "Cần thực hiện nghĩa vụ tài chính 500.000 đ." in html
    assert "Nội dung: Nộp lệ phí trước bạ." in html
    assert "Chờ thực hiện nghĩa vụ tài chính" in html


def test_a_refusal_gives_its_reason(citizen_client, world, procedure):
    dossier = mine(Status.REFUSED, world, procedure)

    standing, entries = _page(citizen_client, dossier)

    assert "Hồ sơ không được tiếp nhận." in standing
    assert "Lý do: Không thuộc thẩm quyền giải quyết." in entries[0]


def test_a_result_sent_by_post_shows_the_waybill(client, world, procedure, travel):
    dossier = intake.dossier_receive(
        actor=world.desk_officer, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(),
        components=components_for(procedure), owner=world.citizen, delivery=Delivery.POST,
        delivery_address="Số 1, ấp 2, xã Thử Nghiệm")
    dossier = processing.dossier_forward(dossier=dossier, actor=world.desk_officer)
    dossier = processing.dossier_propose_result(dossier=dossier, actor=world.specialist)
    travel(vn(2026, 3, 11, 9))
    dossier = processing.dossier_approve(dossier=dossier, actor=world.leader,
                                         results=[ResultData(name="Giấy xác nhận")])
    travel(vn(2026, 3, 11, 14))
    processing.dossier_return_result(dossier=dossier, actor=world.desk_officer,
                                     waybill="EA000111222VN")
    client.force_login(world.citizen)

    standing, entries = _page(client, dossier)
    html = client.get(f"/ho-so/{dossier.code}/").content.decode()

    assert "Kết quả đã được trả cho bạn." in standing
    assert entries[0] == ("14:00 11/03/2026 Kết quả đã được gửi cho bạn qua bưu chính lúc 14:00 "
                          "11/03/2026. Mã vận đơn: EA000111222VN.")
    assert "Hồ sơ đã có kết quả giải quyết ngày 11/03/2026." in entries[1]
    assert "Mã vận đơn (kết quả gửi qua bưu chính) EA000111222VN" in text_of(
        find_all(parse(html), "section", **{"aria-labelledby": "summary-title"})[0])
    assert "Nhận qua bưu chính công ích — Số 1, ấp 2, xã Thử Nghiệm" in html

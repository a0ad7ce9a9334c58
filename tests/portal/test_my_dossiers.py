"""/ho-so/ and /ho-so/<code>/: a citizen sees their own dossiers only, in plain Vietnamese,
with what they must do now; the list costs a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.services import intake, processing
from motcua.dossiers.statuses import Channel, Status
from tests.factories.accounts import CitizenFactory
from tests.factories.dossiers import dossier_in, vn
from tests.portal.markup import find_all, parse, text_of
from tests.portal.my_dossiers_support import mine, with_result_file


def _cards(html: str) -> dict[str, str]:
    return {e.attrs["data-code"]: text_of(e) for e in find_all(parse(html), "li")
            if "data-code" in e.attrs}


def test_the_list_shows_only_my_dossiers_with_plain_status_and_dates(citizen_client, world,
                                                                      procedure, travel):
    received = mine(Status.RECEIVED, world, procedure)
    submitted = mine(Status.SUBMITTED, world, procedure)
    someone_elses = dossier_in(Status.SUBMITTED, procedure=procedure)
    at_the_counter = dossier_in(Status.RECEIVED, channel=Channel.DIRECT, procedure=procedure)

    cards = _cards(citizen_client.get("/ho-so/").content.decode())

    assert set(cards) == {received.code, submitted.code}
    assert someone_elses.code not in cards and at_the_counter.code not in cards
    assert "Đã được tiếp nhận" in cards[received.code]
    assert "Ngày tiếp nhận 09/03/2026" in cards[received.code]
    # 5 working days from Monday 09/03 08:00.
    assert "Ngày hẹn trả kết quả 16/03/2026" in cards[received.code]
    assert "Đã nộp, đang chờ cán bộ tiếp nhận" in cards[submitted.code]
    assert "Ngày nộp 09/03/2026" in cards[submitted.code]


def test_badges_say_what_the_citizen_must_do(citizen_client, world, procedure):
    supplement = mine(Status.SUPPLEMENT_REQUESTED, world, procedure)
    returned = mine(Status.RETURNED, world, procedure)
    refused = mine(Status.REFUSED, world, procedure)

    cards = _cards(citizen_client.get("/ho-so/").content.decode())

    assert "Cần bổ sung hồ sơ" in cards[supplement.code]
    # The online levy (10.000 đ) is still unpaid on an open dossier, not on a stopped one.
    assert "Cần nộp phí, lệ phí" in cards[supplement.code]
    assert "Có kết quả — mời bạn đánh giá" in cards[returned.code]
    assert "Không được tiếp nhận" in cards[refused.code]
    assert "Cần" not in cards[refused.code]


def test_drafts_are_listed_apart_with_a_link_to_resume(citizen_client, world, procedure):
    draft = mine(Status.DRAFT, world, procedure)

    elements = parse(citizen_client.get("/ho-so/").content.decode())

    (section,) = find_all(elements, "section", **{"aria-labelledby": "drafts-title"})
    assert "Bản nháp chưa nộp" in text_of(section)
    links = [e.attrs["href"] for e in find_all(elements, "a")]
    assert f"/nop-ho-so/ho-so/{draft.pk}/" in links


def test_an_empty_list_points_to_the_catalog(citizen_client):
    html = citizen_client.get("/ho-so/").content.decode()

    assert "Bạn chưa có hồ sơ nào." in html
    assert 'href="/thu-tuc/"' in html


def test_the_list_costs_the_same_queries_for_two_or_ten_dossiers(citizen_client, world,
                                                                 procedure):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert citizen_client.get("/ho-so/").status_code == 200
        return len(queries)

    mine(Status.RETURNED, world, procedure)
    mine(Status.DRAFT, world, procedure)
    few = count()
    for status in (Status.SUBMITTED, Status.RECEIVED, Status.SUPPLEMENT_REQUESTED,
                   Status.RESULT_READY, Status.STOPPED, Status.DRAFT, Status.REFUSED,
                   Status.COMPLETION_REQUESTED):
        mine(status, world, procedure)

    assert count() == few
    assert few <= 4  # session, user, the dossiers with their flags


@pytest.mark.parametrize("suffix", ["", "bo-sung/", "rut/", "huy/", "danh-gia/"])
def test_another_citizens_dossier_is_not_found(client, world, procedure, suffix):
    dossier = mine(Status.SUPPLEMENT_REQUESTED, world, procedure)
    client.force_login(CitizenFactory())

    assert client.get(f"/ho-so/{dossier.code}/{suffix}").status_code == 404
    assert client.post(f"/ho-so/{dossier.code}/{suffix}", {"version": 1}).status_code == 404


def test_an_unknown_code_is_not_found_either(citizen_client):
    assert citizen_client.get("/ho-so/000.00.00.H99-260101-9999/").status_code == 404


def test_staff_of_the_unit_do_not_see_it_as_their_own(client, world, procedure):
    # The citizen pages are for the owner only; officers use the desk and processing pages.
    dossier = mine(Status.RECEIVED, world, procedure)
    client.force_login(world.desk_officer)

    assert client.get(f"/ho-so/{dossier.code}/").status_code == 404


def test_visitors_are_asked_to_log_in(client, world, procedure):
    dossier = mine(Status.RECEIVED, world, procedure)

    for url in ("/ho-so/", f"/ho-so/{dossier.code}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].endswith(f"?next={url}")


def test_the_page_shows_the_summary(citizen_client, world, procedure):
    dossier = mine(Status.PROCESSING, world, procedure)

    html = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    (summary,) = find_all(parse(html), "section", **{"aria-labelledby": "summary-title"})
    text = text_of(summary)

    assert procedure.current_version.name in text
    assert "Nơi tiếp nhận UBND xã Thử Nghiệm Một Cửa" in text
    assert "Hình thức nộp Trực tuyến" in text
    assert "Nhận kết quả Nhận tại Bộ phận Một cửa" in text


def test_fees_use_the_payments_box_when_that_app_provides_it(citizen_client, world, procedure,
                                                            settings):
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    dossier = mine(Status.PROCESSING, world, procedure)
    html = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()

    try:
        get_template("payments/partials/fee_status.html")
    except TemplateDoesNotExist:
        facts = text_of(find_all(parse(html), "section",
                                 **{"aria-labelledby": "summary-title"})[0])
        assert "Phí, lệ phí phải nộp 10.000 đ" in facts and "Đã nộp 0 đ" in facts
        assert f'href="/thanh-toan/ho-so/{dossier.code}/"' in html
    else:
        assert 'class="fee-status"' in html and "10.000 đ" in html


def test_a_postal_dossier_shows_its_waybill(client, world, procedure):
    dossier = dossier_in(Status.RECEIVED, channel=Channel.POSTAL, procedure=procedure,
                         world=world, owner=world.citizen)
    client.force_login(world.citizen)

    html = client.get(f"/ho-so/{dossier.code}/").content.decode()

    assert "EB123456789VN" in html


def test_submitted_files_link_to_the_shared_file_view(citizen_client, world, procedure):
    from motcua.dossiers.files import dossier_file_attach
    from tests.portal.my_dossiers_support import pdf

    draft = mine(Status.DRAFT, world, procedure)
    row = dossier_file_attach(dossier=draft, actor=world.citizen, upload=pdf("don.pdf"),
                              purpose="submission")
    dossier = intake.dossier_submit(dossier=draft, actor=world.citizen)

    html = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    link = f"/tep/{dossier.code}/{row.pk}/"
    assert f'href="{link}"' in html
    assert citizen_client.get(link).status_code == 200


def test_the_electronic_result_is_downloadable_once_signed(citizen_client, world, procedure):
    dossier = with_result_file(world, procedure)
    result = dossier.results.get()

    html = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    link = f"/tep/{dossier.code}/{result.file_id}/?download=1"

    assert "Kết quả giải quyết" in html
    assert f'href="{link}"' in html
    response = citizen_client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_no_result_link_before_the_result_is_signed(citizen_client, world, procedure):
    from motcua.dossiers.files import dossier_file_attach
    from tests.portal.my_dossiers_support import pdf

    dossier = mine(Status.AWAITING_APPROVAL, world, procedure)
    dossier_file_attach(dossier=dossier, actor=world.leader, upload=pdf("du-thao.pdf"),
                        purpose="result")

    html = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()

    assert "du-thao.pdf" not in html and "Kết quả giải quyết" not in html


def test_an_apology_shows_the_new_appointment_and_the_first_one(citizen_client, world,
                                                                 procedure, travel):
    dossier = mine(Status.PROCESSING, world, procedure)
    first = dossier.appointment_at
    travel(vn(2026, 3, 13, 9))
    processing.dossier_reschedule(dossier=dossier, actor=world.leader,
                                  reason="Chờ xác minh của cơ quan công an",
                                  new_appointment_at=vn(2026, 3, 20, 16))

    html = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    (standing,) = find_all(parse(html), "section", **{"aria-labelledby": "standing-title"})
    text = text_of(standing)

    assert "Ngày hẹn trả kết quả mới (sau thư xin lỗi): 16:00 20/03/2026" in text
    assert f"Ngày hẹn ban đầu: {first.astimezone(vn(2026, 1, 1).tzinfo):%H:%M %d/%m/%Y}" in text
    assert "xin lỗi vì chưa trả kết quả đúng hẹn và hẹn lại ngày trả kết quả: 16:00 " \
           "20/03/2026" in html
    # The legal due instant (statistics) did not move: the dossier still counts late.
    dossier.refresh_from_db()
    assert dossier.due_at == first


def test_the_pages_read_in_english_after_choosing_english(citizen_client, in_english, world,
                                                          procedure):
    dossier = mine(Status.SUPPLEMENT_REQUESTED, world, procedure)

    listing = in_english.get("/ho-so/").content.decode()
    detail = in_english.get(f"/ho-so/{dossier.code}/").content.decode()

    assert "<h1>My dossiers</h1>" in listing and "Supplement needed" in listing
    assert "Documents to supplement" in detail
    assert "asked for a supplement. The processing time is paused since" in detail
    assert "Progress" in detail

"""Submitting once, whatever the clicks; drafts resumed; submitting on someone's behalf; the
review page's cost."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.models import DailySequence, Dossier, DossierFile
from motcua.dossiers.statuses import Status
from tests.submission.conftest import (
    BIRTH,
    applicant_data,
    fill_all_steps,
    fresh,
    start_draft,
    upload,
    url,
)


def test_submitting_twice_makes_one_dossier_and_shows_the_same_confirmation(
    signed_in, birth, communes
):
    draft = fill_all_steps(signed_in, start_draft(signed_in))
    page = {"version": draft.version}

    first = signed_in.post(url(draft, "review"), page)
    second = signed_in.post(url(draft, "review"), page)  # a double click, or back + submit

    dossier = fresh(draft)
    assert Dossier.objects.filter(status=Status.SUBMITTED).count() == 1
    assert first["Location"] == second["Location"] == f"/nop-ho-so/ho-so/{dossier.code}/da-nop/"
    assert DailySequence.objects.get().last == 1  # one code number taken
    assert dossier.events.filter(action="submit").count() == 1


def test_starting_twice_with_the_same_form_makes_one_draft(signed_in, birth, communes):
    page = signed_in.get(f"/nop-ho-so/{BIRTH}/").context["form"]
    data = {"receiving_unit": communes[0].pk, "idempotency_key": page.initial["idempotency_key"]}

    first = signed_in.post(f"/nop-ho-so/{BIRTH}/", data)
    second = signed_in.post(f"/nop-ho-so/{BIRTH}/", data)

    assert Dossier.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_draft_is_resumed_with_its_files_after_signing_in_again(
    client, citizen, birth, communes
):
    # Given a draft with one file uploaded, then the session is lost
    client.force_login(citizen)
    draft = start_draft(client)
    signed = client.post(url(draft, "applicant"), applicant_data(draft))
    assert signed.status_code == 302
    first = draft.components.order_by("pk").first()
    client.post(url(draft, "uploads"), {f"component-{first.pk}": upload("to-khai.pdf")})
    client.logout()
    assert client.get(url(draft, "uploads")).status_code == 302  # to the sign-in page

    # When they sign in again and open "Hồ sơ đang soạn"
    client.force_login(citizen)
    listing = client.get("/nop-ho-so/").content.decode()
    assert "Đăng ký khai sinh" in listing and f"/nop-ho-so/ho-so/{draft.pk}/" in listing

    # Then "Tiếp tục soạn" leads to the first unfinished step and the file is still there
    resumed = client.get(f"/nop-ho-so/ho-so/{draft.pk}/")
    assert resumed["Location"] == url(draft, "content")
    assert "to-khai.pdf" in client.get(url(draft, "uploads")).content.decode()


def test_submitting_on_behalf_needs_the_submitter_and_an_authorisation(
    signed_in, citizen, birth, communes
):
    draft = start_draft(signed_in)
    on_behalf = applicant_data(draft, who="other", name="Trần Văn Ông",
                               id_number="099060000777", phone="", email="",
                               address="Ấp 3, xã Vĩnh Bình", submitter_name="",
                               submitter_id_number="", submitter_phone="")

    refused = signed_in.post(url(draft, "applicant"), on_behalf).content.decode()

    assert "Vui lòng nhập họ và tên người nộp thay." in refused
    assert "Khi nộp thay, vui lòng tải lên văn bản ủy quyền" in refused
    assert fresh(draft).submitter_name == ""

    on_behalf.update(submitter_name="Lê Thị Hoa", submitter_id_number="099190000123",
                     submitter_phone="0912345678", authorisation_note="Giấy ủy quyền số 12",
                     authorisation=upload("uy-quyen.pdf"))
    assert signed_in.post(url(draft, "applicant"), on_behalf).status_code == 302

    saved = fresh(draft)
    assert (saved.applicant_name, saved.submitter_name) == ("Trần Văn Ông", "Lê Thị Hoa")
    assert saved.authorisation_note == "Giấy ủy quyền số 12"
    assert list(saved.files.filter(component=None).values_list("name", flat=True)) == [
        "uy-quyen.pdf"]
    review = signed_in.get(url(saved, "review")).content.decode()
    assert "Người nộp thay" in review and "uy-quyen.pdf" in review


def test_switching_back_to_oneself_drops_the_authorisation(signed_in, birth, communes):
    draft = start_draft(signed_in)
    signed_in.post(url(draft, "applicant"), applicant_data(
        draft, who="other", submitter_name="Lê Thị Hoa", submitter_id_number="099190000123",
        submitter_phone="0912345678", authorisation=upload("uy-quyen.pdf")))

    signed_in.post(url(draft, "applicant"), applicant_data(fresh(draft)))

    assert fresh(draft).submitter_name == ""
    assert not DossierFile.objects.exists()


def test_review_lists_what_is_missing_and_refuses_to_submit(signed_in, birth, communes):
    draft = start_draft(signed_in)

    response = signed_in.post(url(draft, "review"), {"version": draft.version})

    html = response.content.decode()
    assert "Chưa nhập nội dung yêu cầu." in html
    assert "Chưa tải lên: Tờ khai đăng ký khai sinh (theo mẫu)" in html
    assert fresh(draft).status == Status.DRAFT


def test_review_page_costs_a_bounded_number_of_queries(signed_in, birth, communes):
    draft = fill_all_steps(signed_in, start_draft(signed_in))

    with CaptureQueriesContext(connection) as queries:
        response = signed_in.get(url(draft, "review"))

    assert response.status_code == 200
    # Session and user, the draft with its version, parts, components and files, the two
    # calendars (receiving and competent unit); independent of the number of files.
    # 12 for the page, 1 for the header's staff sections (accounts.sections).
    assert len(queries) <= 13, "\n".join(q["sql"][:150] for q in queries)


def test_a_draft_can_be_cancelled(signed_in, birth, communes):
    draft = start_draft(signed_in)

    signed_in.post(f"/nop-ho-so/ho-so/{draft.pk}/huy/")

    assert fresh(draft).status == Status.STOPPED
    assert "Đăng ký khai sinh" not in signed_in.get("/nop-ho-so/").content.decode()
    assert signed_in.get(url(draft, "applicant")).status_code == 410

"""The wizard end to end through Django's test client: start, five steps, confirmation."""

import pytest
from django.shortcuts import resolve_url

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Status
from tests.factories.accounts import CitizenFactory
from tests.factories.catalog import ProcedureFactory
from tests.portal.markup import find_all, parse, text_of
from tests.submission.conftest import (
    BIRTH,
    applicant_data,
    fill_all_steps,
    fresh,
    start_draft,
    upload,
    url,
)


def test_start_page_shows_what_is_needed_and_defaults_to_the_citizens_commune(
    signed_in, birth, communes
):
    response = signed_in.get(f"/nop-ho-so/{BIRTH}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tờ khai đăng ký khai sinh (theo mẫu)" in html
    assert "Trong ngày" in html
    # The citizen lives in xã Vĩnh Bình: that commune is chosen for them, the other offered.
    options = find_all(parse(html), "option")
    chosen = [text_of(o) for o in options if "selected" in o.attrs]
    assert chosen == ["UBND xã Vĩnh Bình"]
    assert "UBND xã Bên Sông" in [text_of(o) for o in options]


def test_citizen_submits_a_birth_registration_and_sees_the_code(
    signed_in, citizen, birth, communes, frozen_now
):
    # Given a draft started at the citizen's commune
    draft = start_draft(signed_in)
    assert draft.status == Status.DRAFT and draft.owner == citizen
    assert draft.receiving_unit == communes[1]
    assert draft.applicant_name == "Lê Thị Hoa"  # pre-filled from the profile

    # When every step is filled in and the review page is submitted
    draft = fill_all_steps(signed_in, draft)
    review = signed_in.get(url(draft, "review"))
    html = review.content.decode()
    assert "8.000 đ" in html  # the copy fee; the levy is free when registered on time
    assert "tính từ khi hồ sơ được tiếp nhận" in html
    assert "09:00 27/11/2026" in html  # 8 working hours for the desk from Thursday 09:00
    response = signed_in.post(url(draft, "review"), {"version": draft.version})

    # Then the dossier is submitted with a code, and the confirmation shows it
    dossier = fresh(draft)
    assert dossier.status == Status.SUBMITTED and dossier.code
    assert response.status_code == 302
    assert response["Location"] == f"/nop-ho-so/ho-so/{dossier.code}/da-nop/"
    done = signed_in.get(response["Location"]).content.decode()
    assert dossier.code in done
    assert "Chờ tiếp nhận" in done
    assert "09:00 27/11/2026" in done
    assert f'href="/ho-so/{dossier.code}/"' in done
    assert f'href="/thanh-toan/ho-so/{dossier.code}/"' in done  # 8.000 đ still to pay
    assert dossier.form_data["noi_dung"].startswith("Đăng ký khai sinh cho con")
    assert dossier.files.count() == 4


def test_a_procedure_not_offered_online_says_so_and_creates_nothing(signed_in, communes):
    ProcedureFactory(code="TN-900", name="Thủ tục chỉ nộp trực tiếp", channels=(1,))

    response = signed_in.get("/nop-ho-so/TN-900/")

    assert response.status_code == 200
    assert "chưa nhận hồ sơ trực tuyến" in response.content.decode()
    assert signed_in.post("/nop-ho-so/TN-900/", {"receiving_unit": communes[0].pk}
                          ).status_code == 200
    assert not Dossier.objects.exists()


def test_unknown_procedure_is_404(signed_in, catalog):
    assert signed_in.get("/nop-ho-so/KHONG-CO/").status_code == 404


@pytest.mark.parametrize("path", ["/nop-ho-so/", f"/nop-ho-so/{BIRTH}/"])
def test_pages_need_a_signed_in_citizen(client, catalog, path, settings):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=" in response["Location"]


def test_another_citizens_draft_is_not_found(signed_in, client, birth, communes):
    draft = start_draft(signed_in)
    client.force_login(CitizenFactory())

    for step in ("applicant", "content", "uploads", "delivery", "review"):
        assert client.get(url(draft, step)).status_code == 404
    assert client.post(url(draft, "applicant"), applicant_data(draft)).status_code == 404
    assert client.post(url(draft, "uploads"), {
        f"component-{draft.components.first().pk}": upload("x.pdf")}).status_code == 404
    assert not fresh(draft).files.exists()


def test_a_submitted_dossiers_steps_lead_to_its_confirmation(signed_in, birth, communes):
    draft = fill_all_steps(signed_in, start_draft(signed_in))
    signed_in.post(url(draft, "review"), {"version": draft.version})
    code = fresh(draft).code

    response = signed_in.get(url(draft, "applicant"))

    assert response.status_code == 302
    assert response["Location"] == f"/nop-ho-so/ho-so/{code}/da-nop/"


def test_the_wizard_speaks_english_when_chosen(signed_in, birth, communes):
    draft = fill_all_steps(signed_in, start_draft(signed_in))
    signed_in.post("/i18n/setlang/", {"language": "en", "next": "/"})

    review = signed_in.get(url(draft, "review")).content.decode()

    assert "Review and submit the application" in review
    assert "counted from acceptance" in review
    assert 'lang="vi">Đăng ký khai sinh' in review  # catalog data stays Vietnamese

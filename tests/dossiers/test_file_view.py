"""The one view that serves dossier files (`/tep/<code>/<file_id>/`): the owner and staff who
may see the dossier get the file, inline for PDF and images; everyone else gets 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.models import DossierFile
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"


@pytest.fixture
def submitted(world):
    draft = dossier_in(Status.DRAFT, world=world)
    stored = dossier_file_attach(
        dossier=draft, actor=world.citizen,
        upload=SimpleUploadedFile("Tờ khai.pdf", PDF, content_type="application/pdf"),
        purpose=DossierFile.Purpose.SUBMISSION, component=draft.components.get(),
    )
    draft.status = Status.SUBMITTED  # only the status matters to the access rules here
    draft.code = "TEST-261126-0001"
    draft.save(update_fields=["status", "code"])
    return draft, stored


def url(dossier, stored) -> str:
    return f"/tep/{dossier.code}/{stored.pk}/"


def test_the_owner_sees_a_pdf_inline_with_no_caching(client, world, submitted):
    dossier, stored = submitted
    client.force_login(world.citizen)

    response = client.get(url(dossier, stored))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_download_asks_for_an_attachment(client, world, submitted):
    dossier, stored = submitted
    client.force_login(world.desk_officer)

    response = client.get(url(dossier, stored) + "?download=1")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("who", ["other_citizen", "other_desk_officer"])
def test_anyone_else_gets_404(client, submitted, request, who):
    dossier, stored = submitted
    client.force_login(request.getfixturevalue(who))

    assert client.get(url(dossier, stored)).status_code == 404


def test_a_file_of_another_dossier_is_not_served_under_this_code(client, world, submitted):
    dossier, stored = submitted
    other = dossier_in(Status.DRAFT, world=world)
    client.force_login(world.citizen)

    assert client.get(f"/tep/{other.pk}/{stored.pk}/").status_code == 404
    assert client.get(f"/tep/{dossier.code}/{stored.pk + 999}/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, submitted):
    dossier, stored = submitted

    response = client.get(url(dossier, stored))

    assert response.status_code == 302


def test_only_the_sites_own_pages_may_frame_a_file(client, world, submitted):
    dossier, stored = submitted
    client.force_login(world.desk_officer)

    response = client.get(url(dossier, stored))

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_a_draft_result_stays_with_staff_until_it_is_signed(client, world, five_day_procedure,
                                                           travel):
    from motcua.dossiers.inputs import ResultData
    from motcua.dossiers.services.processing import dossier_approve

    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure,
                         channel=2)
    draft_result = dossier_file_attach(
        dossier=dossier, actor=world.leader,
        upload=SimpleUploadedFile("Giấy khai sinh.pdf", PDF, content_type="application/pdf"),
        purpose=DossierFile.Purpose.RESULT)
    client.force_login(world.citizen)
    assert client.get(url(dossier, draft_result)).status_code == 404

    dossier_approve(dossier=dossier, actor=world.leader,
                    results=[ResultData(name="Giấy khai sinh", file_id=draft_result.pk)])

    assert client.get(url(dossier, draft_result)).status_code == 200
    client.force_login(world.desk_officer)
    assert client.get(url(dossier, draft_result)).status_code == 200

"""The dossier page (/xu-ly/ho-so/<code>/): what an officer of the unit reads, and that
another unit's officer cannot even learn the dossier exists."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.models import DossierFile
from motcua.dossiers.statuses import Status
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in
from tests.portal.markup import find_all, parse, text_of
from tests.processing.support import page_url

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"


def test_the_page_shows_applicant_procedure_steps_and_history(as_user, world, five_day_procedure):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)

    response = as_user(world.specialist).get(page_url(dossier))

    assert response.status_code == 200
    html = response.content.decode()
    assert dossier.applicant_name in html
    assert five_day_procedure.current_version.name in html
    assert "Thẩm định hồ sơ" in html  # the step, with its own due instant
    history = text_of(next(e for e in parse(html) if e.attrs.get("class") == "history"))
    assert "Tiếp nhận trực tiếp" in history
    assert "Phân công xử lý" in history
    assert f"Chuyển đến: {world.specialist}" in history
    assert str(world.leader) in history  # who assigned it


def test_files_are_shown_inline_images_and_linked_pdfs(as_user, world, five_day_procedure):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    component = dossier.components.first()
    for name, content in (("anh.png", PNG), ("to-khai.pdf", PDF)):
        dossier_file_attach(dossier=dossier, actor=world.desk_officer,
                            upload=SimpleUploadedFile(name, content),
                            purpose=DossierFile.Purpose.ATTACHMENT, component=component)

    elements = parse(as_user(world.specialist).get(page_url(dossier)).content.decode())

    images = [e for e in find_all(elements, "img") if "/tep/" in e.attrs["src"]]
    assert len(images) == 1 and images[0].attrs["alt"].endswith("anh.png")
    links = [e.attrs["href"] for e in find_all(elements, "a") if "/tep/" in e.attrs["href"]]
    assert any(href.endswith("/") for href in links)
    assert any(href.endswith("?download=1") for href in links)
    assert client_gets(as_user(world.specialist), images[0].attrs["src"]) == 200


def client_gets(client, url) -> int:
    return client.get(url).status_code


def test_an_officer_of_another_unit_gets_404(as_user, world, other_commune):
    dossier = dossier_in(Status.PROCESSING, world=world)
    stranger = StaffFactory(specialist=True, unit=other_commune)

    assert as_user(stranger).get(page_url(dossier)).status_code == 404


def test_the_control_sheet_form_is_linked(as_user, world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    html = as_user(world.leader).get(page_url(dossier)).content.decode()

    assert f'href="/van-ban/{dossier.code}/mau-05.pdf"' in html


def test_the_page_query_count_does_not_grow_with_the_history(as_user, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from motcua.dossiers.services import processing

    def queries(dossier) -> int:
        client = as_user(world.specialist)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page_url(dossier)).status_code == 200
        return len(captured)

    short = dossier_in(Status.PROCESSING, world=world)
    long = dossier_in(Status.PROCESSING, world=world)
    for _ in range(3):
        processing.dossier_request_obligation(dossier=long, actor=world.specialist,
                                              reason="Lệ phí", amount=10_000)
        processing.dossier_fulfil_obligation(dossier=long, actor=world.desk_officer)

    assert queries(long) == queries(short)
    assert queries(short) <= 30

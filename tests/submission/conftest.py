"""Fixtures of the submission wizard tests: the shipped catalog (imported once per module),
two communes with a one-stop desk, a signed-in citizen living in one of them, and files."""

import io

import pytest
from django.db import transaction
from pypdf import PdfWriter

from motcua.catalog.importer import DEFAULT_CATALOG_FILE, catalog_import
from motcua.catalog.models import Procedure
from motcua.dossiers.models import Dossier
from tests.factories.accounts import CitizenFactory
from tests.factories.agencies import UnitFactory

BIRTH = "HT-01"  # Đăng ký khai sinh in the shipped catalog


@pytest.fixture(scope="module")
def loaded_catalog(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield catalog_import(path=DEFAULT_CATALOG_FILE)
        transaction.set_rollback(True)


@pytest.fixture
def catalog(loaded_catalog, db):
    return loaded_catalog


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def communes(catalog):
    """Two communes taking dossiers; the citizen lives in the second."""
    return [UnitFactory(with_desk=True, name="UBND xã Bên Sông"),
            UnitFactory(with_desk=True, name="UBND xã Vĩnh Bình")]


@pytest.fixture
def citizen(communes):
    return CitizenFactory(full_name="Lê Thị Hoa", cccd="099190000123", phone="0912345678",
                          email="hoa@motcua.example",
                          address="Ấp 2, xã Vĩnh Bình, tỉnh Thử Nghiệm")


@pytest.fixture
def signed_in(client, citizen):
    client.force_login(citizen)
    return client


@pytest.fixture
def birth(catalog) -> Procedure:
    return Procedure.objects.get(code=BIRTH)


def pdf_bytes(pages: int = 1) -> bytes:
    """A real (blank) PDF document."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(name: str, content: bytes | None = None, content_type="application/pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, pdf_bytes() if content is None else content,
                              content_type=content_type)


def start_draft(client, code: str = BIRTH, unit=None) -> Dossier:
    """POST the start page; returns the new draft."""
    page = client.get(f"/nop-ho-so/{code}/")
    form = page.context["form"]
    data = {"receiving_unit": unit.pk if unit else form.initial["receiving_unit"],
            "idempotency_key": form.initial["idempotency_key"]}
    response = client.post(f"/nop-ho-so/{code}/", data)
    assert response.status_code == 302, response.context["form"].errors
    return Dossier.objects.latest("pk")


def applicant_data(dossier: Dossier, **overrides) -> dict:
    data = {"version": dossier.version, "who": "self", "name": "Lê Thị Hoa",
            "id_number": "099190000123", "phone": "0912345678", "email": "hoa@motcua.example",
            "address": "Ấp 2, xã Vĩnh Bình, tỉnh Thử Nghiệm"}
    data.update(overrides)
    return data


def url(dossier: Dossier, step: str) -> str:
    from motcua.submission.steps import step_url

    return step_url(dossier, step)


def fresh(dossier: Dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def fill_all_steps(client, dossier: Dossier) -> Dossier:
    """Steps 1–4 with valid answers (desk delivery); returns the draft as saved."""
    assert client.post(url(dossier, "applicant"), applicant_data(dossier)).status_code == 302
    dossier = fresh(dossier)
    assert client.post(url(dossier, "content"), {
        "version": dossier.version,
        "content": "Đăng ký khai sinh cho con: Trần Minh An, sinh ngày 01/11/2026."}
    ).status_code == 302
    files = {f"component-{c.pk}": upload(f"giay-{c.pk}.pdf")
             for c in dossier.components.all() if c.component.originals}
    assert client.post(url(dossier, "uploads"), files).status_code == 302
    dossier = fresh(dossier)
    assert client.post(url(dossier, "delivery"), {"version": dossier.version,
                                                  "delivery": "desk"}).status_code == 302
    return fresh(dossier)

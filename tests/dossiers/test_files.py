"""Uploads: checked by content (magic bytes), size-limited, stored under a random name in the
default storage (a temporary MEDIA_ROOT here, see conftest), hashed; who may attach what when."""

import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import errors
from motcua.dossiers.files import display_name, dossier_file_attach
from motcua.dossiers.models import DossierFile
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Channel, Status
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
STORED = re.compile(r"^dossiers/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|jpg|png)$")


def upload(content: bytes, name: str = "to-khai.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def draft(world):
    return dossier_in(Status.DRAFT, world=world)


@pytest.mark.parametrize(
    ("content", "name", "content_type", "extension"),
    [(PDF, "Tờ khai.pdf", "application/pdf", ".pdf"),
     (JPEG, "ảnh CCCD.jpeg", "image/jpeg", ".jpg"),
     (PNG, "scan.png", "image/png", ".png")],
)
def test_the_owner_attaches_a_pdf_jpeg_or_png_to_the_draft(world, draft, content, name,
                                                           content_type, extension):
    component = draft.components.get()

    attached = dossier_file_attach(dossier=draft, actor=world.citizen,
                                   upload=upload(content, name, "application/octet-stream"),
                                   purpose=DossierFile.Purpose.SUBMISSION, component=component)

    assert attached.content_type == content_type  # from the content, not the client's header
    assert attached.size == len(content)
    assert attached.sha256 == hashlib.sha256(content).hexdigest()
    assert attached.name == name.rsplit(".", 1)[0] + extension
    assert STORED.match(attached.file.name)
    assert attached.file.name.endswith(extension)
    assert (attached.component, attached.uploaded_by) == (component, world.citizen)
    assert attached.file.read() == content
    assert stored_files() == [Path(settings.MEDIA_ROOT) / attached.file.name]


def test_a_component_may_be_given_by_its_id(world, draft):
    component = draft.components.get()
    attached = dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload(PDF),
                                   purpose="submission", component=component.pk)
    assert attached.component == component


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00 a Windows program", "giay-khai-sinh.pdf"),
        (b"<html><script>alert(1)</script></html>", "anh.png"),
        (b"GIF89a\x01\x00\x01\x00", "anh.gif"),
        (b" %PDF-1.7 not at the start", "tai-lieu.pdf"),
        (b"PK\x03\x04 a zip or docx", "don.docx"),
    ],
)
def test_a_file_is_judged_by_its_content_not_its_name(world, draft, unchanged, content, name):
    with unchanged(draft), pytest.raises(errors.InvalidInput) as refused:
        dossier_file_attach(dossier=draft, actor=world.citizen,
                            upload=upload(content, name), purpose="submission")
    assert refused.value.field == "file"
    assert "Chỉ nhận tệp PDF, JPEG hoặc PNG" in refused.value.text
    assert stored_files() == []


def test_an_empty_file_is_refused(world, draft, unchanged):
    with unchanged(draft), pytest.raises(errors.InvalidInput) as refused:
        dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload(b""),
                            purpose="submission")
    assert refused.value.field == "file" and "không có nội dung" in refused.value.text


def test_the_size_limit_is_a_setting(world, draft, unchanged, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024
    exactly = PDF + b"0" * (1024 - len(PDF))
    assert dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload(exactly),
                               purpose="submission").size == 1024
    with unchanged(draft), pytest.raises(errors.InvalidInput) as refused:
        dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload(exactly + b"0"),
                            purpose="submission")
    assert refused.value.field == "file" and "quá lớn" in refused.value.text
    assert "tối đa là 1 KB" in refused.value.text


def test_the_default_limit_is_10_mib(world, draft, settings):
    assert settings.MOTCUA_UPLOAD_MAX_BYTES == 10 * 1024 * 1024
    big = upload(PDF)
    big.size = 10 * 1024 * 1024 + 1  # announced too large: refused before reading
    with pytest.raises(errors.InvalidInput) as refused:
        dossier_file_attach(dossier=draft, actor=world.citizen, upload=big, purpose="submission")
    assert "tối đa là 10 MB" in refused.value.text


def test_a_client_announcing_a_small_size_is_still_measured(world, draft, unchanged, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 100
    lying = upload(PDF + b"0" * 200)
    lying.size = 10  # the client said 10 bytes
    with unchanged(draft), pytest.raises(errors.InvalidInput) as refused:
        dossier_file_attach(dossier=draft, actor=world.citizen, upload=lying,
                            purpose="submission")
    assert "quá lớn" in refused.value.text
    assert stored_files() == []


@pytest.mark.parametrize(
    ("client_name", "shown"),
    [
        ("../../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\An\\Giấy khai sinh.pdf", "Giấy khai sinh.pdf"),
        ("to\nkhai\u202egpj.pdf", "tokhaigpj.pdf"),
        ("...", "tep-dinh-kem"),
        ("", "tep-dinh-kem"),
        ("a" * 300 + ".pdf", "a" * 200),
    ],
)
def test_the_clients_name_is_only_shown_never_used_for_storage(client_name, shown):
    assert display_name(client_name) == shown


def test_a_path_in_the_name_does_not_choose_the_stored_location(world, draft):
    attached = dossier_file_attach(dossier=draft, actor=world.citizen,
                                   upload=upload(PNG, "../../anh.pdf"), purpose="submission")
    assert attached.name == "anh.png"  # the real type's extension
    assert STORED.match(attached.file.name)
    assert ".." not in attached.file.name


# --- who may attach what, when --------------------------------------------------------------


def test_after_submission_the_citizen_can_no_longer_change_the_files(world, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(submitted), pytest.raises(errors.ActionNotAllowed) as refused:
        dossier_file_attach(dossier=submitted, actor=world.citizen, upload=upload(PDF),
                            purpose="submission")
    assert "Chờ tiếp nhận" in refused.value.text


def test_asked_to_complete_the_citizen_adds_files_again(world):
    asked = dossier_in(Status.COMPLETION_REQUESTED, world=world)
    attached = dossier_file_attach(dossier=asked, actor=world.citizen, upload=upload(PDF),
                                   purpose="submission")
    assert attached.dossier_id == asked.pk


def test_another_citizen_cannot_attach(world, draft, other_citizen, unchanged):
    with unchanged(draft), pytest.raises(errors.ActionForbidden):
        dossier_file_attach(dossier=draft, actor=other_citizen, upload=upload(PDF),
                            purpose="submission")
    assert stored_files() == []


def test_the_desk_scans_papers_of_a_received_dossier(world):
    received = dossier_in(Status.RECEIVED, world=world, channel=Channel.DIRECT)
    attached = dossier_file_attach(dossier=received, actor=world.desk_officer,
                                   upload=upload(JPEG, "scan.jpg"), purpose="attachment")
    assert attached.uploaded_by == world.desk_officer


def test_a_desk_officer_of_another_commune_cannot_attach(world, other_desk_officer, unchanged):
    received = dossier_in(Status.RECEIVED, world=world, channel=Channel.DIRECT)
    with unchanged(received), pytest.raises(errors.ActionForbidden):
        dossier_file_attach(dossier=received, actor=other_desk_officer, upload=upload(PDF),
                            purpose="attachment")


def test_a_result_is_not_attached_before_processing(world, unchanged):
    received = dossier_in(Status.RECEIVED, world=world, channel=Channel.DIRECT)
    with unchanged(received), pytest.raises(errors.ActionNotAllowed):
        dossier_file_attach(dossier=received, actor=world.leader, upload=upload(PDF),
                            purpose="result")


def test_a_component_of_another_dossier_is_refused(world, draft, unchanged):
    elsewhere = dossier_in(Status.DRAFT, world=world)
    with unchanged(draft), pytest.raises(errors.InvalidInput) as refused:
        dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload(PDF),
                            purpose="submission", component=elsewhere.components.get())
    assert refused.value.field == "component"


def test_an_unknown_purpose_is_refused(world, draft, unchanged):
    with unchanged(draft), pytest.raises(errors.InvalidInput) as refused:
        dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload(PDF),
                            purpose="virus")
    assert refused.value.field == "purpose"


def test_the_receipt_lists_the_files_of_each_component(world, travel):
    draft = dossier_in(Status.DRAFT, world=world)
    dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload(PDF, "Tờ khai.pdf"),
                        purpose="submission", component=draft.components.get())
    submitted = intake.dossier_submit(dossier=draft, actor=world.citizen)
    assert submitted.events.get(action="submit").data["files"] == ["Tờ khai.pdf"]
    received = intake.dossier_accept(dossier=submitted, actor=world.desk_officer)
    receipt = received.events.get(action="accept").data
    assert receipt["components"][0]["files"] == ["Tờ khai.pdf"]

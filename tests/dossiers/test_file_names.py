"""Hostile upload names (issue #8): whatever the client calls its file, the stored name is a
random one under the storage's `dossiers/` prefix, and the name shown to people (and offered
when downloading) is one harmless line of bounded length with the real content's extension.
test_files.py covers the ordinary cases; these are the attacks."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.files import display_name, dossier_file_attach
from motcua.dossiers.statuses import Status
from tests.api.caller import DOSSIERS, Caller
from tests.dossiers.test_files import PDF, STORED
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db

HOSTILE = [
    "../../etc/passwd.pdf",
    "..\\..\\x.pdf",
    "/etc/shadow",
    "C:\\Windows\\System32\\drivers\\etc\\hosts.pdf",
    "to-khai.pdf\x00.exe",
    "hoadon\u202efdp.exe",  # shows as "hoadonexe.pdf" in a right-to-left-aware list
    "a\u2066b\u2069c\u200b.pdf",  # isolates and a zero-width space
    "dòng 1\r\ndòng 2\t.pdf",
    "\x1b[31mred\x1b[0m.pdf",
    "x" * 1000 + ".pdf",
    "ả" * 300 + ".pdf",
    "",
    " . ",
    "..",
    "CON",
    "con.pdf",
    "NUL.txt",
    "LPT1.pdf",
    "aux",
    '"quoted";filename=evil.pdf',
]
# A character that is a control or a format character, or a path separator: never shown.
FORBIDDEN = {"/", "\\", "\x00", "\r", "\n", "\t", "\x1b", "\u202e", "\u2066", "\u2069", "\u200b"}
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                   *(f"LPT{i}" for i in range(1, 10))}


@pytest.mark.parametrize("client_name", HOSTILE)
def test_a_hostile_name_is_shown_as_one_safe_bounded_line(client_name):
    shown = display_name(client_name)

    assert 0 < len(shown) <= 200
    assert not FORBIDDEN & set(shown)
    assert shown not in {".", ".."} and shown == shown.strip(" .")
    # Windows refuses device names whatever the extension: a download must not be one.
    assert shown.split(".")[0].upper() not in WINDOWS_DEVICES


@pytest.mark.parametrize(("client_name", "shown"), [
    ("..\\..\\x.pdf", "x.pdf"),
    ("hoadon\u202efdp.exe", "hoadonfdp.exe"),
    ("to-khai.pdf\x00.exe", "to-khai.pdf.exe"),
    ("CON", "_CON"),
    ("con.pdf", "_con.pdf"),
    ("a" * 198 + " .pdf", "a" * 198),
])
def test_what_remains_of_a_hostile_name(client_name, shown):
    assert display_name(client_name) == shown


@pytest.mark.parametrize("client_name", HOSTILE)
def test_the_stored_name_is_random_whatever_the_clients_name(world, client_name):
    draft = dossier_in(Status.DRAFT, world=world)
    upload = SimpleUploadedFile("placeholder.pdf", PDF, content_type="application/pdf")
    # Bypass UploadedFile's own check (it refuses "" and ".."): callers other than Django's
    # multipart parser (the post office's sync, a scanner) may hand over any name.
    upload._name = client_name

    attached = dossier_file_attach(dossier=draft, actor=world.citizen, upload=upload,
                                   purpose="submission")

    assert STORED.match(attached.file.name), attached.file.name
    assert default_storage.exists(attached.file.name)
    # The shown name carries the content's extension, not the one the client claimed.
    assert attached.name.endswith(".pdf") and len(attached.name) <= 255
    assert not FORBIDDEN & set(attached.name)


@pytest.mark.parametrize("client_name", ["../../etc/passwd.pdf", "hoadon\u202efdp.exe",
                                         "con.pdf"])
def test_through_the_api_the_answer_shows_the_safe_name(world, client_name):
    draft = dossier_in(Status.DRAFT, world=world)
    upload = SimpleUploadedFile(client_name, PDF, content_type="application/pdf")

    response = Caller(world.citizen, session=True).upload(
        f"{DOSSIERS}/{draft.pk}/files", {"file": upload, "purpose": "submission"})

    assert response.status_code == 201, response.content.decode()
    assert response.json()["name"] == display_name(client_name).rsplit(".", 1)[0] + ".pdf"

"""Uploaded files on an S3-compatible object store (MOTCUA_FILE_STORAGE=s3), end to end over
HTTP against moto's server: uploads land in the bucket as private objects, are served only
through the access-checked file view, and refused or replaced files leave no object behind."""

import hashlib
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.catalog.models import Component
from motcua.catalog.services import version_draft_create, version_draft_publish
from motcua.dossiers import errors
from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import Dossier, DossierFile
from motcua.dossiers.statuses import Status
from motcua.processing.services import dossier_approve_with_upload
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.catalog import ProcedureFactory
from tests.factories.dossiers import dossier_in
from tests.storage.conftest import KEYS, settings_from_environment
from tests.submission.conftest import fill_all_steps, pdf_bytes, start_draft, upload, url

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF_A = b"%PDF-1.7\n% a scanned page\n%%EOF\n"


def _first_component(draft: Dossier):
    return next(c for c in draft.components.select_related("component")
                if c.component.required and c.component.originals)


def _submitted_with_file(client) -> tuple[Dossier, DossierFile]:
    draft = fill_all_steps(client, start_draft(client))
    assert client.post(url(draft, "review"), {"version": draft.version}).status_code == 302
    dossier = Dossier.objects.get(pk=draft.pk)
    assert dossier.status == Status.SUBMITTED and dossier.code
    return dossier, dossier.files.order_by("pk").first()


# --- configuration -----------------------------------------------------------------------

def test_s3_is_chosen_and_configured_by_environment_variables(monkeypatch):
    configured = settings_from_environment(
        monkeypatch, MOTCUA_FILE_STORAGE="s3", MOTCUA_S3_BUCKET="ho-so-tinh",
        MOTCUA_S3_ENDPOINT_URL="https://s3.example.gov.vn", MOTCUA_S3_REGION="vn-north-1",
        MOTCUA_S3_ACCESS_KEY_ID="AKIA-TINH", MOTCUA_S3_SECRET_ACCESS_KEY="bi-mat",
        MOTCUA_S3_ADDRESSING_STYLE="path", MOTCUA_S3_PREFIX="motcua/media/",
        MOTCUA_S3_CA_BUNDLE="/etc/ssl/certs/tinh-ca.pem",
    )["STORAGES"]["default"]

    assert configured["BACKEND"] == "storages.backends.s3.S3Storage"
    options = configured["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == (
        "ho-so-tinh", "https://s3.example.gov.vn", "vn-north-1")
    assert (options["access_key"], options["secret_key"]) == ("AKIA-TINH", "bi-mat")
    assert (options["addressing_style"], options["location"]) == ("path", "motcua/media")
    assert options["verify"] == "/etc/ssl/certs/tinh-ca.pem"
    # Private objects, and any URL ever generated is signed and short-lived.
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True and options["querystring_expire"] <= 300
    assert options["file_overwrite"] is False


def test_the_local_disk_stays_the_default_and_s3_without_a_bucket_is_refused(monkeypatch):
    assert settings_from_environment(monkeypatch)["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"}
    with pytest.raises(ImproperlyConfigured, match="MOTCUA_S3_BUCKET"):
        settings_from_environment(monkeypatch, MOTCUA_FILE_STORAGE="s3")


# --- uploads through the real pages ---------------------------------------------------------

def test_a_citizens_upload_lands_in_the_bucket_and_only_the_dossiers_people_can_read_it(
    bucket, signed_in, settings
):
    dossier, stored = _submitted_with_file(signed_in)

    key = bucket.key_of(stored.file.name)
    assert key in bucket.object_keys()
    assert hashlib.sha256(bucket.read(key)).hexdigest() == stored.sha256
    assert not (settings.MEDIA_ROOT).exists()  # nothing on the web machine's disk

    file_url = f"/tep/{dossier.code}/{stored.pk}/"
    owner = signed_in.get(file_url)
    assert owner.status_code == 200 and b"".join(owner.streaming_content) == pdf_bytes()

    officer = Client()
    officer.force_login(StaffFactory(desk_officer=True, unit=dossier.receiving_unit))
    download = officer.get(file_url + "?download=1")
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()

    stranger = Client()
    stranger.force_login(CitizenFactory())
    assert stranger.get(file_url).status_code == 404


def test_the_objects_are_private(bucket, signed_in):
    _dossier, stored = _submitted_with_file(signed_in)
    key = bucket.key_of(stored.file.name)

    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
    assert [g["Grantee"].get("URI") for g in grants if "URI" in g["Grantee"]] == []
    with pytest.raises(urllib.error.HTTPError) as refused:  # an anonymous GET, as a browser
        urllib.request.urlopen(f"{bucket.endpoint}/{bucket.name}/{key}", timeout=5)
    assert refused.value.code == 403
    # Should code ever ask the storage for a URL, it is signed and expires within minutes.
    query = parse_qs(urlsplit(default_storage.url(stored.file.name)).query)
    assert "X-Amz-Signature" in query and int(query["X-Amz-Expires"][0]) <= 300


@pytest.mark.parametrize("content", [EXE, b"%PDF-1.4\n" + b"0" * 4096],
                         ids=["a-program-named-pdf", "too-large"])
def test_a_refused_upload_leaves_nothing_in_the_bucket(bucket, signed_in, settings, content):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 2048
    draft = start_draft(signed_in)
    component = _first_component(draft)

    response = signed_in.post(url(draft, "uploads"),
                              {f"component-{component.pk}": upload("to-khai.pdf", content)})

    assert response.status_code == 200 and "to-khai.pdf" in response.content.decode()
    assert not DossierFile.objects.exists()
    assert bucket.object_keys() == []


def test_a_replaced_or_removed_file_leaves_the_bucket(
    bucket, signed_in, django_capture_on_commit_callbacks
):
    draft = start_draft(signed_in)
    component = _first_component(draft)
    signed_in.post(url(draft, "uploads"), {f"component-{component.pk}": upload("cu.pdf")})
    old_key = bucket.key_of(DossierFile.objects.get().file.name)

    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(url(draft, "uploads"),
                       {f"component-{component.pk}": upload("moi.png", PNG)})
    new = DossierFile.objects.get()
    assert bucket.object_keys() == [bucket.key_of(new.file.name)] != [old_key]
    assert bucket.read(bucket.key_of(new.file.name)) == PNG

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(f"/nop-ho-so/ho-so/{draft.pk}/giay-to/{new.pk}/xoa/")
    assert response.status_code == 302
    assert bucket.object_keys() == []


def test_a_result_file_of_a_refused_approval_is_removed_from_the_bucket(bucket, world):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world)
    signed = SimpleUploadedFile("ket-qua.pdf", pdf_bytes(), content_type="application/pdf")

    with pytest.raises(errors.StaleDossier):
        dossier_approve_with_upload(
            dossier=dossier, actor=world.leader, upload=signed,
            result=ResultData(name="Giấy chứng nhận", number="01/GCN"),
            expected_version=dossier.version - 1)

    assert bucket.object_keys() == []
    assert not DossierFile.objects.filter(dossier=dossier).exists()


def test_an_object_has_the_type_its_content_showed_not_the_one_the_browser_claimed(
    bucket, world
):
    dossier = dossier_in(Status.PROCESSING, world=world)
    claimed_html = SimpleUploadedFile("bien-ban.pdf", PDF_A, content_type="text/html")

    stored = dossier_file_attach(dossier=dossier, actor=world.specialist, upload=claimed_html,
                                 purpose=DossierFile.Purpose.ATTACHMENT)

    head = bucket.client.head_object(Bucket=bucket.name, Key=bucket.key_of(stored.file.name))
    assert (head["ContentType"], stored.content_type) == ("application/pdf", "application/pdf")


def test_a_form_template_is_downloaded_from_the_bucket_through_the_app(bucket, db, client):
    procedure = ProcedureFactory(code="HT-95")
    draft = version_draft_create(version=procedure.current_version)
    name = default_storage.save("catalog/forms/to-khai.docx", ContentFile(b"mau to khai"))
    # A second template with the same name is kept beside the first, not over it.
    other = default_storage.save("catalog/forms/to-khai.docx", ContentFile(b"mau khac"))
    assert other != name and sorted(bucket.object_keys()) == sorted(
        [bucket.key_of(name), bucket.key_of(other)])
    Component.objects.filter(version=draft).update(template=name)
    version_draft_publish(version=draft)
    component = Component.objects.get(version__number=2, version__procedure=procedure)

    response = client.get(f"/thu-tuc/HT-95/mau/{component.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"mau to khai"


def test_the_backups_file_archive_round_trips_through_buckets(bucket, s3_endpoint, settings,
                                                              monkeypatch, tmp_path):
    from motcua.core.management.commands._backup import media_to_tar, tar_to_media

    names = [default_storage.save("dossiers/2026/11/a.pdf", ContentFile(PDF_A)),
             default_storage.save("catalog/forms/2026/to-khai.docx", ContentFile(b"mau"))]
    archive = tmp_path / "media.tar"
    assert media_to_tar(default_storage, archive) == {"files": 2, "bytes": len(PDF_A) + 3}

    second = bucket.__class__(name=f"{bucket.name}-b", endpoint=s3_endpoint)
    second.client.create_bucket(Bucket=second.name)
    settings.STORAGES = settings_from_environment(
        monkeypatch, MOTCUA_FILE_STORAGE="s3", MOTCUA_S3_BUCKET=second.name,
        MOTCUA_S3_ENDPOINT_URL=s3_endpoint, MOTCUA_S3_REGION="us-east-1",
        MOTCUA_S3_ACCESS_KEY_ID=KEYS["aws_access_key_id"],
        MOTCUA_S3_SECRET_ACCESS_KEY=KEYS["aws_secret_access_key"],
        MOTCUA_S3_ADDRESSING_STYLE="path")["STORAGES"]
    assert tar_to_media(archive, default_storage, replace=False) == 2

    assert second.object_keys() == sorted(second.key_of(n) for n in names)
    assert second.read(second.key_of(names[0])) == PDF_A

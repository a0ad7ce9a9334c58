"""Who read whose personal data is recorded (Decree 13/2023/NĐ-CP Art. 38 §2): an officer's
dossier page, file, API detail, CCCD search and register export each leave a row naming the
officer, their unit, the applicant and the dossier; the applicant reading their own dossier
and refused reads leave none."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from motcua.audit.models import Kind, PersonalDataRead
from motcua.audit.services import cccd_hash, read_record
from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.models import DossierFile
from motcua.dossiers.statuses import Channel, Status
from tests.audit.conftest import client_for
from tests.factories.accounts import CitizenFactory
from tests.factories.dossiers import dossier_in

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"


@pytest.fixture
def received(world):
    return dossier_in(Status.RECEIVED, world=world, channel=Channel.ONLINE)  # the citizen's


def only_read() -> PersonalDataRead:
    (read,) = PersonalDataRead.objects.all()
    return read


def test_the_desk_dossier_page_records_who_read_it(world, received):
    response = client_for(world.desk_officer).get(f"/mot-cua/ho-so/{received.code}/")

    assert response.status_code == 200
    read = only_read()
    assert read.kind == Kind.DOSSIER_PAGE
    assert read.reader == world.desk_officer
    assert read.reader_username == world.desk_officer.username
    assert read.reader_name == world.desk_officer.full_name
    assert (read.unit, read.unit_name, read.role) == (world.unit, world.unit.name, "desk_officer")
    assert (read.dossier, read.applicant) == (received, world.citizen)
    assert read.path == f"/mot-cua/ho-so/{received.code}/"
    assert read.ip == "203.0.113.7"


def test_the_processing_page_records_the_specialist(world):
    dossier = dossier_in(Status.PROCESSING, world=world)

    client_for(world.specialist).get(f"/xu-ly/ho-so/{dossier.code}/")

    read = only_read()
    assert (read.reader, read.role, read.dossier) == (world.specialist, "specialist", dossier)


def test_opening_a_file_records_it(world, received):
    stored = dossier_file_attach(
        dossier=received, actor=world.desk_officer,
        upload=SimpleUploadedFile("Tờ khai.pdf", PDF, content_type="application/pdf"),
        purpose=DossierFile.Purpose.SUBMISSION,
    )

    response = client_for(world.desk_officer).get(f"/tep/{received.code}/{stored.pk}/")

    assert response.status_code == 200
    assert (only_read().kind, only_read().dossier) == (Kind.DOSSIER_FILE, received)


def test_the_api_detail_records_it(world, received):
    response = client_for(world.leader).get(f"/api/v1/dossiers/{received.pk}")

    assert response.status_code == 200
    read = only_read()
    assert (read.kind, read.reader, read.applicant) == (Kind.API_DOSSIER, world.leader,
                                                        world.citizen)


def test_printing_a_form_records_it(world, received):
    response = client_for(world.desk_officer).get(f"/van-ban/{received.code}/mau-01.pdf")

    assert response.status_code == 200
    read = only_read()
    assert (read.kind, read.reader, read.dossier) == (Kind.PRINTED_FORM, world.desk_officer,
                                                      received)


def test_finding_a_dossier_to_return_its_result_records_it(world):
    ready = dossier_in(Status.RESULT_READY, world=world)

    response = client_for(world.desk_officer).get("/mot-cua/tra-ket-qua/", {"ma": ready.code})

    assert response.status_code == 200
    read = only_read()
    assert (read.kind, read.reader, read.dossier) == (Kind.DOSSIER_PAGE, world.desk_officer,
                                                      ready)


def test_the_applicant_reading_their_own_dossier_is_not_recorded(world, received):
    owner = client_for(world.citizen)

    assert owner.get(f"/ho-so/{received.code}/").status_code == 200
    assert owner.get(f"/api/v1/dossiers/{received.pk}").status_code == 200
    assert not PersonalDataRead.objects.exists()


def test_a_refused_read_records_nothing(world, received, other_desk_officer):
    response = client_for(other_desk_officer).get(f"/mot-cua/ho-so/{received.code}/")

    assert response.status_code == 404
    assert not PersonalDataRead.objects.exists()


def test_a_counter_dossier_without_account_records_the_dossier(world):
    dossier = dossier_in(Status.RECEIVED, world=world, channel=Channel.DIRECT)

    client_for(world.desk_officer).get(f"/mot-cua/ho-so/{dossier.code}/")

    read = only_read()
    assert (read.dossier, read.applicant) == (dossier, dossier.owner)


def test_a_cccd_search_that_finds_an_account_records_the_account(world, five_day_procedure):
    citizen = CitizenFactory(cccd="079203001234")

    client_for(world.desk_officer).get(
        "/mot-cua/tiep-nhan/", {"procedure": five_day_procedure.code, "cccd": "079203001234"})

    read = only_read()
    assert (read.kind, read.applicant, read.cccd_hash) == (Kind.APPLICANT_SEARCH, citizen, "")
    assert "079203001234" not in read.path


def test_a_cccd_search_that_finds_nobody_keeps_only_a_keyed_hash(world, five_day_procedure):
    client_for(world.desk_officer).get(
        "/mot-cua/tiep-nhan/", {"procedure": five_day_procedure.code, "cccd": "079203009999"})

    read = only_read()
    assert read.applicant is None
    assert read.cccd_hash == cccd_hash("079203009999") != cccd_hash("079203009998")
    stored = " ".join(str(v) for v in PersonalDataRead.objects.values().get().values())
    assert "079203009999" not in stored


@pytest.mark.parametrize("export", ["/mot-cua/so-theo-doi.xlsx", "/mot-cua/so-theo-doi.pdf"])
def test_a_register_export_records_each_dossier_in_it(world, export):
    online = dossier_in(Status.RECEIVED, world=world, channel=Channel.ONLINE)
    counter = dossier_in(Status.RECEIVED, world=world, channel=Channel.DIRECT)

    response = client_for(world.desk_officer).get(export)

    assert response.status_code == 200
    reads = PersonalDataRead.objects.filter(kind=Kind.REGISTER_EXPORT)
    assert {r.dossier for r in reads} == {online, counter}
    assert {r.applicant for r in reads} == {world.citizen, counter.owner}


def test_the_record_outlives_the_readers_account(world, received):
    reader = world.leader  # acted on nothing: no dossier event keeps the account
    client_for(reader).get(f"/api/v1/dossiers/{received.pk}")

    reader.delete()

    read = only_read()
    assert read.reader is None
    assert read.reader_username == reader.username and read.reader_name == reader.full_name


def test_recording_costs_one_select_and_one_insert(world, received, django_assert_num_queries):
    request = RequestFactory().get(f"/mot-cua/ho-so/{received.code}/")
    request.user = world.desk_officer

    with django_assert_num_queries(2):  # the reader's roles, the row
        read_record(request, kind=Kind.DOSSIER_PAGE, dossier=received)
    with django_assert_num_queries(1):  # the roles are read once per request
        read_record(request, kind=Kind.DOSSIER_FILE, dossier=received)

"""Every dossier change reaches the national portal's (fake) receiver through the outbox, with
the national codes and date format, once, whatever the receiver does."""

import socket
from datetime import timedelta

import pytest

from motcua.core.clock import now
from motcua.dossiers.services.intake import dossier_accept
from motcua.dossiers.services.processing import dossier_forward
from motcua.dossiers.statuses import Status
from motcua.outbox import services as outbox
from motcua.outbox.models import OutboxMessage
from motcua.sync.fake_portal import FakePortal
from motcua.sync.payloads import dossier_record
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(settings):
    receiver = FakePortal(token="secret-token").start()
    settings.MOTCUA_SYNC_URL = receiver.url
    settings.MOTCUA_SYNC_TOKEN = "secret-token"
    settings.MOTCUA_SYNC_TIMEOUT = 0.5
    # No worker: the tests run the outbox themselves, to see each delivery.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    yield receiver
    receiver.stop()


@pytest.fixture
def submitted(world, five_day_procedure, travel, portal):
    return dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)


def sync_messages():
    return OutboxMessage.objects.filter(topic__startswith="sync.")


def test_acceptance_sends_the_record_and_the_step_with_national_codes(submitted, desk_officer,
                                                                      portal):
    dossier = dossier_accept(dossier=submitted, actor=desk_officer)

    outbox.outbox_sweep()

    record = portal.records[dossier.code]
    assert record["TrangThaiHoSo"] == "2"  # Được tiếp nhận
    assert record["KenhThucHien"] == 2  # online
    assert record["NgayTiepNhan"] == "20260309080000"
    assert record["NgayHenTra"] == "20260316080000"
    assert record["ChuHoSo"] == submitted.applicant_name
    assert portal.rejected == []
    assert [step["TrangThai"] for step in portal.progress] == ["1", "2"]
    assert portal.requests[-1]["madonvi"] == dossier.receiving_unit.code


def test_updates_say_so_and_an_older_state_is_never_sent_after_a_newer(submitted, desk_officer,
                                                                       portal):
    outbox.outbox_sweep()  # the submission reached the portal
    dossier = dossier_accept(dossier=submitted, actor=desk_officer)
    dossier_forward(dossier=dossier, actor=desk_officer)
    accepted_key = f"sync:{dossier.pk}:{dossier.version}"
    # The newest state goes first (the acceptance's message was delayed).
    newest = sync_messages().filter(topic="sync.dossier").latest("pk")
    assert newest.key != accepted_key
    outbox.outbox_run(message_id=newest.pk)

    outbox.outbox_sweep()

    records = [r for r in portal.requests if r["service"] == "DongBoHoSoMC"]
    assert [r["data"][0]["TrangThaiHoSo"] for r in records] == ["1", "4"]
    assert [r["isUpdating"] for r in records] == [False, True]
    assert not sync_messages().filter(state=OutboxMessage.State.PENDING).exists()


def test_a_failing_receiver_is_retried_and_the_record_arrives_once(submitted, desk_officer,
                                                                   portal, travel):
    portal.fail_next = 2
    dossier_accept(dossier=submitted, actor=desk_officer)

    outbox.outbox_sweep()
    failed = sync_messages().filter(state=OutboxMessage.State.PENDING, attempts__gt=0)
    assert failed.exists()
    assert "HTTP 500" in failed.first().last_error
    for _ in range(3):
        travel(now() + timedelta(hours=1))
        outbox.outbox_sweep()

    assert not sync_messages().exclude(state=OutboxMessage.State.DONE).exists()
    assert portal.records[submitted.code]["TrangThaiHoSo"] == "2"
    assert len(portal.progress) == 2  # submission and acceptance, each once


def test_a_receiver_that_times_out_is_retried_without_duplicates(submitted, portal, travel):
    portal.delay = 1.0  # longer than the client's 0.5 s

    outbox.outbox_sweep()

    # The portal may have stored what it answered too late: Motcua cannot know, so it retries.
    assert "timed out" in sync_messages().first().last_error
    portal.delay = 0
    travel(now() + timedelta(minutes=5))
    outbox.outbox_sweep()
    assert not sync_messages().exclude(state=OutboxMessage.State.DONE).exists()
    assert list(portal.records) == [submitted.code]
    assert len(portal.progress) == 1


def test_the_receiver_rejects_a_bad_record(submitted, portal):
    record = dossier_record(submitted)
    record["TrangThaiHoSo"] = "11"
    record["NgayTiepNhan"] = "09/03/2026"

    status, answer = portal.answer("/api/dongbo", {"service": "DongBoHoSoMC", "madonvi": "X",
                                                   "data": [record]},
                                   "Bearer secret-token")

    assert (status, answer["error_code"]) == (200, "02")
    assert "TrangThaiHoSo '11'" in answer["message"]
    assert "NgayTiepNhan not yyyyMMddHHmmss" in answer["message"]


def test_nothing_is_queued_when_sync_is_off(world, five_day_procedure, travel, settings):
    settings.MOTCUA_SYNC_URL = ""

    dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)

    assert not sync_messages().exists()


def test_the_fake_listens_on_loopback_only(portal):
    host = portal.server.server_address[0]
    assert host == "127.0.0.1"
    with socket.create_connection(portal.server.server_address[:2], timeout=1):
        pass

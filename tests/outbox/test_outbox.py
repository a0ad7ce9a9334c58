"""The outbox: work queued with the dossier change, run at least once by a worker, retried with
backoff, never queued twice, picked up again when a worker dies mid-job."""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from motcua.core.clock import now
from motcua.dossiers.services.intake import dossier_accept
from motcua.dossiers.statuses import Status
from motcua.notify.models import Notification, Preference
from motcua.outbox import services
from motcua.outbox.models import OutboxMessage
from motcua.outbox.periodic import Job, jobs_run_due
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def submitted(world, five_day_procedure, travel):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    # The submission's own message is not what these tests look at.
    OutboxMessage.objects.all().delete()
    Notification.objects.all().delete()
    mail.outbox.clear()
    return dossier


@pytest.fixture(autouse=True)
def _sms_file(settings, tmp_path):
    settings.MOTCUA_SMS_FILE = tmp_path / "sms.jsonl"


@pytest.fixture
def no_worker(settings):
    """Enqueued tasks go nowhere: as if no worker ran, or the enqueue was lost."""
    settings.TASKS = DUMMY_TASKS


def sms_lines() -> list[dict]:
    path = settings.MOTCUA_SMS_FILE
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] \
        if path.exists() else []


def test_acceptance_queues_one_message_in_the_same_transaction(submitted, desk_officer,
                                                               no_worker):
    dossier_accept(dossier=submitted, actor=desk_officer)

    (message,) = OutboxMessage.objects.all()
    assert message.topic == "notify.dossier"
    assert message.dossier_id == submitted.pk
    assert message.state == OutboxMessage.State.PENDING
    assert mail.outbox == []  # nothing is sent before a worker runs it


def test_a_rolled_back_change_queues_nothing(submitted, desk_officer, no_worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        dossier_accept(dossier=submitted, actor=desk_officer)
        raise RuntimeError("the request failed after the service")

    assert not OutboxMessage.objects.exists()


def test_the_same_key_is_queued_once(db, no_worker):
    first = services.outbox_put(topic="notify.dossier", key="k-1", payload={})
    second = services.outbox_put(topic="notify.dossier", key="k-1", payload={})

    assert first is not None and second is None
    assert OutboxMessage.objects.count() == 1


def test_the_sweep_sends_what_no_worker_ran_and_only_once(submitted, desk_officer, no_worker):
    dossier_accept(dossier=submitted, actor=desk_officer)

    assert services.outbox_sweep() == 1
    assert services.outbox_sweep() == 0

    (message,) = mail.outbox
    assert "Đã tiếp nhận" in message.subject
    assert OutboxMessage.objects.get().state == OutboxMessage.State.DONE


def test_a_failing_send_is_retried_with_backoff_then_given_up(submitted, desk_officer, no_worker,
                                                             settings, travel):
    settings.MOTCUA_OUTBOX_MAX_ATTEMPTS = 3
    dossier_accept(dossier=submitted, actor=desk_officer)
    message = OutboxMessage.objects.get()
    with mock.patch("motcua.notify.channels.send_mail", side_effect=OSError("SMTP down")):
        assert services.outbox_run(message_id=message.pk) is False
        message.refresh_from_db()
        assert message.state == OutboxMessage.State.PENDING
        assert message.attempts == 1
        assert "SMTP down" in message.last_error
        assert message.next_attempt_at == now() + timedelta(seconds=30)
        # Not due yet: the sweep leaves it.
        assert services.outbox_sweep() == 0
        for _ in range(2):
            travel(message.next_attempt_at + timedelta(seconds=1))
            services.outbox_sweep()
            message.refresh_from_db()

    assert message.state == OutboxMessage.State.FAILED
    assert message.attempts == 3
    # An administrator retries it once the mail server is back: it goes out once.
    assert services.outbox_retry(message_ids=[message.pk]) == 1
    assert services.outbox_sweep() == 1
    assert len(mail.outbox) == 1


def test_a_retry_does_not_resend_the_channels_that_went_out(submitted, desk_officer, no_worker):
    dossier_accept(dossier=submitted, actor=desk_officer)
    message = OutboxMessage.objects.get()
    with mock.patch("motcua.notify.channels.send_mail", side_effect=OSError("SMTP down")):
        services.outbox_run(message_id=message.pk)
    assert len(sms_lines()) == 1  # the SMS went out, the e-mail did not

    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=now())
    assert services.outbox_run(message_id=message.pk) is True

    assert len(sms_lines()) == 1
    assert len(mail.outbox) == 1
    states = dict(Notification.objects.values_list("channel", "state"))
    assert states == {"email": "sent", "sms": "sent"}


def test_a_worker_killed_mid_job_lets_another_take_it_after_the_lease(submitted, desk_officer,
                                                                     no_worker, travel):
    dossier_accept(dossier=submitted, actor=desk_officer)
    message = OutboxMessage.objects.get()
    # A worker claimed it and died before finishing.
    assert services._claim(OutboxMessage.objects.filter(pk=message.pk), at=now())
    assert services.outbox_sweep() == 0  # still leased

    travel(now() + timedelta(seconds=settings.MOTCUA_OUTBOX_LEASE_SECONDS + 1))

    assert services.outbox_sweep() == 1
    assert len(mail.outbox) == 1


def test_sms_is_short_and_without_diacritics(submitted, desk_officer,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_accept(dossier=submitted, actor=desk_officer)

    (sms,) = sms_lines()
    assert sms["to"] == submitted.applicant_phone
    assert sms["text"] == f"Ho so {dossier.code}: Da tiep nhan. Hen tra 08:00 16/03/2026."


def test_the_citizen_chooses_email_only(submitted, desk_officer, world,
                                        django_capture_on_commit_callbacks):
    Preference.objects.create(user=world.citizen, email=True, sms=False)

    with django_capture_on_commit_callbacks(execute=True):
        dossier_accept(dossier=submitted, actor=desk_officer)

    assert len(mail.outbox) == 1
    assert sms_lines() == []


def test_each_periodic_job_runs_once_per_period(db, travel):
    calls = []
    job = Job("test-job", timedelta(minutes=15), "builtins.list")
    with mock.patch.object(Job, "run", lambda self: calls.append(self.name)):
        assert jobs_run_due([job]) == ["test-job"]
        assert jobs_run_due([job]) == []  # a second scheduler in the same period
        travel(now() + timedelta(minutes=16))
        assert jobs_run_due([job]) == ["test-job"]
    assert calls == ["test-job", "test-job"]

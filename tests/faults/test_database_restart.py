"""The database goes away (a restart drops every connection) in the middle of work: the
request or job fails cleanly, nothing is half-written, and once the database is back the work
is done exactly once. PostgreSQL only: it terminates the test's own server connection."""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.db import OperationalError, connection

from motcua.core.clock import now
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.services.intake import dossier_accept
from motcua.dossiers.statuses import Status
from motcua.notify.models import Notification
from motcua.outbox import services as outbox
from motcua.outbox.models import OutboxMessage
from tests.factories.dossiers import dossier_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def database_restarts() -> None:
    """What a restart does to this process: its server connection is terminated."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")


def reconnect() -> None:
    """What every request and task does next: drop the dead connection, open a new one."""
    try:
        connection.close()
    except Exception:
        connection.connection = None


@pytest.fixture
def submitted(world, five_day_procedure, travel, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    OutboxMessage.objects.all().delete()
    Notification.objects.all().delete()
    mail.outbox.clear()
    return dossier


def test_a_change_cut_off_by_a_restart_leaves_nothing_and_can_be_done_again(submitted,
                                                                         desk_officer):
    events = DossierEvent.objects.filter(dossier=submitted).count()
    real_put = outbox.outbox_put

    def restart_midway(**kwargs):
        database_restarts()  # after the dossier row and the event were written
        return real_put(**kwargs)

    with mock.patch("motcua.dossiers.notifications.outbox_put", restart_midway), \
            pytest.raises(OperationalError):
        dossier_accept(dossier=submitted, actor=desk_officer)
    reconnect()

    unchanged = Dossier.objects.get(pk=submitted.pk)
    assert unchanged.status == Status.SUBMITTED and unchanged.version == submitted.version
    assert DossierEvent.objects.filter(dossier=submitted).count() == events
    assert not OutboxMessage.objects.exists()

    dossier_accept(dossier=unchanged, actor=desk_officer)
    assert Dossier.objects.get(pk=submitted.pk).status == Status.RECEIVED
    assert OutboxMessage.objects.filter(topic="notify.dossier").count() == 1


def test_a_job_cut_off_by_a_restart_runs_once_when_the_database_is_back(submitted,
                                                                        desk_officer, travel):
    dossier_accept(dossier=submitted, actor=desk_officer)
    message = OutboxMessage.objects.get(topic="notify.dossier")
    real_get_or_create = Notification.objects.get_or_create

    def restart_before_sending(*args, **kwargs):
        database_restarts()
        return real_get_or_create(*args, **kwargs)

    with mock.patch.object(Notification.objects, "get_or_create", restart_before_sending), \
            pytest.raises(OperationalError):
        outbox.outbox_run(message_id=message.pk)
    reconnect()
    assert mail.outbox == []  # nothing left the building
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.PENDING and message.locked_until is not None

    travel(now() + timedelta(seconds=settings.MOTCUA_OUTBOX_LEASE_SECONDS + 1))
    assert outbox.outbox_sweep() == 1
    assert outbox.outbox_sweep() == 0

    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.get(pk=message.pk).state == OutboxMessage.State.DONE

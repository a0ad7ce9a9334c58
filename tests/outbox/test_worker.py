"""With the database task backend, a committed change leaves a task row that `motcua
db_worker` runs: the message goes out once the worker runs, not before."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from motcua.dossiers.services.intake import dossier_accept
from motcua.dossiers.statuses import Status
from motcua.outbox.models import OutboxMessage
from tests.factories.dossiers import dossier_in


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_what_the_committed_change_queued(world, five_day_procedure,
                                                             database_tasks):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    mail.outbox.clear()

    dossier_accept(dossier=dossier, actor=world.desk_officer)
    accepted = OutboxMessage.objects.get(topic="notify.dossier", payload__action="accept")
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").exists()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    accepted.refresh_from_db()
    assert accepted.state == OutboxMessage.State.DONE
    assert [m.subject for m in mail.outbox if "Đã tiếp nhận" in m.subject] == [
        f"Hồ sơ {dossier.code}: Đã tiếp nhận"]

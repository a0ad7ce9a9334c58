"""With the database task backend, a committed change leaves a task row that `motcua
db_worker` runs: the message goes out once the worker runs, not before; a row a killed worker
left "running" is closed."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from motcua.dossiers.services.intake import dossier_accept
from motcua.dossiers.statuses import Status
from motcua.outbox.models import OutboxMessage
from motcua.outbox.periodic import JOBS
from motcua.outbox.services import WORKER_LOST, tasks_abandoned_close
from motcua.outbox.tasks import outbox_deliver
from tests.factories.dossiers import dossier_in, vn


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


@pytest.mark.django_db
def test_a_task_row_left_running_by_a_killed_worker_is_closed_as_failed(
        database_tasks, travel, settings):
    """The worker died mid-task (tests/faults/ kills one): its row would say "running"
    forever. Two leases later the scheduler's job closes it; a task still within that time
    stays running."""
    settings.MOTCUA_OUTBOX_LEASE_SECONDS = 300
    travel(vn(2026, 3, 9, 9))
    lost, alive = (DBTaskResult.objects.get(pk=outbox_deliver.enqueue(n).id) for n in (1, 2))
    lost.claim("worker-killed")
    travel(vn(2026, 3, 9, 9, 9))
    alive.claim("worker-alive")
    travel(vn(2026, 3, 9, 9, 11))  # 11 minutes after the first claim, 2 after the second

    assert tasks_abandoned_close() == 1

    lost.refresh_from_db()
    alive.refresh_from_db()
    assert (lost.status, lost.exception_class_path) == ("FAILED", WORKER_LOST)
    assert "taken again by another worker" in lost.traceback
    assert alive.status == "RUNNING"
    assert "tasks-abandoned" in [job.name for job in JOBS]

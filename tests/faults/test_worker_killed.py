"""A worker process is killed (SIGKILL: no clean-up) in the middle of a job: with two
`motcua db_worker` processes, the other worker goes on, the killed job's lease runs out and the
scheduler's sweep runs it again, and in the end every job is done once. The single-process
version of the lease is tests/outbox/test_worker.py and tests/faults/test_database_restart.py;
this one is across real processes.

The slow job is the national-portal sync against the fake portal, which answers late."""

import signal
import threading
import time
from collections import Counter

import pytest
from django.db.models.functions import Now
from django_tasks_db.models import DBTaskResult

from motcua.dossiers.services.intake import dossier_accept
from motcua.dossiers.statuses import Status
from motcua.notify.models import Notification
from motcua.outbox.models import OutboxMessage
from motcua.outbox.services import WORKER_LOST, tasks_abandoned_close
from motcua.sync.fake_portal import FakePortal
from tests import processes
from tests.factories.dossiers import dossier_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PORTAL_PORT = 8423
LEASE_SECONDS = 3
PORTAL_DELAY = 1.5  # each sync request takes this long to be answered
DOSSIERS = 3
DONE = OutboxMessage.State.DONE


class SlowPortal(FakePortal):
    """The fake portal, answering late; `arrived` counts requests as soon as they come in
    (a request the killed worker sent is stored by the portal after the worker is gone)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.arrived = 0
        self.in_flight: set[tuple[str, str]] = set()  # (service, MaHoSo) not answered yet
        self._arrived_lock = threading.Lock()

    def answer(self, path, body, authorization):
        item = (body.get("service"), (body.get("data") or [{}])[0].get("MaHoSo"))
        with self._arrived_lock:
            self.arrived += 1
            self.in_flight.add(item)
        time.sleep(PORTAL_DELAY)
        with self._arrived_lock:
            self.in_flight.discard(item)
        return super().answer(path, body, authorization)


@pytest.fixture
def portal():
    fake = SlowPortal(port=PORTAL_PORT).start()
    yield fake
    fake.stop()


@pytest.fixture
def deployment(transactional_db, world, five_day_procedure, portal, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MOTCUA_SYNC_URL = portal.url
    yield from processes.started(
        tmp_path / "deployment", MOTCUA_SYNC_URL=portal.url, MOTCUA_SYNC_TIMEOUT="10",
        MOTCUA_OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS))


def _sent(portal: FakePortal) -> Counter:
    """How many times the portal received each record or step."""
    seen = Counter()
    for envelope in portal.requests:
        for item in envelope.get("data", []):
            if envelope["service"] == "DongBoHoSoMC":
                seen["record", item["MaHoSo"]] += 1
            else:
                seen["step", item["MaHoSo"], item["ThoiDiemXuLy"], item["TrangThai"]] += 1
    return seen


def _state(portal) -> str:
    rows = OutboxMessage.objects.values_list("pk", "topic", "state", "attempts", "last_error")
    return f"portal: {portal.arrived} arrived, {len(portal.requests)} answered\n" + "\n".join(
        map(str, rows)) + "\n"


SERVICES = {"sync.dossier": "DongBoHoSoMC", "sync.progress": "CapNhatTienDoHoSoMC"}


def _job_waiting_for_the_portal(portal: SlowPortal):
    """(worker id, outbox message) of a sync job whose request the portal is answering."""
    for task in DBTaskResult.objects.filter(status="RUNNING"):
        message = OutboxMessage.objects.filter(
            pk=task.args_kwargs["args"][0], topic__in=SERVICES,
            state=OutboxMessage.State.PENDING, locked_until__isnull=False,
        ).select_related("dossier").first()
        if message and (SERVICES[message.topic], message.dossier.code) in portal.in_flight:
            return task.worker_ids[-1], message
    return None


def test_a_job_of_a_killed_worker_is_run_again_and_every_job_is_done_once(
        deployment, world, five_day_procedure, portal, settings):
    submitted = [dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
                 for _ in range(DOSSIERS)]
    OutboxMessage.objects.all().delete()
    DBTaskResult.objects.all().delete()
    workers = {name: deployment.worker(name) for name in ("worker-1", "worker-2")}

    for dossier in submitted:  # each acceptance queues its message and two sync records
        dossier_accept(dossier=dossier, actor=world.desk_officer)
    messages = OutboxMessage.objects.all()
    assert Counter(messages.values_list("topic", flat=True)) == {
        "notify.dossier": DOSSIERS, "sync.dossier": DOSSIERS, "sync.progress": DOSSIERS}

    # Kill a worker while its request to the portal is on the way.
    victim, job = processes.wait_until(
        lambda: _job_waiting_for_the_portal(portal), timeout=60, interval=0.05,
        explain=lambda: _state(portal) + deployment.logs())
    workers[victim].kill(signal.SIGKILL)
    workers[victim].process.wait(10)
    survivor = next(w for name, w in workers.items() if name != victim)
    assert survivor.alive(), deployment.logs()

    # Its job is held by the dead worker's lease until the lease runs out …
    assert OutboxMessage.objects.get(pk=job.pk).state == OutboxMessage.State.PENDING
    processes.wait_until(
        lambda: OutboxMessage.objects.filter(pk=job.pk, locked_until__lt=Now()).exists(),
        timeout=LEASE_SECONDS + 10, explain=deployment.logs)
    # … then the scheduler's outbox sweep runs it (and races the survivor for the rest).
    scheduler = deployment.command("scheduler", "scheduler", "--once")
    assert deployment.wait(scheduler) == 0, deployment.logs()
    processes.wait_until(lambda: not messages.exclude(state=DONE).exists(), timeout=40,
                         explain=deployment.logs)

    # Every job done once: each marked done after one successful run.
    assert sorted(messages.values_list("attempts", flat=True)) == [1] * DOSSIERS * 3
    # The killed worker's task never finished: the outbox, not the task row, brought the work
    # back. Two leases after it started, the scheduler's "tasks-abandoned" job closes the row
    # as failed (called here: the scheduler above may have run before those two leases).
    settings.MOTCUA_OUTBOX_LEASE_SECONDS = LEASE_SECONDS
    running = DBTaskResult.objects.filter(status="RUNNING")
    processes.wait_until(lambda: tasks_abandoned_close() >= 0 and not running.exists(),
                         timeout=2 * LEASE_SECONDS + 10, explain=deployment.logs)
    closed = DBTaskResult.objects.filter(status="FAILED")
    assert [(t.worker_ids, t.args_kwargs["args"], t.exception_class_path) for t in closed] == [
        ([victim], [job.pk], WORKER_LOST)]
    finished = DBTaskResult.objects.exclude(status="FAILED")
    assert Counter(finished.values_list("status", flat=True)) == {
        "SUCCESSFUL": DOSSIERS * 3 - 1}
    assert all(len(t.worker_ids) == 1 for t in finished)

    # The portal got every record and step; only the killed job's request came twice (handlers
    # run at least once; the portal keys records by MaHoSo and steps by their content).
    codes = {d.code for d in submitted}
    assert set(portal.records) == codes
    assert len(portal.progress) == DOSSIERS
    sent = _sent(portal)
    assert len(sent) == DOSSIERS * 2
    killed = ("record", job.dossier.code) if job.topic == "sync.dossier" else next(
        item for item in sent if item[0] == "step" and item[1] == job.dossier.code)
    assert sent.pop(killed) == 2
    assert set(sent.values()) == {1}, sent
    # The applicants' messages, which no one killed, went out once each.
    sms = Notification.objects.filter(channel="sms", state=Notification.State.SENT)
    assert sms.count() == DOSSIERS
    lines = (deployment.directory / "sms.jsonl").read_text().splitlines()
    assert len(lines) == DOSSIERS

"""Two web processes (granian, on two ports) and two workers (`motcua db_worker`) against one
PostgreSQL database behave as one system: a session made on one web process is valid on the
other, a file uploaded through one is served by the other, every task the changes queued runs
once whichever worker takes it, and the statistics' rollups are recounted once and right when
two schedulers run side by side (test_object_storage.py: the same with files in an
S3-compatible store). Real processes, real HTTP on loopback
(docs/architecture.md "Scale-out and faults").

PostgreSQL only: the processes share the test's database, so the test commits its rows."""

import json
from collections import Counter
from datetime import date

import pytest
import requests
from django_tasks_db.models import DBTaskResult

from motcua.core.clock import local, now
from motcua.dossiers.models import Dossier
from motcua.notify.models import Notification
from motcua.outbox.models import OutboxMessage
from motcua.reports.models import Rollup, RollupStale
from motcua.reports.rollups import rollup_refresh
from tests import processes
from tests.factories.dossiers import components_for
from tests.scaleout.browsing import (
    APPLICANT,
    DOSSIERS,
    TIMEOUT,
    WEB_A,
    WEB_B,
    signed_in,
    uploaded_on_a_downloaded_on_b,
    with_real_password,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

@pytest.fixture
def deployment(transactional_db, world, five_day_procedure, tmp_path):
    """Web A and web B, worker 1 and worker 2, sharing the database and a media directory."""
    yield from processes.started(tmp_path / "deployment")


@pytest.fixture
def system(deployment):
    web_a = deployment.web("web-a", WEB_A, wait=False)
    web_b = deployment.web("web-b", WEB_B, wait=False)
    deployment.worker("worker-1")
    deployment.worker("worker-2")
    for web in (web_a, web_b):  # the four start side by side
        deployment.wait_until_serving(web)
    return deployment, web_a.url, web_b.url


def test_two_web_processes_and_two_workers_behave_as_one_system(system, world,
                                                                 five_day_procedure):
    deployment, web_a, web_b = system
    citizen = with_real_password(world.citizen)
    from motcua.api.tokens import api_token_create

    desk_token = api_token_create(user=world.desk_officer, name="scale-out")[1]
    desk = {"Authorization": f"Bearer {desk_token}"}

    # --- Sessions live in the database: signed in on A, known on B. ---
    browser = signed_in(web_a, citizen)
    profile = browser.get(f"{web_b}/tai-khoan/", allow_redirects=False, timeout=TIMEOUT)
    assert profile.status_code == 200, deployment.logs()
    assert str(citizen) in profile.text
    stranger = requests.get(f"{web_b}/tai-khoan/", allow_redirects=False, timeout=TIMEOUT)
    assert stranger.status_code == 302  # B does not let just anyone in

    # --- An upload through A is served by B (the media directory is shared). ---
    body = {"procedure": five_day_procedure.code, "receiving_unit": world.unit.code,
            "applicant": APPLICANT}
    dossier_id, _, _ = uploaded_on_a_downloaded_on_b(browser, web_a, web_b, body)

    # --- Changes through both web processes; every task they queued runs once. ---
    accepted = requests.post(f"{web_a}{DOSSIERS}/{dossier_id}/accept", json={}, headers=desk,
                             timeout=TIMEOUT)
    assert accepted.status_code == 200, accepted.text
    receipt = {**body, "components": [{"name": c.name, "originals": 1,
                                       "component_id": c.component_id}
                                      for c in components_for(five_day_procedure)]}
    made = []
    for n in range(6):
        web = (web_a, web_b)[n % 2]
        answer = requests.post(f"{web}{DOSSIERS}/receipts", json=receipt, timeout=TIMEOUT,
                               headers={**desk, "Idempotency-Key": f"scale-out-{n}"})
        assert answer.status_code == 201, answer.text
        made.append(answer.json()["id"])
    again = requests.post(f"{web_b}{DOSSIERS}/receipts", json=receipt, timeout=TIMEOUT,
                          headers={**desk, "Idempotency-Key": "scale-out-0"})  # A's, retried on B
    assert again.status_code in (200, 201) and again.json()["id"] == made[0]
    assert Dossier.objects.count() == 7
    # Two schedulers start now, side by side (a Django process takes seconds to start): their
    # outbox sweep races the workers for the messages, and their rollup job recounts the
    # months the changes marked stale.
    assert RollupStale.objects.exists()
    first = deployment.command("scheduler-1", "scheduler", "--once")
    second = deployment.command("scheduler-2", "scheduler", "--once")

    messages = OutboxMessage.objects.filter(topic="notify.dossier")
    # submit + accept of the online dossier, one receipt each for the six at the desk
    assert messages.count() == 8
    processes.wait_until(
        lambda: not messages.exclude(state=OutboxMessage.State.DONE).exists(), timeout=30,
        explain=deployment.logs)
    assert sorted(messages.values_list("attempts", flat=True)) == [1] * 8
    tasks = DBTaskResult.objects.filter(task_path="motcua.outbox.tasks.outbox_deliver")
    assert tasks.count() == 8
    assert Counter(tasks.values_list("status", flat=True)) == {"SUCCESSFUL": 8}
    assert all(len(t.worker_ids) == 1 for t in tasks)  # each taken by one worker only
    assert {w for t in tasks for w in t.worker_ids} <= {"worker-1", "worker-2"}
    # One e-mail and one SMS per message, once each, whoever ran it.
    notifications = Notification.objects.filter(state=Notification.State.SENT)
    assert Counter(notifications.values_list("channel", flat=True)) == {"email": 8, "sms": 8}
    sms_lines = [json.loads(line) for line in
                 (deployment.directory / "sms.jsonl").read_text().splitlines()]
    assert sorted(line["key"] for line in sms_lines) == sorted(
        notifications.filter(channel="sms").values_list("key", flat=True))

    # --- Two schedulers side by side: the stale months are recounted once, and right. ---
    assert deployment.wait(first) == 0 and deployment.wait(second) == 0, deployment.logs()
    ran = first.output() + second.output()
    assert ran.count("ran rollups-stale") == 1, ran
    assert not RollupStale.objects.exists()
    month = date(local(now()).year, local(now()).month, 1)
    counted = Rollup.objects.filter(unit=world.unit, month=month)
    by_channel = {r.channel: r.received for r in counted}
    assert by_channel == {1: 6, 2: 1}  # six at the counter, one online
    recounted_here = _figures(counted)
    rollup_refresh(unit_ids=[world.unit.pk], months=[month])
    assert _figures(counted) == recounted_here  # the same as a recount from scratch

    # The public statistics, read through B, show what came in through A and B.
    stats = requests.get(f"{web_b}/thong-ke/du-lieu.json",
                         params={"unit": world.unit.code,
                                 "month": f"{month.month:02d}/{month.year}"}, timeout=TIMEOUT)
    assert stats.status_code == 200, stats.text[:500]
    shown = {row["thang"]: row for row in stats.json()["thang"]}[f"{month:%Y-%m}"]
    assert (shown["tiep_nhan"], shown["truc_tiep"], shown["truc_tuyen"]) == (7, 6, 1)


def _figures(rollups) -> list[tuple]:
    fields = [f.name for f in Rollup._meta.fields if f.name not in {"id", "refreshed_at"}]
    return sorted(tuple(row) for row in rollups.values_list(*fields))


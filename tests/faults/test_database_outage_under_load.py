"""PostgreSQL goes away for a few seconds while clients keep using a real web process
(granian): requests during the outage fail cleanly (a 5xx answer without a traceback, no
hang), requests after it succeed again at once, and every dossier a client saw created exists
exactly once and whole (a client retries with its Idempotency-Key, as the API asks).

By default only the test's database goes away (tests/faults/outage.py);
MOTCUA_FAULTS_REAL_RESTART=1 restarts the whole server. PostgreSQL only."""

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest
import requests

from motcua.api.tokens import api_token_create
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.outbox.models import OutboxMessage
from tests import processes
from tests.factories.dossiers import components_for
from tests.faults.outage import database_down, reconnect

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

WEB = 8422
WEB_THREADS = 8
OUTAGE_SECONDS = 3.0
BEFORE_SECONDS, AFTER_SECONDS = 2.0, 6.0
REQUEST_TIMEOUT = 10.0  # a request that takes longer is a hang
GRACE_SECONDS = 2.0  # after the database is back, every request must succeed after this
APPLICANT = {"name": "Đỗ Thị Lan", "id_number": "099090111222", "phone": "0909123456",
             "address": "Thôn 3, xã Thử Nghiệm"}
LEAKS = ("Traceback", "OperationalError", "psycopg", "File \"/", "settings.py")


@dataclass
class Attempt:
    kind: str
    started: float
    ended: float
    status: int | None  # None: no answer (connection refused, timeout)
    body: str
    key: str = ""
    dossier_id: int | None = None
    timed_out: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)  # case-insensitive from requests


class Load:
    """A few clients: writers make desk receipts (each retried with its key until it is
    made), readers look a dossier up."""

    def __init__(self, base_url: str, token: str, body: dict, lookup: dict):
        self.base_url, self.body, self.lookup = base_url, body, lookup
        self.headers = {"Authorization": f"Bearer {token}"}
        self.attempts: list[Attempt] = []
        self.made: dict[str, int] = {}  # key → dossier id the client was told
        self.stop = threading.Event()

    def _call(self, kind: str, method: str, path: str, key: str = "", **kwargs) -> Attempt:
        started = time.monotonic()
        status, body, timed_out, headers = None, "", False, {}
        try:
            answer = requests.request(method, f"{self.base_url}{path}",
                                      timeout=REQUEST_TIMEOUT, **kwargs)
            status, body, headers = answer.status_code, answer.text, answer.headers
        except requests.Timeout:
            timed_out = True
        except requests.ConnectionError as error:
            body = str(error)
        attempt = Attempt(kind, started, time.monotonic(), status, body, key,
                          timed_out=timed_out, headers=headers)
        self.attempts.append(attempt)
        return attempt

    def writer(self) -> None:
        while not self.stop.is_set():
            key = f"outage-{uuid.uuid4()}"
            while True:  # the same key until the dossier is made: a client's retry
                attempt = self._call("write", "POST", "/api/v1/dossiers/receipts", key=key,
                                     json=self.body,
                                     headers={**self.headers, "Idempotency-Key": key})
                if attempt.status in (200, 201):
                    attempt.dossier_id = self.made[key] = int(
                        json.loads(attempt.body)["id"])
                    break
                if self.stop.is_set():
                    break
                time.sleep(0.2)

    def reader_once(self) -> None:
        self._call("warm", "GET", "/api/v1/lookup", params=self.lookup)

    def reader(self) -> None:
        while not self.stop.is_set():
            self._call("read", "GET", "/api/v1/lookup", params=self.lookup)
            time.sleep(0.05)


@pytest.fixture
def deployment(transactional_db, world, five_day_procedure, tmp_path):
    yield from processes.started(tmp_path / "deployment")
    reconnect()


def test_requests_fail_cleanly_during_a_database_outage_and_nothing_is_lost_or_doubled(
        deployment, world, five_day_procedure):
    web = deployment.web("web", WEB, threads=WEB_THREADS)
    token = api_token_create(user=world.desk_officer, name="outage")[1]
    body = {"procedure": five_day_procedure.code, "receiving_unit": world.unit.code,
            "applicant": APPLICANT,
            "components": [{"name": c.name, "originals": 1, "component_id": c.component_id}
                           for c in components_for(five_day_procedure)]}
    first = requests.post(f"{web.url}/api/v1/dossiers/receipts", json=body, timeout=30,
                          headers={"Authorization": f"Bearer {token}"})
    assert first.status_code == 201, first.text + deployment.logs()
    load = Load(web.url, token, body, {"code": first.json()["code"], "digits": "3456"})
    # Every thread of the web process opens its persistent connection; the clients below keep
    # fewer of them busy, so some connections sit idle through the outage (a quiet hour).
    burst = [threading.Thread(target=load.reader_once) for _ in range(WEB_THREADS * 2)]
    for thread in burst:
        thread.start()
    for thread in burst:
        thread.join(REQUEST_TIMEOUT)
    clients = [threading.Thread(target=load.writer) for _ in range(3)]
    clients += [threading.Thread(target=load.reader) for _ in range(2)]
    for client in clients:
        client.start()
    try:
        time.sleep(BEFORE_SECONDS)
        down_at = time.monotonic()
        database_down(OUTAGE_SECONDS)
        back_at = time.monotonic()
        time.sleep(AFTER_SECONDS)
    finally:
        load.stop.set()
        for client in clients:
            client.join(REQUEST_TIMEOUT * 2)
    reconnect()  # this process's connection was cut as well
    attempts = load.attempts
    explain = "\n".join(f"{a.kind} {a.started - down_at:+.2f}s→{a.ended - down_at:+.2f}s "
                        f"{a.status} {a.body[:120]!r}" for a in attempts
                        if a.status not in (200, 201))

    # Before and after the outage the clients got answers; during it some failed.
    assert any(a.status in (200, 201) for a in attempts if a.ended < down_at)
    failed = [a for a in attempts if a.status not in (200, 201)]
    assert failed, "the outage did not reach the web process"
    # No hang: every request got an answer within the timeout.
    assert not [a for a in attempts if a.timed_out], explain
    # Failing cleanly: "try again shortly" (503, Retry-After), no traceback or database
    # message in the answer.
    assert {a.status for a in failed} == {503}, explain
    assert all("Retry-After" in a.headers for a in failed), explain
    assert not [a for a in failed if any(leak in a.body for leak in LEAKS)], explain
    # Recovery: every request started once the database had been back a moment succeeded.
    late = [a for a in failed if a.started > back_at + GRACE_SECONDS]
    assert not late, explain
    for kind in ("read", "write"):
        assert any(a.status in (200, 201) and a.started > back_at for a in attempts
                   if a.kind == kind), explain

    # Every dossier a client saw made exists exactly once, whole; none was made twice.
    ours = Dossier.objects.filter(idempotency_key__startswith="outage-")
    assert load.made and set(load.made) <= set(ours.values_list("idempotency_key", flat=True))
    for key, dossier_id in load.made.items():
        assert ours.get(idempotency_key=key).pk == dossier_id
    assert Counter(ours.values_list("code", flat=True)).most_common(1)[0][1] == 1
    # Nothing half-written: every dossier has its receipt event and the applicant's message.
    for dossier in ours:
        assert DossierEvent.objects.filter(dossier=dossier).exists(), dossier.code
        assert OutboxMessage.objects.filter(dossier=dossier, topic="notify.dossier").exists()
    # A key made at most one dossier (unique in the database; the client saw its one id).
    assert ours.count() == len(set(ours.values_list("idempotency_key", flat=True)))
    # Writes cut by the outage were retried and made, not lost.
    assert ours.count() >= len(load.made)
    orphans = ours.exclude(idempotency_key__in=list(load.made))
    # Only a write still being retried when the clients stopped may be unknown to them.
    assert orphans.count() <= 3


def test_the_first_requests_after_a_quiet_restart_succeed(deployment, world):
    """The database restarts at night while no one uses the site: the web process's idle
    persistent connections are dead, and the morning's first requests must not be the ones
    that find out (CONN_HEALTH_CHECKS)."""
    web = deployment.web("web", WEB, threads=WEB_THREADS)
    token = api_token_create(user=world.desk_officer, name="outage")[1]
    load = Load(web.url, token, {}, {"code": "KHONG-CO", "digits": "0000"})
    morning = [threading.Thread(target=load.reader_once) for _ in range(WEB_THREADS * 2)]
    for thread in morning:  # every thread of the web process opens its connection
        thread.start()
    for thread in morning:
        thread.join(REQUEST_TIMEOUT)
    assert {a.status for a in load.attempts} == {404}, deployment.logs()  # an unknown code

    database_down(1.0)  # nobody is asking
    reconnect()

    load.attempts.clear()
    morning = [threading.Thread(target=load.reader_once) for _ in range(WEB_THREADS * 2)]
    for thread in morning:
        thread.start()
    for thread in morning:
        thread.join(REQUEST_TIMEOUT)
    assert [a.status for a in load.attempts] == [404] * WEB_THREADS * 2, [
        (a.status, a.body[:100]) for a in load.attempts]

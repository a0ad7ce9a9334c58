"""Smoke test of the load test's scenarios (bench/load/, docs/performance.md): on a small seed,
prepared by bench/load/prepare.py, every locust scenario walks its pages against a live server
for a few seconds without think time — sign-in, the look-up, the catalog, the whole submission
wizard with its uploads, the inbox, the desk receipt — and no request fails.

It asserts what the scenarios did, never how fast: timing belongs to `make load`, which runs
this test first (MOTCUA_LOAD_SMOKE=1). Elsewhere it is skipped: seeding, a live server and a
locust process take about a minute, too long for every run of the suite.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bench.load import prepare

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Channel, Status
from motcua.reports.seeding import seed_dossiers

ROOT = Path(__file__).resolve().parents[2]
LOCUST = Path(sys.executable).with_name("locust")
SCENARIOS = ("LookupVisitor", "CatalogVisitor", "Citizen", "Specialist", "DeskOfficer")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.environ.get("MOTCUA_LOAD_SMOKE") != "1",
                       reason="runs in `make load` (MOTCUA_LOAD_SMOKE=1)"),
]


@pytest.fixture
def plan(tmp_path, settings):
    settings.MOTCUA_LOOKUP_RATE = "100000/min"
    settings.MOTCUA_STAFF_OTP_REQUIRED = False
    seed_dossiers(n=300, years=1)
    data = prepare.prepare()
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


def _locust(live_server, plan: Path, samples: Path, seconds: int = 15):
    env = {**os.environ, "MOTCUA_LOAD_PLAN": str(plan), "MOTCUA_LOAD_SAMPLES": str(samples),
           "MOTCUA_LOAD_MEASURE": str(seconds), "MOTCUA_LOAD_FAST": "1",
           "MOTCUA_LOAD_EACH": "1"}
    return subprocess.run(
        [str(LOCUST), "-f", str(ROOT / "bench" / "load" / "locustfile.py"), "--headless",
         "-u", str(len(SCENARIOS)), "-r", str(len(SCENARIOS)), "-t", f"{seconds + 40}s",
         "--only-summary", "--loglevel", "WARNING", "-H", live_server.url, *SCENARIOS],
        env=env, capture_output=True, text=True, timeout=seconds + 60, cwd=ROOT)


def test_every_scenario_walks_its_pages_without_a_failure(live_server, plan, tmp_path):
    before = Dossier.objects.count()
    samples = tmp_path / "samples.json"

    done = _locust(live_server, plan, samples)

    assert samples.exists(), done.stdout[-2000:] + done.stderr[-2000:]
    data = json.loads(samples.read_text())
    assert data["failures"] == {}, done.stdout[-3000:]
    counts = {name: len(times) for name, times in data["samples"].items()}
    assert counts["setup · sign-in"] == 3, counts  # the citizen, the specialist, the desk officer
    for name in ("read · look-up page", "read · look-up API", "read · catalog search",
                 "read · inbox (unit)", "write · desk receipt", "write · wizard uploads",
                 "write · wizard submit"):
        assert counts.get(name, 0) >= 1, (name, sorted(counts.items()), done.stdout[-3000:])
    # What the writes made is really there: dossiers received at the desk and submitted online.
    new = Dossier.objects.order_by("pk")[before:]
    assert {d.channel for d in new} >= {Channel.DIRECT, Channel.ONLINE}
    assert any(d.status == Status.SUBMITTED for d in new)

"""Smoke test of bench/bench_dossiers.py on a tiny seed (a second or two): `run()` keeps the
bench/run.py contract, its raw SQL ceilings return what the selectors return (it raises
otherwise), and it leaves the database as it found it."""

import pytest

from bench import bench_dossiers
from motcua.accounts.models import User
from motcua.agencies.models import Unit
from motcua.dossiers.models import Dossier, DossierStep

KEYS = {"name", "value", "unit", "target", "ceiling", "ratio"}
SELECTORS = ("inbox_unit", "inbox_mine", "desk_queue", "citizen_list", "lookup")

pytestmark = pytest.mark.django_db


def test_run_on_a_tiny_seed_keeps_the_contract_and_leaves_no_rows():
    rows = bench_dossiers.run(n=400, repeats=2)

    by_name = {row["name"]: row for row in rows}
    assert all(row.keys() >= KEYS for row in rows)
    assert by_name["dossiers.seeded"]["value"] == 400
    for selector in SELECTORS:
        timing = by_name[f"dossiers.{selector}_ms"]
        assert timing["value"] > 0 and timing["ceiling"] > 0
        assert timing["better"] == "lower"
        assert timing["ratio"] == pytest.approx(timing["value"] / timing["ceiling"], rel=0.01)
        assert by_name[f"dossiers.{selector}_uses_index"]["value"] in (0, 1)
    assert by_name["dossiers.inbox_unit_vs_raw"]["target"] == 2
    # Seeded and measured in a transaction rolled back at the end.
    assert not Dossier.objects.exists()
    assert not DossierStep.objects.exists()
    assert not Unit.objects.filter(code__startswith="B99.").exists()
    assert not User.objects.filter(username__startswith="bench-").exists()


def test_the_seed_has_open_dossiers_with_their_current_step():
    world = bench_dossiers.seed(300)

    open_ = Dossier.objects.filter(status__in=bench_dossiers.OPEN)
    assert open_.exists()
    assert not open_.filter(current_step__isnull=True).exists()
    assert not Dossier.objects.exclude(status__in=bench_dossiers.OPEN).filter(
        current_step__isnull=False).exists()
    assert DossierStep.objects.count() == open_.count() == world.counts["steps"]
    assert len(world.communes) == bench_dossiers.COMMUNES
    assert world.owners and world.lookups

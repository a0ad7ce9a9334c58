"""Smoke test of bench/bench_documents.py with one round: `run()` keeps the bench/run.py
contract, times every form on the demo data, and leaves the database as it found it."""

import pytest

from bench import bench_documents
from motcua.agencies.models import Unit
from motcua.dossiers.models import Dossier

KEYS = {"name", "value", "unit", "target", "ceiling", "ratio"}
FORMS = ("mau_01", "mau_02", "mau_03", "mau_04", "mau_05", "thong_bao_dung", "mau_06")

pytestmark = pytest.mark.django_db


def test_run_times_every_form_and_leaves_no_rows():
    rows = bench_documents.run(rounds=1)

    by_name = {row["name"]: row for row in rows}
    assert all(row.keys() >= KEYS for row in rows)
    bare = by_name["documents.bare_page_ms"]["value"]
    assert bare > 0
    for form in FORMS:
        figure = by_name[f"documents.{form}_ms_per_page"]
        assert figure["value"] > 0 and figure["ceiling"] == bare
        assert figure["target"] == 300 and figure["better"] == "lower"
        assert figure["ratio"] == pytest.approx(figure["value"] / bare, rel=0.02)
    assert not Dossier.objects.exists()
    assert not Unit.objects.exists()

"""The public statistics read rollups only, show no personal data, and offer CSV/JSON; the
late list names no applicant; rollups follow the dossiers they count."""

import csv
import io
import json
from datetime import date

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.statuses import Channel
from motcua.reports.models import Rollup
from motcua.reports.rollups import rollup_refresh, rollups_refresh_stale
from tests.factories.dossiers import vn
from tests.factories.reports import dossier_open, dossier_settled

pytestmark = pytest.mark.django_db
NOVEMBER = date(2026, 11, 1)


@pytest.fixture
def dossiers(world, five_day, frozen_now):
    made = [
        dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                        finished=vn(2026, 11, 4, 9), channel=Channel.ONLINE),
        dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                        finished=vn(2026, 11, 12, 9)),
        dossier_open(world=world, procedure=five_day, received=vn(2026, 11, 24, 9)),
    ]
    rollup_refresh(unit_ids=None, months=[NOVEMBER])
    return made


def page(client, province, **params):
    query = {"unit": province.code, "month": "11/2026", **params}
    return client.get("/thong-ke/", query)


def test_the_page_shows_the_month_from_rollups(client, province, dossiers):
    with CaptureQueriesContext(connection) as queries:
        response = page(client, province)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-figure="received">3<' in body
    assert 'data-figure="online">1<' in body
    assert 'data-figure="late">1 (50.0 %)<' in body or 'data-figure="late">1 (50,0 %)<' in body
    assert "dossiers_dossier" not in " ".join(q["sql"] for q in queries.captured_queries)


def test_no_personal_data_on_the_page(client, province, dossiers):
    body = page(client, province).content.decode()
    for dossier in dossiers:
        assert dossier.applicant_name not in body
        assert dossier.code not in body


def test_figures_change_only_when_rollups_are_refreshed(client, province, world, five_day,
                                                        dossiers):
    extra = dossier_open(world=world, procedure=five_day, received=vn(2026, 11, 25, 9))
    assert extra.received_at is not None
    assert 'data-figure="received">3<' in page(client, province).content.decode()
    rollups_refresh_stale()  # the scheduler's job: the months the new dossier made stale
    assert 'data-figure="received">4<' in page(client, province).content.decode()


def test_csv_and_json_downloads(client, province, dossiers):
    query = {"unit": province.code, "month": "11/2026"}
    response = client.get("/thong-ke/du-lieu.csv", query)
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 12 and rows[-1]["thang"] == "2026-11"
    assert rows[-1]["tiep_nhan"] == "3" and rows[-1]["qua_han"] == "1"
    data = json.loads(client.get("/thong-ke/du-lieu.json", query).content)
    assert data["thang"][-1]["truc_tuyen"] == 1
    assert data["thang"][-1]["ty_le_dung_han"] == 50.0


def test_the_late_list_has_codes_and_apologies_but_no_names(client, province, dossiers):
    body = client.get("/thong-ke/ho-so-tre-han/",
                      {"unit": province.code, "month": "11/2026"}).content.decode()
    late = dossiers[1]
    assert late.code in body and dossiers[0].code not in body
    assert late.applicant_name not in body
    assert "Chưa" in body  # no apology sent


def test_a_wrong_month_is_explained(client, province, dossiers):
    response = client.get("/thong-ke/", {"unit": province.code, "month": "13/2026"})
    body = response.content.decode()
    assert "error-summary" in body and "mm/yyyy" in body


def test_rollups_recount_the_same_totals(world, dossiers):
    before = sorted(Rollup.objects.values_list("received", "settled_late", "open_within"))
    rollup_refresh(unit_ids=[world.unit.pk], months=[NOVEMBER])
    assert sorted(Rollup.objects.values_list("received", "settled_late",
                                             "open_within")) == before


def test_the_periodic_jobs_refresh_rollups(world, five_day, dossiers):
    from motcua.reports.models import RollupStale
    from motcua.reports.rollups import rollups_refresh_recent

    dossier_open(world=world, procedure=five_day, received=vn(2026, 11, 25, 9))
    assert RollupStale.objects.filter(unit=world.unit, month=NOVEMBER).exists()
    rollups_refresh_stale()
    assert not RollupStale.objects.exists()
    assert Rollup.objects.filter(month=NOVEMBER).aggregate(n=Sum("received"))["n"] == 4
    Rollup.objects.all().delete()
    rollups_refresh_recent()
    assert Rollup.objects.filter(month=NOVEMBER).aggregate(n=Sum("received"))["n"] == 4

"""`motcua seed`: codes unique and numbered on from the day's counter, the classification
counts every seeded dossier once, rollups and Biểu 06 agree, the data is marked as sample."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from motcua.agencies.models import Unit
from motcua.dossiers.models import DailySequence, Dossier, DossierEvent
from motcua.reports.bieu06 import bieu06_report
from motcua.reports.models import Rollup
from motcua.reports.periods import Period
from motcua.reports.seeding import PROVINCE_CODE

pytestmark = pytest.mark.django_db
N = 400


@pytest.fixture
def seeded(frozen_now):
    call_command("seed", "--dossiers", str(N), "--years", "1", "--seed", "3")
    return Unit.objects.get(code=PROVINCE_CODE)


def test_codes_are_unique_and_follow_the_daily_sequence(seeded):
    codes = list(Dossier.objects.values_list("code", flat=True))
    assert len(codes) == N == len(set(codes))
    sequences = {(s.unit.code, s.day): s.last for s in DailySequence.objects.select_related("unit")}
    per_day = Dossier.objects.values("receiving_unit__code", "code").order_by()
    for row in per_day:
        unit_code, day, number = row["code"].rsplit("-", 2)
        key = (unit_code, date(2000 + int(day[:2]), int(day[2:4]), int(day[4:])))
        assert int(number) <= sequences[key]


def test_the_classification_counts_every_seeded_dossier_once(seeded):
    whole = Period(date(2025, 1, 1), date(2026, 11, 30))
    report = bieu06_report(unit=seeded, period=whole)
    assert report.total.received == N
    assert report.total.settled + report.total.in_progress == N
    assert report.total.settled == Dossier.objects.filter(finished_at__isnull=False).count()


def test_rollups_of_a_month_match_biểu_06(seeded):
    month = date(2026, 6, 1)
    report = bieu06_report(unit=seeded, period=Period.month(month)).total
    sums = Rollup.objects.filter(month=month).aggregate(
        received=Sum("received"), late=Sum("settled_late"), carried=Sum("carried_over"),
        overdue=Sum("open_overdue"))
    assert sums == {"received": report.online + report.direct_postal, "late": report.late,
                    "carried": report.carried_over, "overdue": report.overdue}


def test_every_dossier_has_a_history_and_is_marked_as_sample(seeded):
    assert not Dossier.objects.exclude(form_data={"sample": True}).exists()
    assert Unit.objects.filter(code__startswith="S42", is_sample=False).count() == 0
    no_event = Dossier.objects.annotate(n=Count("events")).filter(n=0)
    assert not no_event.exists()
    assert DossierEvent.objects.filter(action="return_result").count() == Dossier.objects.filter(
        status="returned").count()


def test_a_second_seed_numbers_on(seeded):
    call_command("seed", "--dossiers", "50", "--years", "1", "--seed", "4")
    codes = list(Dossier.objects.values_list("code", flat=True))
    assert len(codes) == N + 50 == len(set(codes))

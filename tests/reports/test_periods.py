"""The period classification on handmade dossiers: one case per bucket, Python and SQL agree."""

from collections import Counter

import pytest

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Channel
from motcua.reports.periods import Bucket, View, dossier_period, period_counts
from tests.factories.dossiers import dossier_in, vn
from tests.factories.reports import dossier_open, dossier_settled

pytestmark = pytest.mark.django_db


def counts_of(period, view=View.LEGAL, **filters) -> Counter:
    row = period_counts(Dossier.objects.filter(**filters), period=period, view=view)[0]
    return Counter({k: v for k, v in row.items() if v})


def python_counts(period, view=View.LEGAL) -> Counter:
    found = Counter()
    for dossier in Dossier.objects.all():
        place = dossier_period(dossier, period=period, view=view)
        if place:
            found.update(b.value for b in place.buckets())
    return found


@pytest.fixture
def month(world, five_day, frozen_now):
    """One dossier per bucket of November 2026 (five working days: received Monday 2/11 09:00
    is due Monday 9/11 09:00)."""
    w, p = world, five_day
    made = {
        "early": dossier_settled(world=w, procedure=p, received=vn(2026, 11, 2, 9),
                                 finished=vn(2026, 11, 6, 10)),
        "on_time": dossier_settled(world=w, procedure=p, received=vn(2026, 11, 2, 9),
                                   finished=vn(2026, 11, 9, 8), channel=Channel.ONLINE),
        "late": dossier_settled(world=w, procedure=p, received=vn(2026, 11, 2, 9),
                                finished=vn(2026, 11, 10, 10), channel=Channel.POSTAL),
        "carried": dossier_settled(world=w, procedure=p, received=vn(2026, 10, 26, 9),
                                   finished=vn(2026, 11, 3, 9)),
        "within": dossier_open(world=w, procedure=p, received=vn(2026, 11, 24, 9)),
        "overdue": dossier_open(world=w, procedure=p, received=vn(2026, 11, 2, 9),
                                channel=Channel.ONLINE),
        "paused": dossier_open(world=w, procedure=p, received=vn(2026, 11, 20, 9),
                               paused=vn(2026, 11, 23, 9)),
        "before": dossier_settled(world=w, procedure=p, received=vn(2026, 10, 5, 9),
                                  finished=vn(2026, 10, 7, 9)),
    }
    dossier_in("refused", world=w, procedure=p, channel=Channel.DIRECT)  # never received
    return made


def test_every_bucket_of_a_month(month, november):
    places = {name: dossier_period(d, period=november) for name, d in month.items()}
    assert places["early"].result == Bucket.SETTLED_EARLY
    assert places["on_time"].result == Bucket.SETTLED_ON_TIME
    assert places["on_time"].intake == Bucket.RECEIVED_ONLINE
    assert places["late"].result == Bucket.SETTLED_LATE
    assert places["late"].intake == Bucket.RECEIVED_POSTAL
    assert places["carried"].intake == Bucket.CARRIED_OVER
    assert places["carried"].result == Bucket.SETTLED_LATE  # due Monday 2/11, settled 3/11
    assert places["within"].result == Bucket.OPEN_WITHIN
    assert places["overdue"].result == Bucket.OPEN_OVERDUE
    assert places["paused"].result == Bucket.OPEN_WITHIN and places["paused"].paused
    assert places["before"] is None  # settled before the period


def test_the_database_counts_what_python_classifies(month, november):
    expected = {
        "received_direct": 3, "received_online": 2, "received_postal": 1, "carried_over": 1,
        "settled_early": 1, "settled_on_time": 1, "settled_late": 2,
        "open_within": 2, "open_overdue": 1, "paused": 1,
    }
    assert counts_of(november) == expected
    assert python_counts(november) == expected


def test_october_sees_the_same_dossiers_from_its_end(month, november):
    october = type(november)(vn(2026, 10, 1).date(), vn(2026, 10, 31).date())
    found = counts_of(october)
    # Received 26/10 and 5/10; the first was still in progress (within) on 31/10.
    assert found == {"received_direct": 2, "settled_early": 1, "open_within": 1}
    assert python_counts(october) == found


def test_two_supplement_requests_make_it_late_for_decision_766(world, five_day, frozen_now,
                                                               november):
    dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                    finished=vn(2026, 11, 4, 9), supplements=2)
    assert counts_of(november)["settled_early"] == 1
    assert counts_of(november, View.DECISION_766)["settled_late"] == 1
    assert python_counts(november, View.DECISION_766)["settled_late"] == 1


def test_a_liên_thông_dossier_is_counted_once_for_its_competent_unit(world, province,
                                                                     frozen_now, november):
    from motcua.dossiers.services import processing
    from motcua.reports.bieu06 import bieu06_report
    from tests.factories.agencies import UnitFactory
    from tests.factories.dossiers import procedure_create

    police = UnitFactory(parent=province, name="Công an xã Báo Cáo")
    dossier = dossier_in("processing", world=world, procedure=procedure_create("lien_thong"))
    processing.dossier_send_to_agency(dossier=dossier, actor=world.specialist, agency=police)

    assert bieu06_report(unit=province, period=november).total.received == 1
    assert bieu06_report(unit=world.unit, period=november).total.received == 1
    assert bieu06_report(unit=police, period=november).total.received == 0

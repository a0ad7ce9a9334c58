"""The demo's sample dossiers: every status and channel, made through the services with a
consistent history, and loaded once whatever the number of runs."""

import re
from datetime import datetime
from io import StringIO
from itertools import pairwise

import pytest
import time_machine
from django.core.management import call_command

from motcua.core.clock import VIETNAM, local
from motcua.dossiers.classification import dossier_outcome, dossier_standing
from motcua.dossiers.control_sheet import control_sheet
from motcua.dossiers.demo import KEY_PREFIX, SAMPLES, demo_dossiers_load
from motcua.dossiers.models import DailySequence, Dossier, DossierEvent, DossierStep
from motcua.dossiers.statuses import NATIONAL_CODE, TRANSITIONS, Action, Channel, Status
from motcua.workcal.engine import Outcome, Standing

pytestmark = pytest.mark.django_db

CODE = re.compile(r"^(?P<unit>\d{3}\.\d{2}\.\d{2}\.Z99)-(?P<day>\d{6})-(?P<n>\d{4})$")
CREATING = {action for (status, action) in TRANSITIONS if status is None}


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _load() -> str:
    out = StringIO()
    call_command("demo_load", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def demo(frozen_now) -> list[Dossier]:
    """The whole demo, loaded on Thursday 26/11/2026 09:00."""
    _load()
    return list(Dossier.objects.filter(idempotency_key__startswith=KEY_PREFIX)
                .select_related("procedure_version__procedure", "receiving_unit"))


def test_every_status_and_channel_is_present(demo):
    assert len(demo) == len(SAMPLES) >= 40
    assert {d.status for d in demo} == set(Status.values)
    assert {d.channel for d in demo} == set(Channel.values)
    assert {d.procedure_version.procedure.code for d in demo} == {
        "HT-01", "HT-10", "HT-11", "LT-01", "DD-06"}
    assert len({d.receiving_unit_id for d in demo}) == 3
    for dossier in demo:
        assert dossier.national_status == NATIONAL_CODE[dossier.status], dossier


def test_codes_are_well_formed_and_dated_by_their_first_instant(demo):
    codes = [d.code for d in demo if d.code]
    assert len(codes) == len(set(codes))
    for dossier in demo:
        if dossier.code is None:  # a draft, or a draft cancelled before submission
            assert dossier.submitted_at is None and dossier.received_at is None, dossier
            continue
        match = CODE.match(dossier.code)
        assert match, dossier.code
        assert match["unit"] == dossier.receiving_unit.code
        first = dossier.submitted_at or dossier.received_at or dossier.created_at
        assert match["day"] == f"{local(first):%y%m%d}", dossier.code


def test_every_dossier_has_a_consistent_history(demo):
    events = {}
    for event in DossierEvent.objects.order_by("dossier", "at", "id"):
        events.setdefault(event.dossier_id, []).append(event)
    for dossier in demo:
        history = events[dossier.pk]
        first, last = history[0], history[-1]
        assert first.action in CREATING and first.from_status == "", dossier
        assert first.at == dossier.created_at
        assert last.to_status == dossier.status, dossier
        for before, after in pairwise(history):
            assert after.from_status == before.to_status, (dossier, after)
            rule = TRANSITIONS[(Status(after.from_status), Action(after.action))]
            assert rule.to in (None, Status(after.to_status)), (dossier, after)
            assert before.at <= after.at
        assert all(event.at < datetime(2026, 11, 26, 9, tzinfo=VIETNAM) for event in history)
        control_sheet(dossier)  # the history rebuilds the control sheet (Mẫu 05)


def test_the_demo_shows_early_on_time_late_and_the_special_cases(demo):
    cutoff = datetime(2026, 11, 26, 9, tzinfo=VIETNAM)
    finished = [dossier_outcome(d) for d in demo if d.received_at and d.finished_at]
    assert {o.legal for o in finished} >= {Outcome.EARLY, Outcome.ON_TIME, Outcome.LATE}
    by_key = {d.idempotency_key: d for d in demo}
    # Two supplement requests: settled early by the law, late under Decision 766.
    two = by_key["demo-20"]
    assert two.supplement_requests == 2 and two.status == Status.RETURNED
    assert (dossier_outcome(two).legal, dossier_outcome(two).decision_766) == (
        Outcome.EARLY, Outcome.LATE)
    # The apology (Mẫu 04) moved the appointment, not the legal due instant.
    apology = by_key["demo-34"]
    assert apology.reschedules == 1 and apology.appointment_at > apology.due_at
    assert dossier_outcome(apology).legal == Outcome.LATE
    assert apology.finished_at < apology.appointment_at
    # Overdue in progress, one of them with a new appointment still ahead.
    overdue = [d for d in demo if (s := dossier_standing(d, cutoff=cutoff))
               and s.legal == Standing.OVERDUE]
    assert {d.idempotency_key for d in overdue} >= {"demo-14", "demo-38"}
    assert by_key["demo-38"].appointment_at > cutoff
    # Liên thông: the whole route through the police and the social insurance.
    route = control_sheet(by_key["demo-30"])
    assert len(route.cooperating_units) == 2 and by_key["demo-30"].status == Status.RETURNED
    assert DossierStep.objects.filter(dossier=by_key["demo-16"], finished_at=None,
                                      unit__code="000.00.36.Z99").exists()


def test_a_second_run_adds_nothing(demo, django_assert_num_queries):
    counted = (Dossier, DossierEvent, DossierStep, DailySequence)
    before = {model.__name__: model.objects.count() for model in counted}
    output = _load()
    assert f"dossiers: {len(SAMPLES)} (0 created, 0 updated, {len(SAMPLES)} unchanged)" in output
    assert {model.__name__: model.objects.count() for model in counted} == before
    with django_assert_num_queries(1):
        demo_dossiers_load()


@pytest.mark.parametrize("instant", [
    datetime(2026, 2, 23, 7, 0, tzinfo=VIETNAM),  # the Monday after Tết: a week off before
    datetime(2026, 6, 7, 15, 0, tzinfo=VIETNAM),  # a Sunday
])
def test_the_demo_loads_whatever_the_day(instant):
    with time_machine.travel(instant, tick=False):
        _load()
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert not DossierEvent.objects.filter(at__gte=instant).exists()

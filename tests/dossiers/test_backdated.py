"""Actions recorded at a past instant (`at`): what the demo loader and imports of past dossiers
use. The history, codes and deadlines are computed from the given instants; a future, naive or
out-of-order instant is refused and writes nothing."""

import inspect
from datetime import datetime

import pytest
from django.core import mail

from motcua.dossiers.errors import InvalidInput
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.services import intake, processing
from motcua.dossiers.statuses import Action, Status
from tests.factories.dossiers import dossier_in, vn

NOW = vn(2026, 3, 20, 10)  # a Friday; everything below happened the week before


@pytest.fixture
def now(travel):
    return travel(NOW)


def test_a_whole_lifecycle_recorded_in_the_past(world, five_day_procedure, now):
    citizen, desk = world.citizen, world.desk_officer
    draft = intake.dossier_draft_create(
        owner=citizen, procedure_version=five_day_procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(), at=vn(2026, 3, 8, 20))
    dossier = intake.dossier_submit(dossier=draft, actor=citizen, at=vn(2026, 3, 8, 20, 5))
    dossier = intake.dossier_accept(dossier=dossier, actor=desk, at=vn(2026, 3, 9, 8))
    dossier = processing.dossier_forward(dossier=dossier, actor=desk, at=vn(2026, 3, 9, 9))
    dossier = processing.dossier_assign(dossier=dossier, actor=world.leader,
                                        handler=world.specialist, at=vn(2026, 3, 9, 10))
    dossier = processing.dossier_propose_result(dossier=dossier, actor=world.specialist,
                                                at=vn(2026, 3, 11, 10))
    dossier = processing.dossier_approve(dossier=dossier, actor=world.leader,
                                         results=[ResultData(name="Giấy chứng nhận")],
                                         at=vn(2026, 3, 12, 9))
    dossier = processing.dossier_return_result(dossier=dossier, actor=desk,
                                               at=vn(2026, 3, 12, 14))

    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert dossier.code.split("-")[1] == "260308"  # numbered on the day it was submitted
    assert (dossier.created_at, dossier.submitted_at) == (vn(2026, 3, 8, 20),
                                                          vn(2026, 3, 8, 20, 5))
    # Five working days from the past receipt, not from the clock.
    assert (dossier.received_at, dossier.due_at) == (vn(2026, 3, 9, 8), vn(2026, 3, 16, 8))
    assert (dossier.finished_at, dossier.returned_at) == (vn(2026, 3, 12, 9),
                                                          vn(2026, 3, 12, 14))
    assert [e.at for e in dossier.events.order_by("id")] == [
        vn(2026, 3, 8, 20), vn(2026, 3, 8, 20, 5), vn(2026, 3, 9, 8), vn(2026, 3, 9, 9),
        vn(2026, 3, 9, 10), vn(2026, 3, 11, 10), vn(2026, 3, 12, 9), vn(2026, 3, 12, 14)]
    steps = list(dossier.steps.order_by("position"))
    assert steps[0].started_at == vn(2026, 3, 9, 8) and steps[0].finished_at == vn(2026, 3, 9, 9)


@pytest.fixture
def received(world, five_day_procedure, now):
    return dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure,
                      at=vn(2026, 3, 16, 9))


@pytest.mark.parametrize(("at", "message"), [
    (vn(2026, 3, 20, 10, 1), "tương lai"),  # a minute from now
    (datetime(2026, 3, 17, 9), "múi giờ"),  # naive
    (vn(2026, 3, 16, 8, 59), "trước thao tác gần nhất"),  # before the receipt
])
def test_a_bad_instant_is_refused_and_writes_nothing(at, message, received, world, unchanged):
    with unchanged(received), pytest.raises(InvalidInput, match=message) as refused:
        processing.dossier_forward(dossier=received, actor=world.desk_officer, at=at)
    assert refused.value.field == "at"


def test_an_instant_equal_to_the_last_event_is_in_order(received, world):
    dossier = processing.dossier_forward(dossier=received, actor=world.desk_officer,
                                         at=vn(2026, 3, 16, 9))
    assert dossier.events.last().action == Action.FORWARD


def test_a_future_draft_is_refused(world, five_day_procedure, now):
    with pytest.raises(InvalidInput) as refused:
        intake.dossier_draft_create(
            owner=world.citizen, procedure_version=five_day_procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant(), at=vn(2026, 3, 21, 8))
    assert refused.value.field == "at"
    assert not world.citizen.dossiers.exists()


def test_the_clock_is_never_compared_with_the_history(received, world, travel):
    # Two officers' clocks are read before the row lock, so the later event may carry the
    # earlier microsecond: only an explicit `at` must follow the history.
    travel(vn(2026, 3, 16, 8))
    dossier = processing.dossier_forward(dossier=received, actor=world.desk_officer)
    forwarded = dossier.events.order_by("id").last()
    assert (forwarded.action, forwarded.at) == (Action.FORWARD, vn(2026, 3, 16, 8))


@pytest.mark.parametrize("name", sorted(set(intake.__all__) | set(processing.__all__)))
def test_every_service_takes_an_instant(name):
    module = intake if name in intake.__all__ else processing
    parameters = inspect.signature(getattr(module, name)).parameters
    if name == "dossier_draft_update":  # edits a draft: no event, no instant of its own
        assert "at" not in parameters
        return
    assert parameters["at"].default is None
    assert parameters["at"].kind is inspect.Parameter.KEYWORD_ONLY


def test_a_past_action_is_history_and_notifies_nobody(world, five_day_procedure, now,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        draft = intake.dossier_draft_create(
            owner=world.citizen, procedure_version=five_day_procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant(), at=vn(2026, 3, 16, 8))
        dossier = intake.dossier_submit(dossier=draft, actor=world.citizen,
                                        at=vn(2026, 3, 16, 8, 5))
        intake.dossier_accept(dossier=dossier, actor=world.desk_officer,
                              at=vn(2026, 3, 16, 9))
    assert dossier.applicant_email and callbacks == []
    assert mail.outbox == []

"""Withdrawal (7 → 8), stop by the agency (8) and the apology with a new appointment
(Mẫu 04)."""

from datetime import datetime, timedelta

import pytest

from motcua.dossiers.classification import dossier_outcome
from motcua.dossiers.errors import ActionForbidden, InvalidInput, ReasonRequired
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from motcua.workcal.engine import Outcome
from tests.dossiers.processing_support import everything, fresh
from tests.factories.dossiers import dossier_in, vn


@pytest.fixture
def processing(world, five_day_procedure, travel):
    return dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure,
                      owner=world.citizen)


def test_the_owner_withdraws_and_the_leader_accepts(processing, world, travel):
    travel(vn(2026, 3, 10, 9))
    dossier = fresh(P.dossier_request_withdrawal(dossier=processing, actor=world.citizen,
                                                 reason="Đã giải quyết ở nơi khác"))
    assert (dossier.status, dossier.national_status) == (Status.WITHDRAWAL_REQUESTED, 7)
    assert dossier.events.last().data == {"reason": "Đã giải quyết ở nơi khác"}
    assert dossier.finished_at is None

    travel(vn(2026, 3, 10, 14))
    dossier = fresh(P.dossier_accept_withdrawal(dossier=dossier, actor=world.leader))

    assert (dossier.status, dossier.national_status) == (Status.STOPPED, 8)
    assert dossier.finished_at == vn(2026, 3, 10, 14)
    assert dossier.current_step.finished_at == vn(2026, 3, 10, 14)
    assert dossier_outcome(dossier).legal == Outcome.EARLY
    assert dossier.events.last().data["step"]["name"] == dossier.current_step.name


@pytest.mark.parametrize("who", ["other_citizen", "specialist"])
def test_nobody_else_asks_to_withdraw(who, processing, world, other_citizen, travel):
    actor = other_citizen if who == "other_citizen" else world.specialist
    before = everything(processing)
    with pytest.raises(ActionForbidden):
        P.dossier_request_withdrawal(dossier=processing, actor=actor, reason="Không cần nữa")
    assert everything(processing) == before


def test_a_withdrawal_needs_a_reason(processing, world, travel):
    with pytest.raises(ReasonRequired):
        P.dossier_request_withdrawal(dossier=processing, actor=world.citizen, reason=" ")


def test_the_agency_stops_with_a_notice(processing, world, travel):
    travel(vn(2026, 3, 17, 9))
    before = everything(processing)
    with pytest.raises(ReasonRequired) as refused:
        P.dossier_stop(dossier=processing, actor=world.leader, reason="")
    assert refused.value.field == "reason"
    assert everything(processing) == before

    dossier = fresh(P.dossier_stop(dossier=processing, actor=world.leader,
                                   reason="Đối tượng không thuộc diện được hưởng"))

    assert dossier.status == Status.STOPPED
    assert dossier.finished_at == vn(2026, 3, 17, 9)
    event = dossier.events.last()
    assert (event.action, event.data["reason"]) == (Action.STOP,
                                                    "Đối tượng không thuộc diện được hưởng")
    assert event.data["outcome"] == Outcome.LATE  # after the legal due (16/03 08:00)


@pytest.mark.parametrize("who", ["specialist", "desk_officer", "citizen"])
def test_only_a_leader_stops(who, processing, world, travel):
    with pytest.raises(ActionForbidden):
        P.dossier_stop(dossier=processing, actor=getattr(world, who), reason="Dừng")


@pytest.mark.parametrize(("new", "why"), [
    (vn(2026, 3, 16, 8), "not after the current appointment"),
    (vn(2026, 3, 15, 8), "before the current appointment"),
    (datetime(2026, 3, 20, 8), "no time zone"),
    ("2026-03-20", "not an instant"),
])
def test_a_new_appointment_must_be_later(new, why, processing, world, travel):
    before = everything(processing)
    with pytest.raises(InvalidInput) as refused:
        P.dossier_reschedule(dossier=processing, actor=world.leader, reason="Chờ xác minh",
                             new_appointment_at=new)
    assert refused.value.field == "new_appointment_at", why
    assert everything(processing) == before


def test_a_new_appointment_must_be_in_the_future(processing, world, travel):
    travel(vn(2026, 3, 18, 9))  # already overdue: the new date must not be in the past either
    with pytest.raises(InvalidInput):
        P.dossier_reschedule(dossier=processing, actor=world.leader, reason="Chờ",
                             new_appointment_at=vn(2026, 3, 17, 9))
    dossier = fresh(P.dossier_reschedule(dossier=processing, actor=world.leader, reason="Chờ",
                                         new_appointment_at=vn(2026, 3, 20, 17)))
    assert dossier.appointment_at == vn(2026, 3, 20, 17)


def test_an_apology_needs_a_reason_and_a_leader(processing, world, travel):
    later = processing.appointment_at + timedelta(days=2)
    with pytest.raises(ReasonRequired):
        P.dossier_reschedule(dossier=processing, actor=world.leader, reason="",
                             new_appointment_at=later)
    with pytest.raises(ActionForbidden):
        P.dossier_reschedule(dossier=processing, actor=world.specialist, reason="Chờ",
                             new_appointment_at=later)


def test_two_apologies_are_counted(processing, world, travel):
    first = processing.appointment_at + timedelta(days=2)
    P.dossier_reschedule(dossier=processing, actor=world.leader, reason="Chờ xác minh",
                         new_appointment_at=first)
    dossier = fresh(P.dossier_reschedule(dossier=processing, actor=world.leader,
                                         reason="Chờ Công an xã",
                                         new_appointment_at=first + timedelta(days=3)))
    assert dossier.reschedules == 2
    assert dossier.events.last().data["old_appointment_at"] == "2026-03-18T08:00:00+07:00"

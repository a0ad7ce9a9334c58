"""Liên thông: a step done by a cooperating agency, with its own due instant from its share of
the time limit, while the lead agency's legal due instant keeps running unchanged
(DOMAIN.md §2.8).

The liên thông process (tests/factories/dossiers.py): desk 10 %, specialist 30 %, other agency
30 %, leader 20 %, desk 10 % of 5 working days (40 h): 4 h, 12 h, 12 h, 8 h, 4 h. Received
and forwarded Monday 09/03/2026 08:00; legal due Monday 16/03/2026 08:00.
"""

import pytest

from motcua.catalog.choices import StepActor
from motcua.dossiers.classification import step_outcome
from motcua.dossiers.errors import ActionForbidden, InvalidInput, StepUnavailable
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from motcua.workcal.engine import Outcome
from tests.dossiers.processing_support import agency_create, everything, fresh, procedure_with
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in, vn
from tests.factories.workcal import saturday_morning_desk

H = 3_600_000_000
RESULT = [ResultData(name="Giấy khai sinh", number="12/GKS")]


@pytest.fixture
def police():
    """Công an xã, whose desk also works on Saturday mornings (its own calendar)."""
    agency = agency_create("Công an xã Thử Nghiệm")
    saturday_morning_desk(agency.unit)
    return agency


@pytest.fixture
def processing(world, lien_thong_procedure, travel):
    return dossier_in(Status.PROCESSING, world=world, procedure=lien_thong_procedure)


def test_the_agency_step_gets_its_share_on_the_agencys_calendar(processing, world, police,
                                                               travel):
    travel(vn(2026, 3, 13, 14))  # Friday 14:00

    dossier = fresh(P.dossier_send_to_agency(dossier=processing, actor=world.specialist,
                                             agency=police.unit, note="Đề nghị đăng ký thường trú"))

    step = dossier.current_step
    assert (step.actor, step.unit, step.allotted_us) == (
        StepActor.OTHER_AGENCY, police.unit, 12 * H)
    # 12 h from Fri 14:00 at a desk open on Saturday mornings: Fri 3 h, Sat 4 h, Mon 07:30 + 5 h.
    assert step.due_at == vn(2026, 3, 16, 14)
    assert (dossier.status, dossier.current_unit, dossier.handler) == (
        Status.PROCESSING, police.unit, None)
    assert dossier.due_at == vn(2026, 3, 16, 8)  # the lead agency's clock is untouched
    appraisal = dossier.steps.get(position=2)
    # Its 12 h ended on Tue 10/03 13:30; handed over on Friday: late.
    assert appraisal.due_at == vn(2026, 3, 10, 13, 30)
    assert step_outcome(appraisal) == Outcome.LATE
    event = dossier.events.last()
    assert (event.action, event.unit, event.step) == (Action.SEND_TO_AGENCY, world.unit, appraisal)
    assert event.data["agency"] == police.unit.name
    assert event.data["started_step"]["due_at"] == vn(2026, 3, 16, 14).isoformat()


def test_the_agency_returns_and_the_dossier_is_back_with_its_specialist(processing, world,
                                                                       police, travel):
    travel(vn(2026, 3, 13, 14))
    P.dossier_send_to_agency(dossier=processing, actor=world.specialist, agency=police.unit)
    travel(vn(2026, 3, 16, 10))

    dossier = fresh(P.dossier_agency_return(dossier=processing, actor=police.officer))

    agency_step = dossier.steps.get(position=3)
    # Fri 3 h + Sat 4 h + Mon 07:30–10:00 2.5 h, against a due on Mon 14:00.
    assert (agency_step.used_us, agency_step.handler) == (9.5 * H, police.officer)
    assert step_outcome(agency_step) == Outcome.ON_TIME
    # The next step is the leader's: it starts when the specialist proposes the result.
    assert (dossier.current_step, dossier.current_unit, dossier.handler) == (
        agency_step, world.unit, world.specialist)
    assert dossier.due_at == vn(2026, 3, 16, 8)
    event = dossier.events.last()
    assert (event.action, event.unit, event.actor) == (Action.AGENCY_RETURN, police.unit,
                                                       police.officer)

    dossier = fresh(P.dossier_propose_result(dossier=dossier, actor=world.specialist))
    assert dossier.status == Status.AWAITING_APPROVAL
    assert dossier.current_step.actor == StepActor.LEADER
    assert dossier.current_step.started_at == vn(2026, 3, 16, 10)


def test_while_at_the_agency_only_the_agency_can_hand_it_back(processing, world, police,
                                                              other_commune, travel):
    dossier = P.dossier_send_to_agency(dossier=processing, actor=world.specialist,
                                       agency=police.unit)
    before = everything(dossier)

    with pytest.raises(ActionForbidden):  # the lead's specialist acts in its own unit only
        P.dossier_propose_result(dossier=dossier, actor=world.specialist)
    with pytest.raises(StepUnavailable):  # the agency cannot settle the lead's dossier
        P.dossier_propose_result(dossier=dossier, actor=police.officer)
    with pytest.raises(ActionForbidden):  # nor can a third unit hand it back
        P.dossier_agency_return(dossier=dossier,
                                actor=StaffFactory(specialist=True, unit=other_commune))

    assert everything(dossier) == before


def test_agency_return_when_no_agency_holds_it_is_refused(processing, world, travel):
    with pytest.raises(StepUnavailable):
        P.dossier_agency_return(dossier=processing, actor=world.specialist)


def test_send_to_agency_needs_a_lien_thong_step_next(world, five_day_procedure, police, travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    before = everything(dossier)
    with pytest.raises(StepUnavailable):
        P.dossier_send_to_agency(dossier=dossier, actor=world.specialist, agency=police.unit)
    assert everything(dossier) == before


def test_the_cooperating_agency_is_not_the_lead_itself(processing, world, travel):
    with pytest.raises(InvalidInput) as refused:
        P.dossier_send_to_agency(dossier=processing, actor=world.specialist, agency=world.unit)
    assert refused.value.field == "agency"


def test_a_leader_signs_the_proposal_and_sends_it_to_the_deciding_agency(world, police, travel):
    """NCC-* / LT-02 shape: the commune leader signs a proposal, a department decides."""
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world,
                         procedure=procedure_with("leader_then_agency"))
    with pytest.raises(StepUnavailable) as refused:  # the agency's step cannot be skipped
        P.dossier_approve(dossier=dossier, actor=world.leader, results=RESULT)
    assert "Thẩm định, quyết định" in refused.value.text
    with pytest.raises(ActionForbidden):  # in awaiting approval it is the leader's to send
        P.dossier_send_to_agency(dossier=dossier, actor=world.specialist, agency=police.unit)

    dossier = fresh(P.dossier_send_to_agency(dossier=dossier, actor=world.leader,
                                             agency=police.unit))
    assert (dossier.status, dossier.current_unit) == (Status.PROCESSING, police.unit)
    assert dossier.steps.get(position=3).handler == world.leader

    dossier = fresh(P.dossier_agency_return(dossier=dossier, actor=police.officer))
    assert (dossier.current_unit, dossier.handler) == (world.unit, world.specialist)
    dossier = fresh(P.dossier_propose_result(dossier=dossier, actor=world.specialist))
    assert dossier.status == Status.AWAITING_APPROVAL
    assert dossier.current_step.position == 4  # no leader step left: the leader approves as such
    dossier = fresh(P.dossier_approve(dossier=dossier, actor=world.leader, results=RESULT))
    assert dossier.status == Status.RESULT_READY
    assert (dossier.current_step.position, dossier.current_unit) == (5, world.unit)


def test_two_agencies_one_after_the_other(world, police, travel):
    """LT-01 shape: police, then social insurance; between them the dossier is back with the
    lead's specialist, who sends it on."""
    insurance = agency_create("Bảo hiểm xã hội Thử Nghiệm")
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=procedure_with("two_agencies"))

    P.dossier_send_to_agency(dossier=dossier, actor=world.specialist, agency=police.unit)
    dossier = fresh(P.dossier_agency_return(dossier=dossier, actor=police.officer))
    assert (dossier.current_step.position, dossier.current_step.finished_at is not None) == (
        3, True)
    with pytest.raises(StepUnavailable):  # the next step is an agency's: not a hand-over
        P.dossier_hand_over(dossier=dossier, actor=world.specialist)

    dossier = fresh(P.dossier_send_to_agency(dossier=dossier, actor=world.specialist,
                                             agency=insurance.unit))
    assert (dossier.current_step.position, dossier.current_unit) == (4, insurance.unit)
    P.dossier_agency_return(dossier=dossier, actor=insurance.officer)
    P.dossier_propose_result(dossier=dossier, actor=world.specialist)
    P.dossier_approve(dossier=dossier, actor=world.leader, results=RESULT)
    dossier = fresh(P.dossier_return_result(dossier=dossier, actor=world.desk_officer))

    assert dossier.status == Status.RETURNED
    assert all(step.finished_at for step in dossier.steps.all())
    assert [s.unit for s in dossier.steps.all()] == [
        world.unit, world.unit, police.unit, insurance.unit, world.unit, world.unit]

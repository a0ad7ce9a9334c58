"""Forward, assign, hand over: the dossier moves along its own internal process.

The standard process (tests/factories/catalog.py): desk 10 %, specialist 60 %, leader 20 %,
desk 10 % of 5 working days (40 h). Received Monday 09/03/2026 08:00 → legal due Monday
16/03/2026 08:00; the steps get 4 h, 24 h, 8 h and 4 h.
"""

import pytest

from motcua.catalog.choices import StepActor
from motcua.dossiers.errors import ActionForbidden, InvalidInput, NotAssigned, StepUnavailable
from motcua.dossiers.models import DossierEvent
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from tests.dossiers.processing_support import everything, fresh, hours, procedure_with
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in, vn

H = 3_600_000_000  # one working hour in µs


@pytest.fixture
def received(world, five_day_procedure, travel):
    """Received at the counter on Monday 09/03/2026 08:00, owned by the world's citizen."""
    return dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure,
                      owner=world.citizen)


def test_receipt_plans_the_steps_with_their_shares(received):
    plan = list(received.steps.values_list("position", "actor", "allotted_us"))
    assert plan == [(1, "desk", 4 * H), (2, "specialist", 24 * H), (3, "leader", 8 * H),
                    (4, "desk", 4 * H)]
    assert received.due_at == vn(2026, 3, 16, 8)
    assert received.current_step.position == 1
    # 08:00 + 4 h, over the lunch break: 3.5 h in the morning, 0.5 h from 13:00.
    assert received.current_step.due_at == vn(2026, 3, 9, 13, 30)


def test_forward_hands_the_dossier_from_the_desk_to_the_competent_unit(received, world, travel):
    travel(vn(2026, 3, 9, 9))

    dossier = P.dossier_forward(dossier=received, actor=world.desk_officer, note="Bản giấy kèm")

    dossier = fresh(dossier)
    assert dossier.status == Status.PROCESSING and dossier.national_status == 4
    desk, appraisal = dossier.steps.all()[:2]
    assert (desk.finished_at, desk.used_us, desk.handler) == (vn(2026, 3, 9, 9), 1 * H,
                                                              world.desk_officer)
    assert dossier.current_step == appraisal
    assert appraisal.started_at == vn(2026, 3, 9, 9)
    # 24 h from Mon 09:00: Mon 6.5 h, Tue 8 h, Wed 8 h, Thu 07:30 + 1.5 h.
    assert appraisal.due_at == vn(2026, 3, 12, 9)
    assert (dossier.current_unit, dossier.handler) == (world.unit, None)
    assert dossier.due_at == vn(2026, 3, 16, 8)  # the legal due instant never moves

    event = dossier.events.last()
    assert (event.action, event.actor, event.unit, event.step) == (
        Action.FORWARD, world.desk_officer, world.unit, desk)
    assert (hours(event.allotted_us), hours(event.used_us)) == (4, 1)
    assert event.note == "Bản giấy kèm"
    assert event.data["finished_step"]["name"] == desk.name
    assert event.data["started_step"]["due_at"] == vn(2026, 3, 12, 9).isoformat()
    assert event.data["to"]["unit"] == world.unit.pk


def test_forward_to_another_competent_unit(world, travel):
    """A province service centre receives, a department settles: the desk step stays at the
    centre, the appraisal starts at the department."""
    from tests.factories.agencies import UnitFactory
    from tests.factories.catalog import ProcedureFactory

    department = UnitFactory(agency=True, name="Sở Tư pháp Thử Nghiệm")
    procedure = ProcedureFactory(competent_unit=department.code, level="tinh")
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=procedure)
    assert (dossier.receiving_unit, dossier.competent_unit) == (world.unit, department)

    dossier = fresh(P.dossier_forward(dossier=dossier, actor=world.desk_officer))

    assert dossier.current_unit == department
    assert dossier.current_step.unit == department
    assert dossier.steps.get(position=1).unit == world.unit
    assert dossier.events.last().unit == world.unit


def test_a_leader_assigns_the_step_to_a_specialist_of_the_unit(received, world, travel):
    dossier = P.dossier_forward(dossier=received, actor=world.desk_officer)

    dossier = fresh(P.dossier_assign(dossier=dossier, actor=world.leader,
                                     handler=world.specialist))

    assert dossier.status == Status.PROCESSING
    assert dossier.handler == world.specialist
    assert dossier.current_step.handler == world.specialist
    event = dossier.events.last()
    assert (event.action, event.from_status, event.to_status) == (
        Action.ASSIGN, Status.PROCESSING, Status.PROCESSING)
    assert event.data["to"]["handler_name"] == str(world.specialist)
    assert event.step == dossier.current_step


@pytest.mark.parametrize("who", ["desk_officer", "leader", "specialist_elsewhere", "citizen"])
def test_only_a_specialist_of_the_unit_can_be_assigned(who, received, world, other_commune,
                                                       travel):
    dossier = P.dossier_forward(dossier=received, actor=world.desk_officer)
    handler = {
        "desk_officer": world.desk_officer, "leader": world.leader, "citizen": world.citizen,
        "specialist_elsewhere": StaffFactory(specialist=True, unit=other_commune),
    }[who]
    before = everything(dossier)

    with pytest.raises(InvalidInput) as refused:
        P.dossier_assign(dossier=dossier, actor=world.leader, handler=handler)

    assert refused.value.field == "handler"
    assert world.unit.name in refused.value.text
    assert everything(dossier) == before


def test_a_specialist_cannot_assign(received, world, travel):
    dossier = P.dossier_forward(dossier=received, actor=world.desk_officer)
    with pytest.raises(ActionForbidden):
        P.dossier_assign(dossier=dossier, actor=world.specialist, handler=world.specialist)


def test_hand_over_to_the_next_specialist_step(world, travel):
    dossier = dossier_in(Status.PROCESSING, world=world,
                         procedure=procedure_with("two_specialists"))
    colleague = StaffFactory(specialist=True, unit=world.unit)
    travel(vn(2026, 3, 10, 10))

    dossier = fresh(P.dossier_hand_over(dossier=dossier, actor=world.specialist,
                                        handler=colleague))

    first, second = dossier.steps.filter(actor=StepActor.SPECIALIST)
    assert first.finished_at == vn(2026, 3, 10, 10) and first.handler == world.specialist
    assert dossier.current_step == second
    assert (second.started_at, second.handler) == (vn(2026, 3, 10, 10), colleague)
    assert dossier.handler == colleague
    event = dossier.events.last()
    assert (event.action, event.step, event.actor) == (Action.HAND_OVER, first, world.specialist)
    assert event.data["to"]["handler_name"] == str(colleague)


def test_hand_over_without_a_named_colleague_leaves_the_step_to_the_unit(world, travel):
    dossier = dossier_in(Status.PROCESSING, world=world,
                         procedure=procedure_with("two_specialists"))
    dossier = fresh(P.dossier_hand_over(dossier=dossier, actor=world.specialist))
    assert dossier.handler is None and dossier.current_step.position == 3


def test_a_specialist_not_assigned_cannot_hand_over(world, travel):
    dossier = dossier_in(Status.PROCESSING, world=world,
                         procedure=procedure_with("two_specialists"))
    assert dossier.handler == world.specialist
    colleague = StaffFactory(specialist=True, unit=world.unit)
    before = everything(dossier)

    with pytest.raises(NotAssigned) as refused:
        P.dossier_hand_over(dossier=dossier, actor=colleague)

    assert refused.value.code == "not_assigned"
    assert everything(dossier) == before


def test_hand_over_after_the_last_specialist_step_is_refused(world, five_day_procedure, travel):
    """The next step is the leader's: the specialist proposes the result instead."""
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    before = everything(dossier)

    with pytest.raises(StepUnavailable) as refused:
        P.dossier_hand_over(dossier=dossier, actor=world.specialist)

    assert "trình kết quả" in refused.value.text
    assert everything(dossier) == before


def test_hand_over_to_a_lien_thong_step_is_refused(world, lien_thong_procedure, travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=lien_thong_procedure)
    with pytest.raises(StepUnavailable) as refused:
        P.dossier_hand_over(dossier=dossier, actor=world.specialist)
    assert "Đăng ký thường trú" in refused.value.text


def test_hand_over_to_someone_outside_the_unit_is_refused(world, other_commune, travel):
    dossier = dossier_in(Status.PROCESSING, world=world,
                         procedure=procedure_with("two_specialists"))
    stranger = StaffFactory(specialist=True, unit=other_commune)
    with pytest.raises(InvalidInput) as refused:
        P.dossier_hand_over(dossier=dossier, actor=world.specialist, handler=stranger)
    assert refused.value.field == "handler"


def test_events_keep_the_history_in_order(received, world, travel):
    P.dossier_forward(dossier=received, actor=world.desk_officer)
    P.dossier_assign(dossier=received, actor=world.leader, handler=world.specialist)
    actions = list(DossierEvent.objects.filter(dossier=received).values_list("action", flat=True))
    assert actions == [Action.RECEIVE, Action.FORWARD, Action.ASSIGN]

"""Who may act on a dossier in processing (docs/access.md: every dossier action is a legal act
of the unit, scope U). Every refusal writes nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser

from motcua.dossiers.errors import ActionForbidden, NotAssigned
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Status
from tests.dossiers.processing_support import everything
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in

RESULT = [ResultData(name="Giấy chứng nhận")]

# (status the dossier is in, the service, its arguments besides dossier and actor)
ACTIONS = {
    "forward": (Status.RECEIVED, P.dossier_forward, {}),
    "assign": (Status.PROCESSING, P.dossier_assign, {"handler": "specialist"}),
    "propose": (Status.PROCESSING, P.dossier_propose_result, {}),
    "supplement_request": (Status.PROCESSING, P.dossier_request_supplement,
                           {"reason": "Thiếu", "items": ["Tờ khai"]}),
    "approve": (Status.AWAITING_APPROVAL, P.dossier_approve, {"results": RESULT}),
    "send_back": (Status.AWAITING_APPROVAL, P.dossier_send_back, {"reason": "Sửa"}),
    "stop": (Status.PROCESSING, P.dossier_stop, {"reason": "Dừng"}),
    "accept_withdrawal": (Status.WITHDRAWAL_REQUESTED, P.dossier_accept_withdrawal, {}),
    "return": (Status.RESULT_READY, P.dossier_return_result, {}),
}
# Who may do each: the role in the dossier's own commune.
ALLOWED = {
    "forward": "desk_officer", "assign": "leader", "propose": "specialist",
    "supplement_request": "specialist", "approve": "leader", "send_back": "leader",
    "stop": "leader", "accept_withdrawal": "leader", "return": "desk_officer",
}
ROLES = ("desk_officer", "specialist", "leader")


def _attempt(name, dossier, actor, world):
    _status, service, kwargs = ACTIONS[name]
    kwargs = {k: getattr(world, v) if v == "specialist" else v for k, v in kwargs.items()}
    return service(dossier=dossier, actor=actor, **kwargs)


@pytest.mark.parametrize("name", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_each_action_belongs_to_one_role_of_the_unit(name, role, world, five_day_procedure,
                                                     travel):
    status = ACTIONS[name][0]
    dossier = dossier_in(status, world=world, procedure=five_day_procedure, owner=world.citizen)
    actor = getattr(world, role)
    if role == ALLOWED[name]:
        _attempt(name, dossier, actor, world)
        return
    before = everything(dossier)
    with pytest.raises(ActionForbidden):
        _attempt(name, dossier, actor, world)
    assert everything(dossier) == before


@pytest.mark.parametrize("name", ACTIONS)
def test_the_same_role_in_another_commune_cannot_act(name, world, five_day_procedure,
                                                     other_commune, travel):
    status = ACTIONS[name][0]
    dossier = dossier_in(status, world=world, procedure=five_day_procedure, owner=world.citizen)
    stranger = StaffFactory(unit=other_commune, role=ALLOWED[name])
    before = everything(dossier)
    with pytest.raises(ActionForbidden):
        _attempt(name, dossier, stranger, world)
    assert everything(dossier) == before


def test_a_province_leader_supervises_but_does_not_sign_for_a_commune(five_day_procedure,
                                                                       travel):
    from tests.factories.dossiers import world_create

    province = UnitFactory(province=True)
    world = world_create(unit=UnitFactory(parent=province, with_desk=True))
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure)
    with pytest.raises(ActionForbidden):
        P.dossier_approve(dossier=dossier, actor=StaffFactory(leader=True, unit=province),
                          results=RESULT)


@pytest.mark.parametrize("name", ["forward", "propose", "approve", "stop"])
def test_citizens_and_anonymous_visitors_cannot_process(name, world, five_day_procedure,
                                                        travel):
    status = ACTIONS[name][0]
    dossier = dossier_in(status, world=world, procedure=five_day_procedure, owner=world.citizen)
    for actor in (world.citizen, AnonymousUser(), None):
        with pytest.raises(ActionForbidden):
            _attempt(name, dossier, actor, world)


def test_an_inactive_officer_cannot_act(world, five_day_procedure, travel):
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure)
    world.desk_officer.is_active = False
    world.desk_officer.save()
    with pytest.raises(ActionForbidden):
        P.dossier_forward(dossier=dossier, actor=world.desk_officer)


@pytest.mark.parametrize("service", [P.dossier_propose_result, P.dossier_hand_over])
def test_a_specialist_not_assigned_cannot_act_on_the_step(service, world, five_day_procedure,
                                                          travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    colleague = StaffFactory(specialist=True, unit=world.unit)
    before = everything(dossier)
    with pytest.raises(NotAssigned):
        service(dossier=dossier, actor=colleague)
    assert everything(dossier) == before


def test_an_unassigned_step_is_open_to_every_specialist_of_the_unit(world, five_day_procedure,
                                                                    travel):
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure)
    P.dossier_forward(dossier=dossier, actor=world.desk_officer)
    colleague = StaffFactory(specialist=True, unit=world.unit)
    dossier = P.dossier_propose_result(dossier=dossier, actor=colleague)
    assert dossier.status == Status.AWAITING_APPROVAL

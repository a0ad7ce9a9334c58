"""Every (status, action) pair of the transition table, through the action's own service.

Given a dossier in each status (built through the services), when each action is attempted:
an allowed pair (a row of TRANSITIONS) lands in the row's status with exactly one new event;
any other pair raises ActionNotAllowed and writes nothing at all.
"""

from datetime import timedelta

import pytest

from motcua.core.clock import now
from motcua.dossiers.errors import ActionNotAllowed, StaleDossier
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import DossierEvent
from motcua.dossiers.services import intake, processing
from motcua.dossiers.services.transition import dossier_transition
from motcua.dossiers.statuses import NATIONAL_CODE, TRANSITIONS, Action, Status
from tests.dossiers.processing_support import agency_create, everything, fresh, procedure_with
from tests.factories.dossiers import dossier_in, procedure_create

P = processing
CREATING = (Action.CREATE_DRAFT, Action.RECEIVE, Action.RECEIVE_POSTAL)


def _perform(action, dossier, world, agency):
    """The action's service, called as a page or the API would call it."""
    desk, spec, lead, owner = world.desk_officer, world.specialist, world.leader, world.citizen
    d = dossier
    calls = {
        Action.SUBMIT: lambda: intake.dossier_submit(dossier=d, actor=owner),
        Action.ACCEPT: lambda: intake.dossier_accept(dossier=d, actor=desk),
        Action.REQUEST_COMPLETION: lambda: intake.dossier_request_completion(
            dossier=d, actor=desk, reason="Thiếu giấy tờ", items=["Tờ khai"]),
        Action.RESUBMIT: lambda: intake.dossier_resubmit(dossier=d, actor=owner),
        Action.REFUSE: lambda: intake.dossier_refuse(dossier=d, actor=desk,
                                                     reason="Sai thẩm quyền"),
        Action.CANCEL: lambda: intake.dossier_cancel(dossier=d, actor=owner),
        Action.FORWARD: lambda: P.dossier_forward(dossier=d, actor=desk),
        Action.ASSIGN: lambda: P.dossier_assign(dossier=d, actor=lead, handler=spec),
        Action.HAND_OVER: lambda: P.dossier_hand_over(dossier=d, actor=spec),
        Action.SEND_TO_AGENCY: lambda: P.dossier_send_to_agency(
            dossier=d, actor=lead if d.status == Status.AWAITING_APPROVAL else spec,
            agency=agency().unit),
        Action.AGENCY_RETURN: lambda: P.dossier_agency_return(dossier=d, actor=agency().officer),
        Action.REQUEST_SUPPLEMENT: lambda: P.dossier_request_supplement(
            dossier=d, actor=spec, reason="Giấy tờ mờ", items=["Bản sao CCCD"]),
        Action.SUPPLEMENT: lambda: P.dossier_supplement(dossier=d, actor=owner),
        Action.REQUEST_OBLIGATION: lambda: P.dossier_request_obligation(
            dossier=d, actor=spec, reason="Lệ phí trước bạ", amount=500_000),
        Action.FULFIL_OBLIGATION: lambda: P.dossier_fulfil_obligation(dossier=d, actor=owner),
        Action.PROPOSE_RESULT: lambda: P.dossier_propose_result(dossier=d, actor=spec),
        Action.APPROVE: lambda: P.dossier_approve(
            dossier=d, actor=lead, results=[ResultData(name="Giấy chứng nhận", number="1")]),
        Action.SEND_BACK: lambda: P.dossier_send_back(dossier=d, actor=lead, reason="Sửa lại"),
        Action.REQUEST_WITHDRAWAL: lambda: P.dossier_request_withdrawal(
            dossier=d, actor=owner, reason="Không còn nhu cầu"),
        Action.ACCEPT_WITHDRAWAL: lambda: P.dossier_accept_withdrawal(dossier=d, actor=lead),
        Action.STOP: lambda: P.dossier_stop(dossier=d, actor=lead, reason="Không đủ điều kiện"),
        Action.RESCHEDULE: lambda: P.dossier_reschedule(
            dossier=d, actor=lead, reason="Chờ xác minh",
            new_appointment_at=(d.appointment_at or now()) + timedelta(days=3)),
        Action.RETURN_RESULT: lambda: P.dossier_return_result(dossier=d, actor=desk),
    }
    if action in CREATING:  # no service acts on an existing dossier with these
        return dossier_transition(dossier=d, action=action, actor=desk)
    return calls[action]()


def _dossier_for(status, action, world, agency):
    """A dossier in `status` whose internal process lets `action` run when the table allows it
    (a second specialist step to hand over to, a liên thông step to send to…)."""
    kind = {
        Action.HAND_OVER: "two_specialists",
        Action.SEND_TO_AGENCY: "leader_then_agency" if status == Status.AWAITING_APPROVAL
        else "lien_thong",
        Action.AGENCY_RETURN: "lien_thong",
    }.get(action)
    allowed = (status, action) in TRANSITIONS
    procedure = procedure_with(kind) if kind and allowed else procedure_create()
    dossier = dossier_in(status, world=world, procedure=procedure, owner=world.citizen)
    if action == Action.AGENCY_RETURN and allowed:
        dossier = P.dossier_send_to_agency(dossier=dossier, actor=world.specialist,
                                           agency=agency().unit)
    return fresh(dossier)


PAIRS = [(status, action) for status in Status for action in Action]


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_every_status_action_pair(status, action, world, travel):
    made = {}

    def agency():
        made.setdefault("agency", agency_create())
        return made["agency"]

    dossier = _dossier_for(status, action, world, agency)
    before = everything(dossier)
    rule = TRANSITIONS.get((status, action))

    if rule is None:
        with pytest.raises(ActionNotAllowed):
            _perform(action, dossier, world, agency)
        assert everything(dossier) == before
        return

    _perform(action, dossier, world, agency)
    after = fresh(dossier)
    expected = rule.to or status
    assert after.status == expected
    assert after.national_status == NATIONAL_CODE[expected]
    assert after.version == dossier.version + 1
    new = DossierEvent.objects.filter(dossier=dossier).exclude(
        pk__in=[event["id"] for event in before["events"]])
    assert [(e.action, e.from_status, e.to_status) for e in new] == [(action, status, expected)]


def test_the_table_covers_every_status_and_action():
    """No status is a dead end by accident and no action is unreachable."""
    reached = {rule.to for rule in TRANSITIONS.values() if rule.to} | {
        status for status, _action in TRANSITIONS if status}
    assert reached == set(Status)
    assert {action for _status, action in TRANSITIONS} == set(Action)
    terminal = {s for s in Status if not any(f == s for f, _a in TRANSITIONS)}
    assert terminal == {Status.REFUSED, Status.STOPPED, Status.RETURNED}


def test_creating_actions_have_no_from_status():
    creating = {action for status, action in TRANSITIONS if status is None}
    assert creating == {Action.CREATE_DRAFT, Action.RECEIVE, Action.RECEIVE_POSTAL, Action.REFUSE}


@pytest.mark.parametrize("action", [Action.FORWARD, Action.STOP, Action.RESCHEDULE])
def test_a_stale_page_is_refused_and_nothing_is_written(action, world, travel):
    """Given a page loaded before another officer acted (an older version), the action is
    refused with StaleDossier and the dossier is left as the other officer left it."""
    dossier = dossier_in(Status.RECEIVED, world=world, owner=world.citizen)
    stale_version = dossier.version
    dossier = P.dossier_reschedule(dossier=dossier, actor=world.leader, reason="Chờ xác minh",
                                   new_appointment_at=dossier.appointment_at + timedelta(days=1))
    before = everything(dossier)
    with pytest.raises(StaleDossier) as refused:
        kwargs = {
            Action.FORWARD: {"actor": world.desk_officer},
            Action.STOP: {"actor": world.leader, "reason": "Không đủ điều kiện"},
            Action.RESCHEDULE: {"actor": world.leader, "reason": "Chờ",
                                "new_appointment_at": dossier.appointment_at + timedelta(days=1)},
        }[action]
        service = {Action.FORWARD: P.dossier_forward, Action.STOP: P.dossier_stop,
                   Action.RESCHEDULE: P.dossier_reschedule}[action]
        service(dossier=dossier, expected_version=stale_version, **kwargs)
    assert refused.value.code == "dossier_changed"
    assert "người khác xử lý" in refused.value.text
    assert everything(dossier) == before

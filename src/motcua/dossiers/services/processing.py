"""Processing (status 4): forward from the desk, assign, hand over between steps, and liên thông
(send to a cooperating agency and back).

Each service is one `dossier_transition`; its `apply` moves the dossier along its own internal
process (`steps.dossier_move`): the step in progress finishes (its used time is recorded on the
event, for the control sheet, Mẫu 05), the next step starts with its own due instant, and the
holder (unit, handler) changes. A step starts when the dossier reaches the step's actor:

- specialist steps by `dossier_forward`, `dossier_hand_over` and `dossier_agency_return`;
- liên thông steps by `dossier_send_to_agency`, at the agency named then;
- leader steps by `dossier_propose_result`, the return desk step by `dossier_approve`
  (services/results.py).

Otherwise the dossier waits at the competent unit between steps (the cursor stays on the last
step reached). The other processing services live beside this module and are re-exported here,
so callers import every processing service from one place.
"""

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.agencies.models import Unit
from motcua.catalog.choices import StepActor
from motcua.dossiers import errors, steps
from motcua.dossiers.models import Dossier
from motcua.dossiers.services.closing import (
    dossier_accept_withdrawal,
    dossier_request_withdrawal,
    dossier_reschedule,
    dossier_stop,
)
from motcua.dossiers.services.pauses import (
    dossier_fulfil_obligation,
    dossier_request_obligation,
    dossier_request_supplement,
    dossier_supplement,
)
from motcua.dossiers.services.results import (
    dossier_approve,
    dossier_propose_result,
    dossier_return_result,
    dossier_send_back,
)
from motcua.dossiers.services.transition import (
    EventDetails,
    action_instant,
    dossier_transition,
)
from motcua.dossiers.statuses import Action

__all__ = [
    "dossier_accept_withdrawal", "dossier_agency_return", "dossier_approve", "dossier_assign",
    "dossier_forward", "dossier_fulfil_obligation", "dossier_hand_over",
    "dossier_propose_result", "dossier_request_obligation", "dossier_request_supplement",
    "dossier_request_withdrawal", "dossier_reschedule", "dossier_return_result",
    "dossier_send_back", "dossier_send_to_agency", "dossier_stop", "dossier_supplement",
]

HANDLER_NOT_IN_UNIT = _("Người được phân công phải là chuyên viên của “{unit}”.")
NO_NEXT_STEP = _(
    "Hồ sơ đã ở bước xử lý cuối cùng của chuyên viên: hãy trình kết quả để lãnh đạo phê duyệt."
)
NEXT_STEP_IS_AGENCY = _(
    "Bước tiếp theo “{step}” do cơ quan phối hợp thực hiện: hãy chuyển hồ sơ liên thông."
)
NEXT_STEP_NOT_AGENCY = _("Bước tiếp theo của quy trình không phải bước liên thông.")
NOT_AT_AGENCY = _("Hồ sơ không ở bước liên thông nào.")
AGENCY_IS_LEAD = _("Cơ quan phối hợp phải khác cơ quan chủ trì giải quyết hồ sơ.")


def dossier_forward(*, dossier: Dossier | int, actor, expected_version: int | None = None,
                    note: str = "", at: datetime | None = None) -> Dossier:
    """The desk hands a received dossier to the competent unit (received → processing): the
    desk step finishes and the first specialist step starts there, waiting to be assigned."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        following = steps.step_following(locked)
        to = following if steps.step_is(following, StepActor.SPECIALIST) else None
        return steps.dossier_move(
            dossier=locked, at=at, by=actor, unit=locked.competent_unit, to=to).details()

    return dossier_transition(dossier=dossier, action=Action.FORWARD, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_assign(*, dossier: Dossier | int, actor, handler, expected_version: int | None = None,
                   note: str = "", at: datetime | None = None) -> Dossier:
    """A leader of the unit holding the dossier gives it (and its running step) to one of the
    unit's specialists."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        _check_handler(handler, locked.current_unit)
        before = steps.party(locked.current_unit, locked.handler)
        running = steps.step_running(locked)
        if running is not None:
            running.handler = handler
            running.save(update_fields=["handler"])
        locked.handler = handler
        data = {"from": before, "to": steps.party(locked.current_unit, handler),
                "step": steps.step_snapshot(running)}
        return EventDetails(data=data, step=running)

    return dossier_transition(dossier=dossier, action=Action.ASSIGN, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_hand_over(*, dossier: Dossier | int, actor, handler=None,
                      expected_version: int | None = None, note: str = "",
                      at: datetime | None = None) -> Dossier:
    """The specialist finishes their step and passes the dossier to the next specialist step
    (optionally to a named specialist). After the last one the specialist proposes the result
    (`dossier_propose_result`); a liên thông step is reached with `dossier_send_to_agency`."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        steps.require_not_at_agency(locked)
        following = steps.step_following(locked)
        if steps.step_is(following, StepActor.OTHER_AGENCY):
            raise errors.StepUnavailable(NEXT_STEP_IS_AGENCY, step=following.name)
        if not steps.step_is(following, StepActor.SPECIALIST):
            raise errors.StepUnavailable(NO_NEXT_STEP)
        if handler is not None:
            _check_handler(handler, following.unit)
        return steps.dossier_move(
            dossier=locked, at=at, by=actor, unit=following.unit, to=following, handler=handler,
        ).details()

    return dossier_transition(dossier=dossier, action=Action.HAND_OVER, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_send_to_agency(*, dossier: Dossier | int, actor, agency: Unit,
                           expected_version: int | None = None, note: str = "",
                           at: datetime | None = None) -> Dossier:
    """Liên thông: the next step of the plan is done by a cooperating agency. It starts there
    with its own due instant (its share of the time limit, on the agency's calendar); the lead
    agency's legal due instant keeps running and never changes (DOMAIN.md §2.8). A specialist
    sends it during processing; a leader sends it after signing the proposal (a leader step
    before the liên thông step)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        steps.require_not_at_agency(locked)
        following = steps.step_following(locked)
        if not steps.step_is(following, StepActor.OTHER_AGENCY):
            raise errors.StepUnavailable(NEXT_STEP_NOT_AGENCY)
        if agency is None or agency.pk == locked.competent_unit_id:
            raise errors.InvalidInput(AGENCY_IS_LEAD, field="agency")
        move = steps.dossier_move(dossier=locked, at=at, by=actor, unit=agency, to=following)
        return move.details(agency=agency.name)

    return dossier_transition(dossier=dossier, action=Action.SEND_TO_AGENCY, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_agency_return(*, dossier: Dossier | int, actor, expected_version: int | None = None,
                          note: str = "", at: datetime | None = None) -> Dossier:
    """The cooperating agency finishes its step and the dossier goes back to the competent
    unit, to the specialist who last worked on it. A following specialist step starts there;
    otherwise the specialist sends it to the next agency or proposes the result."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        running = steps.step_running(locked)
        if not steps.step_is(running, StepActor.OTHER_AGENCY):
            raise errors.StepUnavailable(NOT_AT_AGENCY)
        following = steps.step_following(locked)
        to = following if steps.step_is(following, StepActor.SPECIALIST) else None
        move = steps.dossier_move(dossier=locked, at=at, by=actor, unit=locked.competent_unit,
                                  to=to, handler=_last_specialist(locked))
        return move.details(agency=running.unit.name)

    return dossier_transition(dossier=dossier, action=Action.AGENCY_RETURN, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def _check_handler(handler, unit: Unit) -> None:
    """A dossier is given to someone who may process it there (a specialist of that unit)."""
    if handler is None or not access.has_permission(handler, Permission.DOSSIER_PROCESS, unit):
        raise errors.InvalidInput(HANDLER_NOT_IN_UNIT, field="handler", unit=unit.name)


def _last_specialist(locked: Dossier):
    """The specialist who last held a step at the competent unit, if still able to act there."""
    step = (
        locked.steps.filter(actor=StepActor.SPECIALIST, unit=locked.competent_unit,
                            handler__isnull=False)
        .exclude(started_at__isnull=True).select_related("handler").order_by("-started_at")
        .first()
    )
    if step and access.has_permission(step.handler, Permission.DOSSIER_PROCESS,
                                      locked.competent_unit):
        return step.handler
    return None

"""Which actions an officer may take on a dossier now, and how each runs.

`actions_for(user, dossier)` asks the very rules the services enforce: the transition table
(`statuses.TRANSITIONS`, via `transition.rule_for`) and the actor check (`transition.check_actor`,
which asks motcua.accounts.access), then the internal process (`dossiers.steps`) for the actions
that need a step ahead (a hand-over needs a next specialist step, liên thông a next agency
step). No permission is decided here; the page merely shows what the service would accept.
The services check everything again, under the row lock, when the form is posted.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.catalog.choices import StepActor
from motcua.dossiers import errors, steps
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import handler_get
from motcua.dossiers.services import processing as services
from motcua.dossiers.services.transition import check_actor, rule_for
from motcua.dossiers.statuses import Action, Actor
from motcua.processing import forms
from motcua.processing.services import dossier_approve_with_upload

AGENCY_UNKNOWN = _("Không có cơ quan phối hợp này.")

type Run = Callable[..., Dossier]


@dataclass(frozen=True)
class ActionSpec:
    action: Action
    form: type[forms.ActionForm]
    run: Run  # run(dossier=, actor=, data=, files=, version=) -> Dossier
    button: str
    primary: bool = False  # the step's usual next move, shown first
    needs: Callable[[Dossier], bool] = lambda dossier: True  # the internal process allows it

    @property
    def slug(self) -> str:
        return self.action.value

    @property
    def label(self) -> str:
        return str(self.action.label)


# --- conditions on the internal process (the services raise StepUnavailable otherwise) ---


def _not_at_agency(dossier: Dossier) -> bool:
    return not steps.step_is(steps.step_running(dossier), StepActor.OTHER_AGENCY)


def _next_is(actor: str) -> Callable[[Dossier], bool]:
    def check(dossier: Dossier) -> bool:
        return _not_at_agency(dossier) and steps.step_is(steps.step_following(dossier), actor)

    return check


def _at_agency(dossier: Dossier) -> bool:
    return not _not_at_agency(dossier)


def _approvable(dossier: Dossier) -> bool:
    return steps.step_ahead(dossier, StepActor.DESK).blocked_by is None


# --- running each action through its service ------------------------------------------------


def _note(data) -> str:
    return data.get("note", "") or ""


def _forward(*, dossier, actor, data, files, version):
    return services.dossier_forward(dossier=dossier, actor=actor, expected_version=version,
                                    note=_note(data))


def _assign(*, dossier, actor, data, files, version):
    handler = handler_get(user_id=int(data["handler"]), required=True)
    return services.dossier_assign(dossier=dossier, actor=actor, handler=handler,
                                   expected_version=version, note=_note(data))


def _hand_over(*, dossier, actor, data, files, version):
    chosen = data.get("handler")
    handler = handler_get(user_id=int(chosen), required=False) if chosen else None
    return services.dossier_hand_over(dossier=dossier, actor=actor, handler=handler,
                                      expected_version=version, note=_note(data))


def _send_to_agency(*, dossier, actor, data, files, version):
    agency = Unit.objects.filter(pk=int(data["agency"])).first()
    if agency is None:
        raise errors.InvalidInput(AGENCY_UNKNOWN, field="agency")
    return services.dossier_send_to_agency(dossier=dossier, actor=actor, agency=agency,
                                           expected_version=version, note=_note(data))


def _agency_return(*, dossier, actor, data, files, version):
    return services.dossier_agency_return(dossier=dossier, actor=actor, expected_version=version,
                                          note=_note(data))


def _request_supplement(*, dossier, actor, data, files, version):
    return services.dossier_request_supplement(dossier=dossier, actor=actor,
                                               reason=data["reason"], items=data["items"],
                                               expected_version=version)


def _request_obligation(*, dossier, actor, data, files, version):
    return services.dossier_request_obligation(dossier=dossier, actor=actor,
                                               reason=data["reason"], amount=data["amount"],
                                               expected_version=version)


def _propose(*, dossier, actor, data, files, version):
    return services.dossier_propose_result(dossier=dossier, actor=actor,
                                           expected_version=version, note=_note(data))


def _approve(*, dossier, actor, data, files, version):
    result = ResultData(name=data["name"], number=data.get("number", ""),
                        signer=data.get("signer", ""), signed_on=data.get("signed_on"),
                        is_refusal=bool(data.get("is_refusal")))
    return dossier_approve_with_upload(dossier=dossier, actor=actor, result=result,
                                       upload=data.get("file"), expected_version=version,
                                       note=_note(data))


def _send_back(*, dossier, actor, data, files, version):
    return services.dossier_send_back(dossier=dossier, actor=actor, reason=data["reason"],
                                      expected_version=version)


def _accept_withdrawal(*, dossier, actor, data, files, version):
    return services.dossier_accept_withdrawal(dossier=dossier, actor=actor,
                                              expected_version=version, note=_note(data))


def _stop(*, dossier, actor, data, files, version):
    return services.dossier_stop(dossier=dossier, actor=actor, reason=data["reason"],
                                 expected_version=version)


def _reschedule(*, dossier, actor, data, files, version):
    return services.dossier_reschedule(dossier=dossier, actor=actor, reason=data["reason"],
                                       new_appointment_at=data["new_appointment_at"],
                                       expected_version=version)


A = Action
SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(A.FORWARD, forms.NoteForm, _forward, _("Chuyển xử lý"), primary=True),
    ActionSpec(A.ASSIGN, forms.AssignForm, _assign, _("Phân công"), primary=True),
    ActionSpec(A.HAND_OVER, forms.HandOverForm, _hand_over, _("Chuyển bước tiếp theo"),
               primary=True, needs=_next_is(StepActor.SPECIALIST)),
    ActionSpec(A.SEND_TO_AGENCY, forms.SendToAgencyForm, _send_to_agency,
               _("Chuyển cơ quan phối hợp"), primary=True,
               needs=_next_is(StepActor.OTHER_AGENCY)),
    ActionSpec(A.AGENCY_RETURN, forms.NoteForm, _agency_return, _("Trả kết quả liên thông"),
               primary=True, needs=_at_agency),
    ActionSpec(A.PROPOSE_RESULT, forms.NoteForm, _propose, _("Trình kết quả"), primary=True,
               needs=_not_at_agency),
    ActionSpec(A.APPROVE, forms.ApproveForm, _approve, _("Phê duyệt kết quả"), primary=True,
               needs=_approvable),
    ActionSpec(A.SEND_BACK, forms.ReasonForm, _send_back, _("Trả lại để xử lý lại")),
    ActionSpec(A.REQUEST_SUPPLEMENT, forms.SupplementForm, _request_supplement,
               _("Yêu cầu bổ sung")),
    ActionSpec(A.REQUEST_OBLIGATION, forms.ObligationForm, _request_obligation,
               _("Yêu cầu thực hiện nghĩa vụ tài chính")),
    ActionSpec(A.ACCEPT_WITHDRAWAL, forms.NoteForm, _accept_withdrawal,
               _("Chấp thuận rút hồ sơ"), primary=True),
    ActionSpec(A.RESCHEDULE, forms.RescheduleForm, _reschedule,
               _("Xin lỗi và hẹn lại (Mẫu 04)")),
    ActionSpec(A.STOP, forms.ReasonForm, _stop, _("Dừng xử lý")),
)
BY_SLUG = {spec.slug: spec for spec in SPECS}


def refusal(user, dossier: Dossier, spec: ActionSpec) -> errors.DossierError | None:
    """Why the service would refuse `user` this action on the dossier as it stands (the status
    or the actor), or None. The same two functions `dossier_transition` calls."""
    try:
        rule = rule_for(dossier.status, spec.action)
        if rule.actor is not Actor.STAFF:
            raise errors.ActionForbidden()
        check_actor(rule=rule, action=spec.action, dossier=dossier, actor=user)
    except errors.DossierError as error:
        return error
    return None


def actions_for(user, dossier: Dossier) -> list[ActionSpec]:
    """The actions `user` may take on `dossier` now, in the page's order.

    Equal rules give equal answers, so each distinct (permission, handler-only) pair is asked
    once: a handful of permission checks whatever the number of actions."""
    answers: dict[tuple, bool] = {}
    offered = []
    for spec in SPECS:
        try:
            rule = rule_for(dossier.status, spec.action)
        except errors.ActionNotAllowed:
            continue
        key = (rule.actor, rule.permission, rule.assigned_only)
        if key not in answers:
            answers[key] = refusal(user, dossier, spec) is None
        if answers[key] and spec.needs(dossier):
            offered.append(spec)
    return offered

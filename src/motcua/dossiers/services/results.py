"""From a proposal to the returned result: propose (4 → awaiting approval), approve with the
result documents (→ 9), send back for rework (→ 4), return the result (9 → 10).

A refusal letter (văn bản từ chối giải quyết) is a result like any other: the dossier is
settled when it is signed (DOMAIN.md §2.9 "Returned with refusal letter … counted as settled").
"""

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.catalog.choices import StepActor
from motcua.dossiers import classification, errors, steps
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import Delivery, Dossier, DossierEvent, DossierFile, DossierResult
from motcua.dossiers.services.transition import (
    EventDetails,
    action_instant,
    dossier_transition,
    required_text,
)
from motcua.dossiers.statuses import Action

RESULTS_REQUIRED = _("Cần ít nhất một văn bản kết quả giải quyết.")
RESULT_NAME_REQUIRED = _("Mỗi văn bản kết quả cần có tên.")
RESULT_FILE_NOT_OF_DOSSIER = _("Tệp kết quả không thuộc hồ sơ này.")
AGENCY_STEP_FIRST = _("Bước liên thông “{step}” chưa được thực hiện: hãy chuyển cơ quan phối hợp.")


def dossier_propose_result(*, dossier: Dossier | int, actor, expected_version: int | None = None,
                           note: str = "", at: datetime | None = None) -> Dossier:
    """The specialist submits the draft result to the leaders (processing → awaiting approval):
    their step finishes and the next leader step starts, for any leader of the unit."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        steps.require_not_at_agency(locked)
        ahead = steps.step_ahead(locked, StepActor.LEADER)
        move = steps.dossier_move(dossier=locked, at=at, by=actor, unit=locked.competent_unit,
                                  to=ahead.step)
        return move.details(skipped_steps=[step.name for step in ahead.skipped if ahead.step])

    return dossier_transition(dossier=dossier, action=Action.PROPOSE_RESULT, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_approve(*, dossier: Dossier | int, actor, results: list[ResultData],
                    expected_version: int | None = None, note: str = "",
                    at: datetime | None = None) -> Dossier:
    """A leader signs the result documents (awaiting approval → result ready). The dossier is
    settled now (finished_at) and goes to the desk's return step."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        recorded = _results_create(locked, results)
        ahead = steps.step_ahead(locked, StepActor.DESK)
        if ahead.blocked_by is not None:
            raise errors.StepUnavailable(AGENCY_STEP_FIRST, step=ahead.blocked_by.name)
        move = steps.dossier_move(dossier=locked, at=at, by=actor, unit=locked.receiving_unit,
                                  to=ahead.step)
        locked.finished_at = at
        settled = classification.dossier_outcome(locked)
        return move.details(
            results=recorded, refusal=any(r["is_refusal"] for r in recorded),
            outcome=settled.legal, outcome_766=settled.decision_766,
            skipped_steps=[step.name for step in ahead.skipped],
        )

    return dossier_transition(dossier=dossier, action=Action.APPROVE, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_send_back(*, dossier: Dossier | int, actor, reason: str,
                      expected_version: int | None = None, note: str = "",
                      at: datetime | None = None) -> Dossier:
    """A leader returns the proposal for rework (awaiting approval → processing), to the
    specialist who proposed it. The leader step is over; the rework has no step of its own
    (the plan has none), the dossier's legal due instant runs on."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        text = required_text(reason)
        proposer = _proposer(locked)
        move = steps.dossier_move(dossier=locked, at=at, by=actor, unit=locked.competent_unit,
                                  handler=proposer)
        return move.details(reason=text)

    return dossier_transition(dossier=dossier, action=Action.SEND_BACK, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_return_result(*, dossier: Dossier | int, actor, collected_by: str = "",
                          waybill: str = "", expected_version: int | None = None,
                          note: str = "", at: datetime | None = None) -> Dossier:
    """The desk hands the result over (result ready → returned) as the applicant chose: at the
    desk (who collected it), by post (to the delivery address; waybill if known) or
    electronically (the result files)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        delivery = _delivery(locked, collected_by=collected_by, waybill=waybill)
        move = steps.dossier_move(dossier=locked, at=at, by=actor, unit=locked.current_unit)
        locked.returned_at = at
        return move.details(delivery=delivery)

    return dossier_transition(dossier=dossier, action=Action.RETURN_RESULT, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def _results_create(locked: Dossier, results: list[ResultData]) -> list[dict]:
    if not results:
        raise errors.InvalidInput(RESULTS_REQUIRED, field="results")
    if any(not (result.name or "").strip() for result in results):
        raise errors.InvalidInput(RESULT_NAME_REQUIRED, field="results")
    file_ids = {result.file_id for result in results if result.file_id is not None}
    found = DossierFile.objects.filter(dossier=locked, pk__in=file_ids,
                                       purpose=DossierFile.Purpose.RESULT).count()
    if found != len(file_ids):
        raise errors.InvalidInput(RESULT_FILE_NOT_OF_DOSSIER, field="results")
    rows = DossierResult.objects.bulk_create(
        DossierResult(dossier=locked, name=result.name.strip(), number=result.number,
                      signer=result.signer, signed_on=result.signed_on,
                      is_refusal=result.is_refusal, file_id=result.file_id)
        for result in results
    )
    return [
        {"id": row.pk, "name": row.name, "number": row.number, "signer": row.signer,
         "signed_on": row.signed_on.isoformat() if row.signed_on else None,
         "is_refusal": row.is_refusal, "file": row.file_id}
        for row in rows
    ]


def _proposer(locked: Dossier):
    """Who proposed the result, if they may still process the dossier in its unit."""
    event = (
        DossierEvent.objects.filter(dossier=locked, action=Action.PROPOSE_RESULT)
        .select_related("actor").order_by("-at", "-id").first()
    )
    person = event.actor if event else None
    if person and access.has_permission(person, Permission.DOSSIER_PROCESS, locked.competent_unit):
        return person
    return None


def _delivery(locked: Dossier, *, collected_by: str, waybill: str) -> dict:
    method = Delivery(locked.delivery)
    data: dict = {"method": method.value, "method_name": str(method.label)}
    if method is Delivery.DESK:
        data["collected_by"] = collected_by.strip() or locked.applicant_name
    elif method is Delivery.POST:
        data |= {"address": locked.delivery_address, "waybill": waybill.strip()}
    else:
        data["files"] = list(
            locked.results.exclude(file=None).values_list("file_id", flat=True)
        )
    return data

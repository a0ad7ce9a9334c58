"""The process-control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ, DOMAIN.md §1.2 "Mẫu
05", Mẫu 06 under TT 03/2025), rebuilt from the dossier's history.

One row per hand-over: who gave the dossier to whom, in which units, when, and — for the step
that giver finished — its allotted and used working time and whether it was early, on time or
late (classification.py says how). Rows come from the append-only events alone: each
hand-over event keeps a snapshot of the step it closed, so the sheet stays true after later
actions update the step rows.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from motcua.dossiers import classification
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import Action
from motcua.workcal.engine import Outcome

RECEIPTS = frozenset({Action.RECEIVE, Action.RECEIVE_POSTAL, Action.ACCEPT})
MOVES = frozenset({
    Action.FORWARD, Action.HAND_OVER, Action.SEND_TO_AGENCY, Action.AGENCY_RETURN,
    Action.PROPOSE_RESULT, Action.SEND_BACK, Action.APPROVE, Action.RETURN_RESULT,
})
HAND_OVERS = RECEIPTS | MOVES | {Action.ASSIGN}


@dataclass(frozen=True, slots=True)
class ControlRow:
    at: datetime
    action: str
    giver: str
    giver_unit: str
    receiver: str
    receiver_unit: str
    step: str = ""  # the step the giver finished ("" for a receipt or an assignment)
    allotted_us: int | None = None
    used_us: int | None = None
    due_at: datetime | None = None
    outcome: Outcome | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class ControlSheet:
    code: str
    competent_unit: str
    cooperating_units: list[str]
    rows: list[ControlRow]


def control_sheet(dossier: Dossier) -> ControlSheet:
    """The sheet of one dossier: three queries whatever its history's length."""
    events = (
        DossierEvent.objects.filter(dossier=dossier, action__in=HAND_OVERS)
        .select_related("actor", "unit").order_by("at", "id")
    )
    rows = [_row(dossier, event) for event in events]
    cooperating = sorted({
        row.receiver_unit for row in rows if row.action == Action.SEND_TO_AGENCY
    })
    competent = Dossier.objects.filter(pk=dossier.pk).values_list(
        "competent_unit__name", flat=True).get()
    return ControlSheet(code=dossier.code or "", competent_unit=competent,
                        cooperating_units=cooperating, rows=rows)


def _row(dossier: Dossier, event: DossierEvent) -> ControlRow:
    actor = str(event.actor) if event.actor_id else ""
    unit = event.unit.name if event.unit_id else ""
    if event.action in RECEIPTS:
        applicant = dossier.submitter_name or dossier.applicant_name
        return ControlRow(at=event.at, action=event.action, giver=applicant, giver_unit="",
                          receiver=actor, receiver_unit=unit, note=event.note)
    data = event.data or {}
    to = data.get("to") or {}
    if event.action == Action.ASSIGN:
        step = data.get("step") or {}
        return ControlRow(at=event.at, action=event.action, giver=actor, giver_unit=unit,
                          receiver=to.get("handler_name", ""), receiver_unit=unit,
                          step=step.get("name", ""), note=event.note)
    receiver, receiver_unit = to.get("handler_name", ""), to.get("unit_name", "")
    if event.action == Action.RETURN_RESULT:
        receiver, receiver_unit = _recipient(dossier, data.get("delivery") or {}), ""
    return ControlRow(at=event.at, action=event.action, giver=actor,
                      giver_unit=(data.get("from") or {}).get("unit_name", unit),
                      receiver=receiver, receiver_unit=receiver_unit, note=event.note,
                      **_step_columns(data.get("finished_step")))


def _step_columns(step: dict[str, Any] | None) -> dict[str, Any]:
    if not step:
        return {}
    due, finished = _instant(step.get("due_at")), _instant(step.get("finished_at"))
    return {"step": step.get("name", ""), "allotted_us": step.get("allotted_us"),
            "used_us": step.get("used_us"), "due_at": due,
            "outcome": classification.outcome_between(finished=finished, due=due)}


def _recipient(dossier: Dossier, delivery: dict[str, Any]) -> str:
    if delivery.get("collected_by"):
        return delivery["collected_by"]
    if delivery.get("address"):
        return f"{dossier.applicant_name} ({delivery['address']})"
    return dossier.applicant_name


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None

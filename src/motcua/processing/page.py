"""What the dossier page shows: facts, components and files, steps, history, the control sheet
(Mẫu 05), the printable forms, and a form per action the viewer may take now."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.core.clock import now
from motcua.documents.forms import form_links
from motcua.dossiers import classification
from motcua.dossiers.control_sheet import control_sheet
from motcua.dossiers.models import Dossier, DossierFile, DossierStep
from motcua.dossiers.selectors import dossier_events
from motcua.dossiers.statuses import Status
from motcua.processing.actions import actions_for
from motcua.processing.history import history
from motcua.processing.urgency import urgency_of
from motcua.workcal.engine import Outcome
from motcua.workcal.selectors import calendar_for_unit

OUTCOME_LABELS = {
    Outcome.EARLY: _("Trước hạn"),
    Outcome.ON_TIME: _("Đúng hạn"),
    Outcome.LATE: _("Quá hạn"),
}
IMAGE_TYPES = {"image/jpeg", "image/png"}


@dataclass
class StepRow:
    step: DossierStep
    state: str
    late: bool = False


def dossier_context(request, dossier: Dossier, *, bound=None) -> dict:
    at = now()
    offered = actions_for(request.user, dossier)
    forms = [(spec, bound if bound is not None and bound.prefix == spec.slug
              else spec.form(dossier=dossier, user=request.user, prefix=spec.slug))
             for spec in offered]
    events = list(dossier_events(dossier=dossier))
    files = list(dossier.files.all())
    return {
        "dossier": dossier,
        "status_label": Status(dossier.status).label,
        "urgency": _urgency(dossier, at),
        "components": _components(dossier, files),
        "other_files": [f for f in files if f.component_id is None
                        and f.purpose != DossierFile.Purpose.RESULT],
        "results": _results(dossier, files),
        "steps": [_step_row(step, at) for step in dossier.steps.all()],
        "history": history(events),
        "sheet": control_sheet(dossier),
        "forms": forms,
        "documents": form_links(dossier),
        "image_types": IMAGE_TYPES,
    }


def _urgency(dossier: Dossier, at: datetime):
    if dossier.finished_at is not None or dossier.received_at is None:
        return None
    return urgency_of(dossier, at=at, calendar=calendar_for_unit(unit=dossier.current_unit))


def _components(dossier: Dossier, files: list[DossierFile]) -> list[tuple]:
    by_component: dict[int, list[DossierFile]] = {}
    for stored in files:
        if stored.component_id is not None:
            by_component.setdefault(stored.component_id, []).append(stored)
    return [(component, by_component.get(component.pk, []))
            for component in dossier.components.all()]


def _results(dossier: Dossier, files: list[DossierFile]) -> list[tuple]:
    by_id = {stored.pk: stored for stored in files}
    return [(result, by_id.get(result.file_id)) for result in dossier.results.all()]


def _step_row(step: DossierStep, at: datetime) -> StepRow:
    if step.finished_at is not None:
        outcome = classification.step_outcome(step)
        label = OUTCOME_LABELS.get(outcome, _("Đã hoàn thành"))
        return StepRow(step, str(label), late=outcome == Outcome.LATE)
    if step.started_at is None:
        return StepRow(step, str(_("Chưa bắt đầu")))
    late = step.due_at is not None and at > step.due_at
    return StepRow(step, str(_("Đang xử lý, quá hạn") if late else _("Đang xử lý")), late=late)

"""The dossier's own copy of its procedure's internal process, with a due instant per step.

At receipt the legal time (working time between the receipt and the legal due instant) is
split by each step's share (DOMAIN.md §2.8); a step's due instant is its start plus its
allotted working time, so an early step gives its spare time to the next ones and a late step
eats into theirs, while the dossier's own legal due instant never moves.
"""

from datetime import datetime

from motcua.agencies.models import Unit
from motcua.catalog.choices import StepActor
from motcua.dossiers import deadlines
from motcua.dossiers.models import Dossier, DossierStep


def dossier_steps_create(*, dossier: Dossier) -> list[DossierStep]:
    """Create the steps at receipt and start the first one. The dossier must be saved and
    received (received_at set); due instants are None when the procedure has no time limit."""
    total = (
        deadlines.working_between(unit=dossier.competent_unit, start=dossier.received_at,
                                  end=dossier.due_at)
        if dossier.due_at else None
    )
    plan = list(dossier.procedure_version.steps.order_by("position"))
    steps = [
        DossierStep(
            dossier=dossier, position=index, name=step.name, role=step.role, actor=step.actor,
            unit=_unit_for(dossier, step.actor), share=step.share,
            allotted_us=None if total is None else total * step.share // 100,
        )
        for index, step in enumerate(plan, start=1)
    ]
    created = DossierStep.objects.bulk_create(steps)
    if created:
        step_start(step=created[0], at=dossier.received_at)
        dossier.current_step = created[0]
        dossier.current_unit = created[0].unit
    return created


def _unit_for(dossier: Dossier, actor: str) -> Unit:
    # The desk steps happen where the dossier was received; the others at the competent unit
    # until a liên thông hand-over names the cooperating agency.
    return dossier.receiving_unit if actor == StepActor.DESK else dossier.competent_unit


def step_start(*, step: DossierStep, at: datetime, unit: Unit | None = None) -> DossierStep:
    step.started_at = at
    if unit is not None:
        step.unit = unit
    if step.allotted_us is not None:
        step.due_at = deadlines.add_working(unit=step.unit, start=at, amount_us=step.allotted_us)
    step.save()
    return step


def step_finish(*, step: DossierStep, at: datetime) -> DossierStep:
    step.finished_at = at
    step.used_us = deadlines.working_between(unit=step.unit, start=step.started_at, end=at)
    step.save()
    return step


def step_shift(*, step: DossierStep, paused_at: datetime, resumed_at: datetime) -> None:
    """A pause moves the running step's due instant like the dossier's (DESIGN.md "Pause")."""
    if step.due_at is not None:
        step.due_at = deadlines.resume_due(unit=step.unit, due=step.due_at, paused_at=paused_at,
                                           resumed_at=resumed_at)
        step.save(update_fields=["due_at"])

"""The dossier's own copy of its procedure's internal process, with a due instant per step.

At receipt the legal time (working time between the receipt and the legal due instant) is
split by each step's share (DOMAIN.md §2.8); a step's due instant is its start plus its
allotted working time, so an early step gives its spare time to the next ones and a late step
eats into theirs, while the dossier's own legal due instant never moves.

`Dossier.current_step` is the cursor: the step running now, or — when the dossier waits between
steps (back from a cooperating agency, awaiting a proposal) — the last step reached, already
finished. `dossier_move` is the one way the cursor and the holder (unit, handler) change.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.catalog.choices import StepActor
from motcua.core.clock import local
from motcua.dossiers import deadlines, errors
from motcua.dossiers.models import Dossier, DossierPause, DossierStep
from motcua.dossiers.services.transition import EventDetails

AT_AGENCY = _(
    "Hồ sơ đang ở cơ quan phối hợp “{unit}”: cơ quan này cần trả kết quả liên thông trước."
)


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


def step_start(*, step: DossierStep, at: datetime, unit: Unit | None = None,
               handler=None) -> DossierStep:
    step.started_at = at
    step.finished_at = None
    step.used_us = None
    step.handler = handler
    if unit is not None:
        step.unit = unit
    if step.allotted_us is not None:
        step.due_at = deadlines.add_working(unit=step.unit, start=at, amount_us=step.allotted_us)
    step.save()
    return step


def step_finish(*, step: DossierStep, at: datetime, by=None) -> DossierStep:
    """Close the step. The time used excludes the pauses (the citizen's time, DESIGN.md "Pause"),
    so it compares with the allotted time like the step's due instant, which pauses shift."""
    step.finished_at = at
    worked = deadlines.working_between(unit=step.unit, start=step.started_at, end=at)
    step.used_us = max(0, worked - _paused_us(step, at))
    if step.handler_id is None and getattr(by, "pk", None):
        step.handler = by  # nobody was assigned: whoever finished it did the step
    step.save()
    return step


def _paused_us(step: DossierStep, end: datetime) -> int:
    pauses = DossierPause.objects.filter(
        Q(ended_at__isnull=True) | Q(ended_at__gt=step.started_at),
        dossier_id=step.dossier_id, started_at__lt=end,
    ).values_list("started_at", "ended_at")
    return sum(
        deadlines.working_between(unit=step.unit, start=max(start, step.started_at),
                                  end=min(stop or end, end))
        for start, stop in pauses
    )


def step_shift(*, step: DossierStep, paused_at: datetime, resumed_at: datetime) -> None:
    """A pause moves the running step's due instant like the dossier's (DESIGN.md "Pause")."""
    if step.due_at is not None:
        step.due_at = deadlines.resume_due(unit=step.unit, due=step.due_at, paused_at=paused_at,
                                           resumed_at=resumed_at)
        step.save(update_fields=["due_at"])


def step_is(step: DossierStep | None, actor: str) -> bool:
    return step is not None and step.actor == actor


def step_running(dossier: Dossier) -> DossierStep | None:
    """The step in progress, or None when the dossier waits between steps."""
    step = dossier.current_step
    return step if step is not None and step.finished_at is None else None


def step_following(dossier: Dossier) -> DossierStep | None:
    """The plan's step after the cursor (the first step when there is no cursor yet)."""
    position = dossier.current_step.position if dossier.current_step_id else 0
    return dossier.steps.filter(position=position + 1).first()


@dataclass(frozen=True)
class Ahead:
    """The first step ahead of the cursor done by some actor, the steps skipped to reach it,
    and the liên thông step that stands in the way, if any."""

    step: DossierStep | None
    skipped: list[DossierStep]
    blocked_by: DossierStep | None = None


def step_ahead(dossier: Dossier, actor: str) -> Ahead:
    """Look ahead of the cursor for the next step done by `actor`. A cooperating agency's step
    is never skipped: it blocks the search (the dossier must be sent there first)."""
    position = dossier.current_step.position if dossier.current_step_id else 0
    skipped: list[DossierStep] = []
    for step in dossier.steps.filter(position__gt=position).order_by("position"):
        if step.actor == actor:
            return Ahead(step, skipped)
        if step.actor == StepActor.OTHER_AGENCY:
            return Ahead(None, [], blocked_by=step)
        skipped.append(step)
    return Ahead(None, skipped)


def require_not_at_agency(dossier: Dossier) -> None:
    """While a cooperating agency holds the dossier, only it can hand it back."""
    running = step_running(dossier)
    if step_is(running, StepActor.OTHER_AGENCY):
        raise errors.StepUnavailable(AT_AGENCY, unit=running.unit.name)


def step_snapshot(step: DossierStep | None) -> dict[str, Any] | None:
    """The step as it is now, for an event: steps are rows that later actions update, events
    keep what the control sheet (Mẫu 05) must show for ever."""
    if step is None:
        return None
    return {
        "id": step.pk, "position": step.position, "name": step.name, "actor": step.actor,
        "unit": step.unit_id, "unit_name": step.unit.name,
        "handler": step.handler_id, "handler_name": _name(step.handler),
        "started_at": iso(step.started_at), "due_at": iso(step.due_at),
        "finished_at": iso(step.finished_at),
        "allotted_us": step.allotted_us, "used_us": step.used_us,
    }


def party(unit: Unit, handler) -> dict[str, Any]:
    """Who holds the dossier: a unit and, if assigned, a person in it."""
    return {"unit": unit.pk, "unit_name": unit.name,
            "handler": getattr(handler, "pk", None), "handler_name": _name(handler)}


@dataclass(frozen=True)
class Move:
    from_unit: Unit  # where the dossier was: the unit the event happened in
    finished: DossierStep | None
    started: DossierStep | None
    data: dict[str, Any] = field(default_factory=dict)

    def details(self, **extra) -> EventDetails:
        """The hand-over's event: about the step handed over (its allotted and used time),
        recorded in the unit the dossier left."""
        return EventDetails(data={**self.data, **extra}, step=self.finished or self.started,
                            unit=self.from_unit)


def dossier_move(*, dossier: Dossier, at: datetime, by, unit: Unit,
                 to: DossierStep | None = None, handler=None) -> Move:
    """Hand the dossier on: finish the running step, start `to` at `unit` (when the action
    reaches a step of the plan), and make `unit` / `handler` the holder. Runs on the locked
    dossier inside `dossier_transition`, which saves it."""
    from_unit = dossier.current_unit
    before = party(from_unit, dossier.handler)
    running = step_running(dossier)
    if running is not None:
        step_finish(step=running, at=at, by=by)
    if to is not None:
        step_start(step=to, at=at, unit=unit, handler=handler)
        dossier.current_step = to
    dossier.current_unit = unit
    dossier.handler = handler
    data = {"from": before, "to": party(unit, handler), "finished_step": step_snapshot(running),
            "started_step": step_snapshot(to)}
    return Move(from_unit=from_unit, finished=running, started=to, data=data)


def iso(instant: datetime | None) -> str | None:
    """Instants in event data: ISO 8601 in Vietnam's time, as the forms print them."""
    return local(instant).isoformat() if instant is not None else None


def _name(user) -> str:
    return str(user) if getattr(user, "pk", None) else ""

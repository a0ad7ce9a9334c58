"""The one service that changes a dossier's status (STYLE.md habits 1–2).

`dossier_transition` locks the dossier row, checks the transition table (statuses.py), checks
who may act (motcua.accounts.access), applies the action's own changes, appends the event and
queues side effects in the outbox — all in one transaction, so a refused action writes
nothing. Every action-specific service in this package calls it.

Every service takes an optional `at`: the instant the action happened, default now. Pages and
the API never pass it; the demo loader and imports of past dossiers do, to record a history
that happened before (`action_instant` checks it: aware, not in the future, and not before the
dossier's last event). Such an action is history being recorded, not news: it schedules no
side effect (no one is notified of it).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.agencies.models import Unit
from motcua.core.clock import local, now
from motcua.dossiers import errors
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep
from motcua.dossiers.side_effects import dossier_changed
from motcua.dossiers.statuses import NATIONAL_CODE, TRANSITIONS, Action, Actor, Rule, Status

# Applicant actions a desk officer may also record on the applicant's behalf (a citizen who
# brings the supplement to the counter, pays at the desk, or withdraws in person).
ON_BEHALF = frozenset({Action.SUPPLEMENT, Action.FULFIL_OBLIGATION, Action.REQUEST_WITHDRAWAL})

# Which of the dossier's units a permission is checked against.
_RECEIVING_UNIT_PERMISSIONS = frozenset(
    {Permission.DOSSIER_RECEIVE, Permission.DOSSIER_ACCEPT_ONLINE,
     Permission.DOSSIER_RETURN_RESULT}
)
_COMPETENT_UNIT_PERMISSIONS = frozenset(
    {Permission.DOSSIER_APPROVE, Permission.DOSSIER_STOP, Permission.DOSSIER_RESCHEDULE}
)

INSTANT_NAIVE = _("Thời điểm thực hiện phải kèm múi giờ.")
INSTANT_IN_THE_FUTURE = _("Thời điểm thực hiện không thể ở tương lai.")
INSTANT_BEFORE_HISTORY = _(
    "Thời điểm thực hiện không thể trước thao tác gần nhất trên hồ sơ ({last})."
)


def action_instant(at: datetime | None) -> datetime:
    """When an action happens: now, or an explicit past instant (the demo loader, imports),
    which must be timezone-aware and not in the future."""
    if at is None:
        return now()
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise errors.InvalidInput(INSTANT_NAIVE, field="at")
    if at > now():
        raise errors.InvalidInput(INSTANT_IN_THE_FUTURE, field="at")
    return at


@dataclass(frozen=True)
class EventDetails:
    """What an action adds to its event: free data (shown in the history), the step it concerns
    (for the control sheet, Mẫu 05) and the unit it happened in when not the current one."""

    data: dict[str, Any] = field(default_factory=dict)
    step: DossierStep | None = None
    unit: Unit | None = None


type Apply = Callable[[Dossier], EventDetails | None]


def rule_for(status: str | None, action: Action) -> Rule:
    rule = TRANSITIONS.get((Status(status) if status else None, Action(action)))
    if rule is None:
        raise errors.ActionNotAllowed(
            status=Status(status).label if status else "—", action=Action(action).label
        )
    return rule


def unit_for(dossier: Dossier, permission: Permission):
    if permission in _RECEIVING_UNIT_PERMISSIONS:
        return dossier.receiving_unit
    if permission in _COMPETENT_UNIT_PERMISSIONS:
        return dossier.competent_unit
    return dossier.current_unit


def check_actor(*, rule: Rule, action: Action, dossier: Dossier, actor) -> str:
    """Raise unless `actor` may perform `action` on `dossier`; returns the role label recorded
    in the event (applicant, or the permission used)."""
    if rule.actor is Actor.APPLICANT:
        if actor is not None and dossier.owner_id is not None and actor.pk == dossier.owner_id:
            return Actor.APPLICANT
        if action in ON_BEHALF and access.has_permission(
            actor, Permission.DOSSIER_RECEIVE, dossier.receiving_unit
        ):
            return "desk_on_behalf"
        raise errors.ActionForbidden()
    if not access.has_permission(actor, rule.permission, unit_for(dossier, rule.permission)):
        raise errors.ActionForbidden()
    if rule.assigned_only and dossier.handler_id not in (None, actor.pk):
        raise errors.NotAssigned()
    return str(rule.permission)


def dossier_transition(
    *,
    dossier: Dossier | int,
    action: Action,
    actor,
    expected_version: int | None = None,
    note: str = "",
    apply: Apply | None = None,
    at: datetime | None = None,
    backdated: bool = False,
) -> Dossier:
    """Perform `action` on the dossier. `apply(dossier)` makes the action's own changes on the
    locked row (it may raise a DossierError) and may return details for the event.

    `backdated`: `at` was given by the caller (`action_instant`), not read from the clock; the
    history must stay in order, so it may not precede the dossier's last event. (Instants read
    from the clock are not compared: two officers' clocks are read before the row lock, so the
    later event may carry the earlier microsecond.)"""
    dossier_id = dossier.pk if isinstance(dossier, Dossier) else dossier
    with transaction.atomic():
        locked = (
            Dossier.objects.select_for_update(of=("self",))
            .select_related("receiving_unit", "competent_unit", "current_unit")
            .get(pk=dossier_id)
        )
        if expected_version is not None and locked.version != expected_version:
            raise errors.StaleDossier(status=Status(locked.status).label)
        rule = rule_for(locked.status, action)
        role = check_actor(rule=rule, action=action, dossier=locked, actor=actor)
        at = at or now()
        if backdated:
            _check_in_order(locked, at)
        from_status = locked.status
        details = (apply(locked) if apply else None) or EventDetails()
        if rule.to is not None:
            locked.status = rule.to
        return _record(dossier=locked, action=action, actor=actor, role=role, at=at,
                       from_status=from_status, note=note, details=details,
                       backdated=backdated)


def dossier_record_creation(
    *, dossier: Dossier, action: Action, actor, role: str, at: datetime, note: str = "",
    details: EventDetails | None = None, backdated: bool = False,
) -> Dossier:
    """Store a new dossier made by a creating action (receive, draft, refusal at the counter)
    with its first event. Runs inside the caller's transaction. `backdated`: `at` was given by
    the caller (see `dossier_transition`)."""
    rule = rule_for(None, action)
    dossier.status = rule.to
    return _record(dossier=dossier, action=action, actor=actor, role=role, at=at,
                   from_status="", note=note, details=details or EventDetails(),
                   backdated=backdated)


def _record(*, dossier: Dossier, action: Action, actor, role: str, at: datetime,
            from_status: str, note: str, details: EventDetails, backdated: bool) -> Dossier:
    dossier.national_status = NATIONAL_CODE[Status(dossier.status)]
    dossier.version += 1
    dossier.save()
    step = details.step
    event = DossierEvent.objects.create(
        dossier=dossier, at=at, actor=actor if getattr(actor, "pk", None) else None,
        actor_role=role, unit=details.unit or dossier.current_unit, action=action,
        from_status=from_status, to_status=dossier.status, note=note, data=details.data,
        step=step, allotted_us=step.allotted_us if step else None,
        used_us=step.used_us if step else None,
    )
    dossier_changed(dossier=dossier, event=event, backdated=backdated)
    return dossier


def _check_in_order(dossier: Dossier, at: datetime) -> None:
    last = DossierEvent.objects.filter(dossier=dossier).aggregate(last=Max("at"))["last"]
    if last is not None and at < last:
        raise errors.InvalidInput(INSTANT_BEFORE_HISTORY, field="at",
                                  last=local(last).strftime("%H:%M %d/%m/%Y"))


def required_text(value: str, *, field: str = "reason") -> str:
    """A reason the forms print (Mẫu 02, 03, 04, the stop notice): never blank."""
    text = (value or "").strip()
    if not text:
        raise errors.ReasonRequired(field=field)
    return text

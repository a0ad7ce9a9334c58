"""Ending a dossier without a result, and the apology with a new appointment.

- Withdrawal: the applicant asks (status 7, with a reason), the competent unit's leader accepts
  (→ stopped, 8).
- Stop by the agency (→ 8) with a notice stating the reason (Mẫu 05 under TT 03/2025).
- Apology and new appointment (Mẫu 04): the appointment shown to the citizen moves; the legal
  due instant used for statistics does not, so a late dossier still counts late (DESIGN.md
  "Working time").

Stopping ends processing for statistics (finished_at, DOMAIN.md §1.8 indicator 2.1): the
running step and any open pause are closed at that instant.
"""

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.dossiers import classification, errors, steps
from motcua.dossiers.models import Dossier, DossierPause
from motcua.dossiers.services.transition import (
    EventDetails,
    action_instant,
    dossier_transition,
    required_text,
)
from motcua.dossiers.statuses import Action
from motcua.dossiers.steps import iso

APPOINTMENT_NOT_LATER = _(
    "Ngày hẹn mới phải sau ngày hẹn hiện tại ({current}) và sau thời điểm này."
)
APPOINTMENT_INVALID = _("Ngày hẹn mới không hợp lệ.")


def dossier_request_withdrawal(*, dossier: Dossier | int, actor, reason: str,
                               expected_version: int | None = None, note: str = "",
                               at: datetime | None = None) -> Dossier:
    """The applicant (or the desk on their behalf) asks to withdraw the dossier (status 7)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        return EventDetails(data={"reason": required_text(reason)},
                            step=steps.step_running(locked))

    return dossier_transition(dossier=dossier, action=Action.REQUEST_WITHDRAWAL, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_accept_withdrawal(*, dossier: Dossier | int, actor,
                              expected_version: int | None = None, note: str = "",
                              at: datetime | None = None) -> Dossier:
    """The competent unit accepts the withdrawal: processing stops (→ 8)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        return _end(locked, at=at, by=actor, data={})

    return dossier_transition(dossier=dossier, action=Action.ACCEPT_WITHDRAWAL, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_stop(*, dossier: Dossier | int, actor, reason: str,
                 expected_version: int | None = None, note: str = "",
                 at: datetime | None = None) -> Dossier:
    """The competent unit stops processing with a notice to the applicant (→ 8)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        return _end(locked, at=at, by=actor, data={"reason": required_text(reason)})

    return dossier_transition(dossier=dossier, action=Action.STOP, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_reschedule(*, dossier: Dossier | int, actor, reason: str,
                       new_appointment_at: datetime, expected_version: int | None = None,
                       note: str = "", at: datetime | None = None) -> Dossier:
    """Mẫu 04: the responsible unit's leader apologises and sets a later appointment. Only the
    appointment changes; `due_at` (legal, statistics) stays."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        text = required_text(reason)
        _check_appointment(new_appointment_at, current=locked.appointment_at, at=at)
        old = locked.appointment_at
        locked.appointment_at = new_appointment_at
        locked.reschedules += 1
        data = {"reason": text, "old_appointment_at": iso(old),
                "new_appointment_at": iso(new_appointment_at), "due_at": iso(locked.due_at),
                "number": locked.reschedules}
        return EventDetails(data=data, step=steps.step_running(locked))

    return dossier_transition(dossier=dossier, action=Action.RESCHEDULE, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def _check_appointment(new: datetime, *, current: datetime | None, at: datetime) -> None:
    if not isinstance(new, datetime) or new.tzinfo is None:
        raise errors.InvalidInput(APPOINTMENT_INVALID, field="new_appointment_at")
    floor = max(current, at) if current else at
    if new <= floor:
        shown = current.isoformat() if current else "—"
        raise errors.InvalidInput(APPOINTMENT_NOT_LATER, field="new_appointment_at",
                                  current=shown)


def _end(locked: Dossier, *, at: datetime, by, data: dict) -> EventDetails:
    """Finish the running step, close an open pause, and mark the dossier finished."""
    running = steps.step_running(locked)
    if running is not None:
        steps.step_finish(step=running, at=at, by=by)
    closed = DossierPause.objects.filter(dossier=locked, ended_at__isnull=True).update(ended_at=at)
    locked.paused_at = None
    locked.finished_at = at
    settled = classification.dossier_outcome(locked)
    data |= {"step": steps.step_snapshot(running), "pause_closed": bool(closed),
             "outcome": settled.legal, "outcome_766": settled.decision_766}
    return EventDetails(data=data, step=running)

"""Pauses of the processing clock: a supplement requested during processing (status 5, Mẫu 02
with the items and the reason) and a financial obligation (status 6).

DESIGN.md "Pause": the working time left between the pause and the due instant is kept; on
resume the new due instant is the resume instant plus that time, and a dossier already overdue
when paused stays overdue (`deadlines.resume_due`). The appointment shown to the citizen and the
running step's due instant move by the same rule. A second supplement request is allowed but
recorded: Decision 766 counts such a dossier late whatever its dates (DOMAIN.md §1.8, 2.1).
"""

from collections.abc import Iterable
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.dossiers import deadlines, errors, steps
from motcua.dossiers.models import Dossier, DossierFile, DossierPause
from motcua.dossiers.services.transition import (
    EventDetails,
    action_instant,
    dossier_transition,
    required_text,
)
from motcua.dossiers.statuses import Action
from motcua.dossiers.steps import iso

ITEMS_REQUIRED = _("Vui lòng liệt kê các nội dung cần bổ sung, hoàn thiện.")
AMOUNT_INVALID = _("Số tiền nghĩa vụ tài chính phải là số nguyên dương (đồng).")
FILES_NOT_OF_DOSSIER = _("Tệp bổ sung không thuộc hồ sơ này.")
# Decision 766 (DOMAIN.md §1.8, indicator 2.1): a second supplement request makes it late.
LATE_766_FROM_REQUEST = 2


def dossier_request_supplement(*, dossier: Dossier | int, actor, reason: str, items: list[str],
                               expected_version: int | None = None, note: str = "",
                               at: datetime | None = None) -> Dossier:
    """The competent unit asks the applicant for more documents (Mẫu 02): the clock stops."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        text = required_text(reason)
        listed = [items] if isinstance(items, str) else list(items or ())
        wanted = [item.strip() for item in listed if isinstance(item, str) and item.strip()]
        if not wanted:
            raise errors.InvalidInput(ITEMS_REQUIRED, field="items")
        locked.supplement_requests += 1
        number = locked.supplement_requests
        data = _pause(locked, DossierPause.Kind.SUPPLEMENT, text, at)
        data |= {"items": wanted, "request_number": number,
                 "late_by_decision_766": number >= LATE_766_FROM_REQUEST}
        return EventDetails(data=data, step=steps.step_running(locked))

    return dossier_transition(dossier=dossier, action=Action.REQUEST_SUPPLEMENT, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_supplement(*, dossier: Dossier | int, actor, note: str = "",
                       file_ids: Iterable[int] = (),
                       expected_version: int | None = None, at: datetime | None = None) -> Dossier:
    """The applicant (or the desk on their behalf) hands in the supplement: the clock resumes.
    `file_ids` are the supplement files already attached to the dossier."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        wanted = _ids(file_ids)
        found = DossierFile.objects.filter(dossier=locked, pk__in=wanted,
                                           purpose=DossierFile.Purpose.SUPPLEMENT).count()
        if found != len(wanted):
            raise errors.InvalidInput(FILES_NOT_OF_DOSSIER, field="file_ids")
        data = _resume(locked, at) | {"file_ids": wanted}
        return EventDetails(data=data, step=steps.step_running(locked))

    return dossier_transition(dossier=dossier, action=Action.SUPPLEMENT, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_request_obligation(*, dossier: Dossier | int, actor, reason: str, amount: int,
                               expected_version: int | None = None, note: str = "",
                               at: datetime | None = None) -> Dossier:
    """The applicant must pay a financial obligation (land-use fee, tax…) before the result:
    the clock stops (DOMAIN.md §2.5)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        text = required_text(reason)
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            raise errors.InvalidInput(AMOUNT_INVALID, field="amount")
        data = _pause(locked, DossierPause.Kind.OBLIGATION, text, at) | {"amount": amount}
        return EventDetails(data=data, step=steps.step_running(locked))

    return dossier_transition(dossier=dossier, action=Action.REQUEST_OBLIGATION, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_fulfil_obligation(*, dossier: Dossier | int, actor, note: str = "",
                              expected_version: int | None = None,
                              at: datetime | None = None) -> Dossier:
    """The obligation is paid (recorded by the applicant or at the desk): the clock resumes."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        return EventDetails(data=_resume(locked, at), step=steps.step_running(locked))

    return dossier_transition(dossier=dossier, action=Action.FULFIL_OBLIGATION, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def _ids(file_ids: Iterable[int]) -> list[int]:
    try:
        return sorted({int(pk) for pk in file_ids or ()})
    except (TypeError, ValueError):
        raise errors.InvalidInput(FILES_NOT_OF_DOSSIER, field="file_ids") from None


def _pause(locked: Dossier, kind: str, reason: str, at: datetime) -> dict:
    pause = DossierPause.objects.create(dossier=locked, kind=kind, reason=reason, started_at=at,
                                        due_before=locked.due_at)
    locked.paused_at = at
    return {"reason": reason, "pause": pause.pk, "due_at": iso(locked.due_at),
            "appointment_at": iso(locked.appointment_at)}


def _resume(locked: Dossier, at: datetime) -> dict:
    """Close the open pause and move every due instant by the pause (DESIGN.md "Pause")."""
    pause = DossierPause.objects.get(dossier=locked, ended_at__isnull=True)
    before = {"due_before": iso(locked.due_at), "appointment_before": iso(locked.appointment_at)}
    unit = locked.competent_unit
    locked.due_at = _shifted(unit, locked.due_at, pause.started_at, at)
    locked.appointment_at = _shifted(unit, locked.appointment_at, pause.started_at, at)
    locked.paused_at = None
    pause.ended_at, pause.due_after = at, locked.due_at
    pause.save(update_fields=["ended_at", "due_after"])
    running = steps.step_running(locked)
    if running is not None:
        steps.step_shift(step=running, paused_at=pause.started_at, resumed_at=at)
    paused_us = deadlines.working_between(unit=unit, start=pause.started_at, end=at)
    return before | {"due_after": iso(locked.due_at), "appointment_after":
                     iso(locked.appointment_at), "pause": pause.pk, "paused_working_us": paused_us}


def _shifted(unit, due: datetime | None, paused_at: datetime, resumed_at: datetime):
    if due is None:
        return None
    return deadlines.resume_due(unit=unit, due=due, paused_at=paused_at, resumed_at=resumed_at)

"""Deadline alerts to officers, queued by the scheduler's periodic jobs through the outbox.

Each alert has a key per dossier, person and local day: the job may run as often as it likes,
and on several machines, and an officer still hears once a day about each dossier."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction

from motcua.accounts.access import Permission, users_where
from motcua.core.clock import local, now
from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Status
from motcua.outbox.services import outbox_put
from motcua.workcal.selectors import calendar_for_unit

WORKING_DAY_US = 8 * 3600 * 1_000_000
# Statuses whose processing clock runs (paused dossiers wait for the applicant).
_RUNNING = (Status.RECEIVED, Status.PROCESSING, Status.AWAITING_APPROVAL)


def _queue(*, dossier: Dossier, user_id: int, kind: str) -> bool:
    day = local(now()).date().isoformat()
    return outbox_put(
        topic="notify.staff", key=f"alert:{kind}:{dossier.pk}:{user_id}:{day}",
        payload={"dossier_id": dossier.pk, "user_id": user_id, "kind": kind}, dossier=dossier,
    ) is not None


def deadline_alerts_queue() -> int:
    """Alert each handler of a running dossier with at most one working day left (or already
    overdue); returns how many alerts were queued."""
    at, queued = now(), 0
    # A cheap first cut: one working day never spans more than a long holiday (Tết: 9 days).
    candidates = (Dossier.objects.filter(status__in=_RUNNING, handler__isnull=False,
                                         due_at__lte=at + timedelta(days=10))
                  .select_related("current_unit").only("pk", "due_at", "handler_id",
                                                       "current_unit"))
    thresholds = {}
    with transaction.atomic():
        for dossier in candidates:
            unit = dossier.current_unit
            if unit.pk not in thresholds:
                thresholds[unit.pk] = calendar_for_unit(unit=unit).add_working(
                    at, WORKING_DAY_US)
            if dossier.due_at <= thresholds[unit.pk]:
                queued += _queue(dossier=dossier, user_id=dossier.handler_id, kind="deadline")
    return queued


def acceptance_alerts_queue() -> int:
    """Alert the desk officers of the receiving unit about online dossiers whose acceptance
    deadline (DESIGN.md "Online dossiers") falls within MOTCUA_ACCEPTANCE_ALERT_HOURS."""
    at = now()
    window = at + timedelta(hours=settings.MOTCUA_ACCEPTANCE_ALERT_HOURS)
    dossiers = list(Dossier.objects.filter(status=Status.SUBMITTED,
                                           acceptance_due_at__lte=window)
                    .select_related("receiving_unit").only("pk", "receiving_unit"))
    officers: dict[int, list[int]] = {}
    for unit in {d.receiving_unit for d in dossiers}:
        officers[unit.pk] = list(users_where(Permission.DOSSIER_ACCEPT_ONLINE, unit)
                                 .values_list("pk", flat=True))
    queued = 0
    with transaction.atomic():
        for dossier in dossiers:
            for user_id in officers.get(dossier.receiving_unit_id, []):
                queued += _queue(dossier=dossier, user_id=user_id, kind="acceptance")
    return queued

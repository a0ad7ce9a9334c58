"""The periodic jobs `motcua scheduler` runs, each at most once per period across all
scheduler processes (the `PeriodicJob` row is claimed under a row lock)."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils.module_loading import import_string

from motcua.core.clock import now
from motcua.outbox.models import PeriodicJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    function: str  # dotted path of a function taking no argument

    def run(self) -> object:
        function: Callable[[], object] = import_string(self.function)
        return function()


JOBS = (
    # Messages whose first try failed or whose worker request was lost.
    Job("outbox-sweep", timedelta(seconds=30), "motcua.outbox.services.outbox_sweep"),
    # Task rows left "running" by a worker that was killed: their work was taken again.
    Job("tasks-abandoned", timedelta(minutes=10),
        "motcua.outbox.services.tasks_abandoned_close"),
    # Officers hear about dossiers due within a working day, desks about online dossiers
    # whose acceptance deadline is near (Decree 61/2018 Art. 19; DOMAIN.md §2.4).
    Job("deadline-alerts", timedelta(minutes=15), "motcua.notify.alerts.deadline_alerts_queue"),
    Job("acceptance-alerts", timedelta(minutes=15),
        "motcua.notify.alerts.acceptance_alerts_queue"),
    # Statistics: the months dossier changes made stale, then every unit's recent months
    # ("in progress" figures move with the clock; ratings are no transition).
    Job("rollups-stale", timedelta(minutes=1), "motcua.reports.rollups.rollups_refresh_stale"),
    Job("rollups-refresh", timedelta(minutes=30),
        "motcua.reports.rollups.rollups_refresh_recent"),
    # Payments whose gateway notification never came: ask the gateway (querydr).
    Job("payments-reconcile", timedelta(minutes=5),
        "motcua.payments.services.payments_reconcile_pending"),
)


def _claim(job: Job) -> bool:
    at = now()
    PeriodicJob.objects.get_or_create(name=job.name)
    with transaction.atomic():
        claimed = (
            PeriodicJob.objects.select_for_update(skip_locked=True)
            .filter(name=job.name)
            .filter(Q(last_started_at__isnull=True) | Q(last_started_at__lte=at - job.every))
            .first()
        )
        if claimed is None:
            return False
        claimed.last_started_at = at
        claimed.save(update_fields=["last_started_at"])
    return True


def jobs_run_due(jobs=JOBS) -> list[str]:
    """Run every job whose period has passed; returns the names run. A failing job is
    recorded and does not stop the others."""
    ran = []
    for job in jobs:
        if not _claim(job):
            continue
        error = ""
        try:
            job.run()
        except Exception as failure:
            logger.exception("periodic job %s failed", job.name)
            error = f"{type(failure).__name__}: {failure}"[:2000]
        PeriodicJob.objects.filter(name=job.name).update(last_finished_at=now(),
                                                         last_error=error)
        ran.append(job.name)
    return ran

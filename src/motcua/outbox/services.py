"""Put work in the outbox (inside the caller's transaction) and run it (in a worker)."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.tasks import TaskResultStatus

from motcua.core.clock import now
from motcua.outbox.handlers import handler_for
from motcua.outbox.models import OutboxMessage

logger = logging.getLogger(__name__)

State = OutboxMessage.State


def outbox_put(*, topic: str, key: str, payload: dict, dossier=None) -> OutboxMessage | None:
    """Queue `topic` work in the current transaction; once it commits, a worker is asked to
    run it at once (the scheduler's sweep runs it later if that request is lost). The same
    `key` twice queues nothing new and returns None."""
    at = now()
    try:
        with transaction.atomic():  # a savepoint: a duplicate key leaves the caller's work be
            message = OutboxMessage.objects.create(
                topic=topic, key=key, payload=payload, dossier=dossier, created_at=at,
                next_attempt_at=at,
            )
    except IntegrityError:
        return None
    transaction.on_commit(lambda: _enqueue(message.pk))
    return message


def _enqueue(message_id: int) -> None:
    from motcua.outbox.tasks import outbox_deliver

    try:
        outbox_deliver.enqueue(message_id)
    except Exception:  # the sweep will find the message; the committed change stands
        logger.exception("could not enqueue outbox message %s", message_id)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, … doubling up to 6 hours between tries."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 6 * 3600))


def _claim(queryset, *, at: datetime) -> list[int]:
    lease = at + timedelta(seconds=settings.MOTCUA_OUTBOX_LEASE_SECONDS)
    with transaction.atomic():
        ids = list(
            queryset.filter(state=State.PENDING, next_attempt_at__lte=at)
            .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=at))
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        OutboxMessage.objects.filter(pk__in=ids).update(locked_until=lease)
    return ids


def outbox_run(*, message_id: int) -> bool:
    """Run one message if it is due and nobody else runs it; returns whether it is done."""
    at = now()
    if not _claim(OutboxMessage.objects.filter(pk=message_id), at=at):
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        handler_for(message.topic)(message.payload, key=message.key)
    except Exception as error:
        _failed(message, error)
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=State.DONE, done_at=now(), locked_until=None, attempts=message.attempts + 1,
        last_error="",
    )
    return True


def _failed(message: OutboxMessage, error: Exception) -> None:
    attempts = message.attempts + 1
    gave_up = attempts >= settings.MOTCUA_OUTBOX_MAX_ATTEMPTS
    logger.warning("outbox %s (%s) failed, attempt %d: %s", message.pk, message.topic,
                   attempts, error)
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=State.FAILED if gave_up else State.PENDING, attempts=attempts,
        next_attempt_at=now() + backoff(attempts), locked_until=None,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )


def outbox_sweep(*, limit: int = 500) -> int:
    """Run the due messages (retries, and those whose enqueue was lost); returns how many
    were done."""
    ids = OutboxMessage.objects.filter(
        state=State.PENDING, next_attempt_at__lte=now()
    ).order_by("next_attempt_at").values_list("pk", flat=True)[:limit]
    return sum(outbox_run(message_id=pk) for pk in list(ids))


# A task row still "running" this long after it started lost its worker (killed, or its machine
# stopped): every task is one outbox message, which another worker takes again once its lease
# runs out, so the row only misleads whoever reads the task list.
ABANDONED_AFTER_LEASES = 2


class WorkerLost(Exception):
    """The error a task row closed by `tasks_abandoned_close` names (django.tasks imports it
    back from the row's path when the result is read)."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


def tasks_abandoned_close() -> int:
    """Mark as failed the database task rows whose worker is gone; returns how many."""
    from django_tasks_db.models import DBTaskResult

    lease = timedelta(seconds=settings.MOTCUA_OUTBOX_LEASE_SECONDS)
    at = now()
    return DBTaskResult.objects.running().filter(
        started_at__lt=at - ABANDONED_AFTER_LEASES * lease,
    ).update(
        status=TaskResultStatus.FAILED, finished_at=at, exception_class_path=WORKER_LOST,
        traceback=("The worker running this task stopped before it finished (killed, or its "
                   "machine stopped). The outbox message behind it was taken again by another "
                   "worker once its lease ran out: see the outbox list for its outcome."),
    )


def outbox_retry(*, message_ids) -> int:
    """An administrator asks failed messages to be tried again now (attempts start over)."""
    return OutboxMessage.objects.filter(pk__in=message_ids, state=State.FAILED).update(
        state=State.PENDING, attempts=0, next_attempt_at=now(), locked_until=None
    )

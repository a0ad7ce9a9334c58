"""Keep `Rollup` current: recompute the months a change touched, for the units it touched.

`rollup_refresh(unit_ids=..., months=...)` recounts those (unit, month) pairs with the period
classification (one aggregate per month over the units' dossiers, on the index
`dossier_unit_period`) and replaces their rows in one transaction. `rollup_touch_dossier` is
the after-commit hook of a transition: the competent unit's months of receipt and of finishing,
and the current month (whose "in progress" counts move with time). A periodic run of
`motcua rollups_refresh` (default: every unit, the current and the previous month) catches
what time alone changes — a dossier becoming overdue — and ratings.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, Sum

from motcua.core.clock import local, now
from motcua.dossiers.models import Delivery, Dossier, DossierFile, DossierResult
from motcua.dossiers.statuses import Status
from motcua.payments.models import Payment, PaymentStatus
from motcua.ratings.models import Rating, Satisfaction
from motcua.reports.db import without_jit
from motcua.reports.models import Rollup, RollupStale
from motcua.reports.periods import Bucket, Period, View, period_conditions, period_counts

KEY = ("competent_unit_id", "procedure_version__procedure_id", "channel")
COUNTS = {
    "received": (Bucket.RECEIVED_ONLINE, Bucket.RECEIVED_DIRECT, Bucket.RECEIVED_POSTAL),
    "carried_over": (Bucket.CARRIED_OVER,), "settled_early": (Bucket.SETTLED_EARLY,),
    "settled_on_time": (Bucket.SETTLED_ON_TIME,), "settled_late": (Bucket.SETTLED_LATE,),
    "open_within": (Bucket.OPEN_WITHIN,), "open_overdue": (Bucket.OPEN_OVERDUE,),
    "paused": (Bucket.PAUSED,),
}
MEASURES = [f.name for f in Rollup._meta.concrete_fields
            if f.name not in ("id", "unit", "procedure", "channel", "month", "refreshed_at")]


def month_of(instant) -> date:
    return local(instant).date().replace(day=1)


# The first key of the advisory locks that serialise rollup refreshes of a month.
ROLLUP_LOCK = 7660


def _months_touched(dossier) -> set[date]:
    months = {month_of(now())}
    months |= {month_of(at) for at in (dossier.received_at, dossier.finished_at) if at}
    return months


def rollup_mark_stale(*, dossier) -> None:
    """In a dossier change's transaction: its unit's months to recount (cheap: no counting
    here; a second mark of the same month is a no-op)."""
    if dossier.received_at is None or dossier.competent_unit_id is None:
        return
    RollupStale.objects.bulk_create(
        [RollupStale(unit_id=dossier.competent_unit_id, month=month)
         for month in _months_touched(dossier)], ignore_conflicts=True)


def rollups_refresh_stale() -> int:
    """The periodic job: recount the (unit, month) pairs marked stale. The marks are taken
    and the counts rewritten in one transaction per month, so a change committed meanwhile
    leaves a new mark for the next run and nothing is lost."""
    written = 0
    months = sorted(set(RollupStale.objects.values_list("month", flat=True)))
    for month in months:
        with transaction.atomic():
            taken = list(RollupStale.objects.select_for_update(skip_locked=True)
                         .filter(month=month).values_list("pk", "unit_id"))
            if not taken:
                continue
            RollupStale.objects.filter(pk__in=[pk for pk, _unit in taken]).delete()
            written += rollup_refresh(unit_ids={unit for _pk, unit in taken}, months=[month])
    return written


def rollup_refresh(*, unit_ids: Iterable[int] | None, months: Iterable[date]) -> int:
    """Recount `months` for `unit_ids` (None: every unit); returns the rows written. Two
    refreshes of the same month wait for each other (a transaction-level advisory lock on
    PostgreSQL; SQLite writes one at a time anyway), so their deletes and inserts never mix."""
    written = 0
    for month in sorted({m.replace(day=1) for m in months}):
        with without_jit():
            _lock_month(month)
            rows = _month_rows(unit_ids, Period.month(month))
            stale = Rollup.objects.filter(month=month)
            if unit_ids is not None:
                stale = stale.filter(unit_id__in=list(unit_ids))
            stale.delete()
            Rollup.objects.bulk_create(rows, batch_size=2_000)
        written += len(rows)
    return written


def _lock_month(month: date) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)",
                           [ROLLUP_LOCK, month.toordinal()])


def _month_rows(unit_ids, period: Period) -> list[Rollup]:
    dossiers = Dossier.objects.all()
    if unit_ids is not None:
        dossiers = dossiers.filter(competent_unit_id__in=list(unit_ids))
    rows: dict[tuple, Rollup] = {}
    stamp = now()
    for found in period_counts(dossiers, period=period, group_by=KEY, extra=_extra(period)):
        rollup = _row(rows, found, period, stamp)
        for name, buckets in COUNTS.items():
            setattr(rollup, name, sum(found[b.value] for b in buckets))
        for name in ("settled_late_766", "open_overdue_766", "late_apologised", "completed",
                     "e_results", "digitised", "fee_bearing", "paid_online", "returned_by_post"):
            setattr(rollup, name, found[name])
        rollup.completed_seconds = int(found["completed_time"].total_seconds()) if found[
            "completed_time"] else 0
        rollup.fees_collected = found["fees_collected"] or 0
    _add_ratings(rows, unit_ids, period, stamp)
    return [r for r in rows.values() if any(getattr(r, m) for m in MEASURES)]


def _row(rows: dict, found: dict, period: Period, stamp) -> Rollup:
    key = (found["competent_unit_id"], found["procedure_version__procedure_id"],
           found["channel"])
    if key not in rows:
        rows[key] = Rollup(unit_id=key[0], procedure_id=key[1], channel=key[2],
                           month=period.first, refreshed_at=stamp)
    return rows[key]


def _extra(period: Period) -> dict:
    """Measures beside the buckets, each a filtered aggregate in the same query."""
    legal = period_conditions(period, View.LEGAL)
    d766 = period_conditions(period, View.DECISION_766)
    settled = (legal[Bucket.SETTLED_EARLY] | legal[Bucket.SETTLED_ON_TIME]
               | legal[Bucket.SETTLED_LATE])
    received = Q(received_at__gte=period.start)
    completed = settled & Q(status__in=[Status.RESULT_READY, Status.RETURNED])
    e_result = Exists(DossierResult.objects.filter(dossier=OuterRef("pk"), file__isnull=False))
    digitised = Exists(DossierFile.objects.filter(dossier=OuterRef("pk"),
                                                  purpose=DossierFile.Purpose.SUBMISSION))
    fee = received & Q(fee_due__gt=0)
    paid_online = Exists(Payment.objects.filter(dossier=OuterRef("pk"),
                                                status=PaymentStatus.PAID))
    returned = Q(returned_at__gte=period.start, returned_at__lt=period.cutoff())
    elapsed = ExpressionWrapper(F("finished_at") - F("received_at"), output_field=DurationField())
    return {
        "settled_late_766": Count("pk", filter=d766[Bucket.SETTLED_LATE]),
        "open_overdue_766": Count("pk", filter=d766[Bucket.OPEN_OVERDUE]),
        "late_apologised": Count("pk", filter=legal[Bucket.SETTLED_LATE] & Q(reschedules__gt=0)),
        "completed": Count("pk", filter=completed),
        "completed_time": Sum(elapsed, filter=completed),
        "e_results": Count("pk", filter=completed & e_result),
        "digitised": Count("pk", filter=received & digitised),
        "fee_bearing": Count("pk", filter=fee),
        # Decision 766 indicator 3.6: fee-bearing dossiers paid through the online gateway.
        "paid_online": Count("pk", filter=fee & paid_online),
        "returned_by_post": Count("pk", filter=returned & Q(delivery=Delivery.POST)),
        "fees_collected": Sum("fee_paid", filter=received),
    }


def _add_ratings(rows: dict, unit_ids, period: Period, stamp) -> None:
    ratings = Rating.objects.filter(submitted_at__gte=period.start,
                                    submitted_at__lt=period.end)
    if unit_ids is not None:
        ratings = ratings.filter(dossier__competent_unit_id__in=list(unit_ids))
    key = ("dossier__competent_unit_id", "dossier__procedure_version__procedure_id",
           "dossier__channel")
    level = {s: Count("pk", filter=Q(satisfaction=s)) for s in Satisfaction.values}
    for found in ratings.values(*key).annotate(n=Count("pk"), points=Sum("total"), **level):
        rollup = _row(rows, {k: found[d] for k, d in zip(KEY, key, strict=True)}, period, stamp)
        rollup.ratings, rollup.ratings_points = found["n"], found["points"] or 0
        rollup.ratings_very_satisfied = found[Satisfaction.VERY_SATISFIED]
        rollup.ratings_satisfied = found[Satisfaction.SATISFIED]
        rollup.ratings_unsatisfied = found[Satisfaction.UNSATISFIED]


def months_between(first: date, last: date) -> list[date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def rollups_refresh_recent() -> int:
    """The periodic job: every unit, this month and the previous one ("in progress" figures
    move with the clock; ratings are not transitions)."""
    today = local(now()).date()
    previous = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return rollup_refresh(unit_ids=None, months=[previous, today.replace(day=1)])

"""The one classification of a period's dossiers: every report and page counts with it.

For a period [start, end) — local days in Vietnam, end exclusive — a dossier is counted when
it was received (accepted) before the end and not finished before the start (DOMAIN.md §5,
Biểu 06: "Số hồ sơ nhận giải quyết"). Refused-at-the-desk and cancelled dossiers were never
received and are not counted (Decision 766: "only accepted dossiers count"). Each counted
dossier falls in exactly one intake bucket and exactly one result bucket:

- intake: received in the period online (col 4) / directly (col 5) / by post (col 5), or
  carried over from before the period (col 6);
- result: settled in the period early (col 8) / on time (col 9) / late (col 10), or still in
  progress at the cut-off within the deadline (col 12) / overdue (col 13); the cut-off is the
  end of the period, or now for a period not yet over.

`paused` (supplement or financial obligation at the cut-off) is a sub-count of "in progress"
(Biểu 06 counts them "trong hạn" unless already overdue, DOMAIN.md §2.6).

A dossier belongs to its competent unit only (the unit that settles it): a liên thông step at
a cooperating agency does not make it that agency's dossier, so inter-agency copies are counted
once, wherever the report is cut.

The rules of early / on time / late and within / overdue are those of
`motcua.dossiers.classification` (legal view, or the Decision 766 view). `dossier_period` applies
them to one dossier by calling it; `period_conditions` states the same rules as SQL conditions so
that a province-year is counted by the database in one aggregate. Tests assert the two agree on
handmade and random dossiers. Two additions of the report templates (DOMAIN.md §2.6, §5):
a dossier with no due instant cannot be late (counted on time), and in the legal view a stopped
or withdrawn dossier counts as settled on time (Biểu 06 column 9: "bao gồm cả hồ sơ … trả
lại/xin rút").
"""

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate

from motcua.core.clock import VIETNAM, now
from motcua.dossiers import classification
from motcua.dossiers.statuses import Channel, Status
from motcua.workcal.engine import Outcome, Standing


class View(enum.StrEnum):
    LEGAL = "legal"  # Biểu 06, public statistics
    DECISION_766 = "decision_766"  # the national service index, indicator 2.1


class Bucket(enum.StrEnum):
    RECEIVED_ONLINE = "received_online"
    RECEIVED_DIRECT = "received_direct"
    RECEIVED_POSTAL = "received_postal"
    CARRIED_OVER = "carried_over"
    SETTLED_EARLY = "settled_early"
    SETTLED_ON_TIME = "settled_on_time"
    SETTLED_LATE = "settled_late"
    OPEN_WITHIN = "open_within"
    OPEN_OVERDUE = "open_overdue"
    PAUSED = "paused"


INTAKE = (Bucket.RECEIVED_ONLINE, Bucket.RECEIVED_DIRECT, Bucket.RECEIVED_POSTAL,
          Bucket.CARRIED_OVER)
RESULT = (Bucket.SETTLED_EARLY, Bucket.SETTLED_ON_TIME, Bucket.SETTLED_LATE,
          Bucket.OPEN_WITHIN, Bucket.OPEN_OVERDUE)
_BY_CHANNEL = {Channel.ONLINE: Bucket.RECEIVED_ONLINE, Channel.DIRECT: Bucket.RECEIVED_DIRECT,
               Channel.POSTAL: Bucket.RECEIVED_POSTAL}
_SETTLED = {Outcome.EARLY: Bucket.SETTLED_EARLY, Outcome.ON_TIME: Bucket.SETTLED_ON_TIME,
            Outcome.LATE: Bucket.SETTLED_LATE}
_STANDING = {Standing.WITHIN: Bucket.OPEN_WITHIN, Standing.OVERDUE: Bucket.OPEN_OVERDUE}


@dataclass(frozen=True, slots=True)
class Period:
    """Local days `first`..`last` inclusive; `start`/`end` the UTC-aware bounds, `cutoff` the
    instant at which dossiers in progress are judged (the end, or now if earlier)."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(), tzinfo=VIETNAM)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(), tzinfo=VIETNAM)

    def cutoff(self) -> datetime:
        return min(self.end, now())

    @classmethod
    def month(cls, first: date) -> "Period":
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return cls(first.replace(day=1), following - timedelta(days=1))


@dataclass(frozen=True, slots=True)
class Place:
    """Where one dossier stands in a period."""

    intake: Bucket
    result: Bucket
    paused: bool

    def buckets(self) -> tuple[Bucket, ...]:
        return (self.intake, self.result, *((Bucket.PAUSED,) if self.paused else ()))


def dossier_period(dossier, *, period: Period, view: View = View.LEGAL) -> Place | None:
    """The buckets of one dossier in `period`; None when the period does not count it."""
    start, end, cutoff = period.start, period.end, period.cutoff()
    received, finished = dossier.received_at, dossier.finished_at
    if received is None or received >= end or (finished is not None and finished < start):
        return None
    intake = Bucket.CARRIED_OVER if received < start else _BY_CHANNEL[Channel(dossier.channel)]
    if finished is not None and finished < cutoff:
        return Place(intake, _settled(dossier, view), paused=False)
    # In progress at the cut-off: judged as it stood then (a later end is not known yet).
    paused_at = dossier.paused_at if dossier.paused_at and dossier.paused_at < cutoff else None
    as_of = replace_instants(dossier, finished_at=None, paused_at=paused_at)
    standing = classification.dossier_standing(as_of, cutoff=cutoff)
    picked = getattr(standing, view.value) if standing else None
    return Place(intake, _STANDING[picked or Standing.WITHIN], paused=paused_at is not None)


def _settled(dossier, view: View) -> Bucket:
    if view == View.LEGAL and dossier.status == Status.STOPPED:
        return Bucket.SETTLED_ON_TIME  # Biểu 06 col 9 counts withdrawn / stopped on time
    outcome = classification.dossier_outcome(dossier)
    picked = getattr(outcome, view.value) if outcome else None
    return _SETTLED[picked or Outcome.ON_TIME]


@dataclass(frozen=True, slots=True)
class _AsOf:
    received_at: datetime | None
    finished_at: datetime | None
    paused_at: datetime | None
    due_at: datetime | None
    supplement_requests: int


def replace_instants(dossier, **changes) -> _AsOf:
    """A read-only copy of the instants the classification reads, some replaced."""
    copy = _AsOf(dossier.received_at, dossier.finished_at, dossier.paused_at, dossier.due_at,
                 dossier.supplement_requests)
    return replace(copy, **changes)


# --- The same rules for the database -----------------------------------------------------------


def counted(period: Period) -> Q:
    return Q(received_at__isnull=False, received_at__lt=period.end) & (
        Q(finished_at__isnull=True) | Q(finished_at__gte=period.start))


def period_conditions(period: Period, view: View = View.LEGAL) -> dict[Bucket, Q]:
    """Per bucket, the condition a counted dossier meets (apply `counted` first)."""
    start, cutoff = period.start, period.cutoff()
    received_in = Q(received_at__gte=start)
    settled = Q(finished_at__isnull=False, finished_at__lt=cutoff)
    has_due = Q(due_at__isnull=False)
    late = has_due & Q(finished_at__gt=F("due_at"))
    early = has_due & ~late & Q(finished_day__lt=F("due_day"))
    paused = Q(paused_at__isnull=False, paused_at__lt=cutoff)
    # In progress: judged at the pause when paused before the cut-off (classification.py).
    overdue = has_due & ((paused & Q(paused_at__gt=F("due_at")))
                         | (~paused & Q(due_at__lt=cutoff)))
    if view == View.DECISION_766:
        twice = Q(supplement_requests__gte=classification.LATE_766_SUPPLEMENT_REQUESTS)
        late, early, overdue = late | twice, early & ~twice, overdue | twice
    else:
        stopped = Q(status=Status.STOPPED)
        late, early = late & ~stopped, early & ~stopped
    return {
        Bucket.RECEIVED_ONLINE: received_in & Q(channel=Channel.ONLINE),
        Bucket.RECEIVED_DIRECT: received_in & Q(channel=Channel.DIRECT),
        Bucket.RECEIVED_POSTAL: received_in & Q(channel=Channel.POSTAL),
        Bucket.CARRIED_OVER: ~received_in,
        Bucket.SETTLED_EARLY: settled & early,
        Bucket.SETTLED_ON_TIME: settled & ~early & ~late,
        Bucket.SETTLED_LATE: settled & late,
        Bucket.OPEN_WITHIN: ~settled & ~overdue,
        Bucket.OPEN_OVERDUE: ~settled & overdue,
        Bucket.PAUSED: ~settled & paused,
    }


def with_days(queryset: QuerySet) -> QuerySet:
    """The local (Vietnam) dates that early / on time compare (DESIGN.md "Working time")."""
    return queryset.annotate(finished_day=TruncDate("finished_at", tzinfo=VIETNAM),
                             due_day=TruncDate("due_at", tzinfo=VIETNAM))


def period_counts(queryset: QuerySet, *, period: Period, view: View = View.LEGAL,
                  group_by: tuple[str, ...] = (), extra: dict | None = None) -> list[dict]:
    """Count `queryset`'s dossiers per bucket (and per `group_by` columns) in one query."""
    conditions = period_conditions(period, view)
    aggregates = {bucket.value: Count("pk", filter=q) for bucket, q in conditions.items()}
    aggregates.update(extra or {})
    rows = with_days(queryset.filter(counted(period)))
    if group_by:
        return list(rows.values(*group_by).annotate(**aggregates).order_by(*group_by))
    return [rows.aggregate(**aggregates)]


def period_dossiers(queryset: QuerySet, *, period: Period, bucket: Bucket,
                    view: View = View.LEGAL) -> QuerySet:
    """The dossiers of one bucket (the public list of late dossiers)."""
    condition = period_conditions(period, view)[bucket]
    return with_days(queryset.filter(counted(period))).filter(condition)

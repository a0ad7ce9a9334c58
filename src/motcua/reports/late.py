"""The public list of late dossiers of a unit and month, with whether an apology (Mẫu 04) was
sent: code, procedure, dates — never the applicant (Law 91/2025: no personal data)."""

from dataclasses import dataclass
from datetime import date, datetime

from motcua.agencies.models import Unit
from motcua.dossiers.models import Dossier
from motcua.reports.bieu06 import subtree_ids
from motcua.reports.periods import Bucket, Period, period_dossiers

LIMIT = 500


@dataclass(frozen=True)
class LateRow:
    code: str
    procedure: str
    received_at: datetime
    due_at: datetime
    finished_at: datetime | None
    apologised: bool


def late_list(*, unit: Unit, month: date) -> list[LateRow]:
    """Settled late in the month, then still overdue at its end (or now)."""
    period = Period.month(month)
    dossiers = Dossier.objects.filter(competent_unit_id__in=subtree_ids(unit))
    rows = []
    for bucket in (Bucket.SETTLED_LATE, Bucket.OPEN_OVERDUE):
        found = (period_dossiers(dossiers, period=period, bucket=bucket)
                 .order_by("due_at")
                 .values_list("code", "procedure_version__name", "received_at", "due_at",
                              "finished_at", "reschedules")[:LIMIT])
        rows += [LateRow(code, name, received, due,
                         finished if bucket == Bucket.SETTLED_LATE else None, apologies > 0)
                 for code, name, received, due, finished, apologies in found]
    return rows

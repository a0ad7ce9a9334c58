"""Reads behind the desk's pages: the three queues, the procedures a desk may receive, and the
citizen account behind a CCCD. Each a constant number of queries.

The online queue is the dossier engine's `dossier_desk_queue`; the two others follow its shape
(`Queue`: the first rows and counts over all of them) on the same index (receiving unit,
status, …).
"""

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from django.db.models import Count, F, Q, QuerySet

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.accounts.models import User
from motcua.catalog.models import Procedure
from motcua.catalog.selectors import procedure_list
from motcua.core.clock import now
from motcua.core.paging import Pages
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import PAGE_SIZE, Queue, dossier_desk_queue
from motcua.dossiers.statuses import Channel, Status

PROCEDURE_CHOICES_LIMIT = 30
_FIELDS = (
    "id", "code", "version", "status", "channel", "applicant_name", "submitted_at",
    "received_at", "due_at", "appointment_at", "finished_at", "delivery",
    "procedure_version__name", "procedure_version__procedure__code",
    "receiving_unit__name", "competent_unit__name",
)
_RELATED = ("procedure_version__procedure", "receiving_unit", "competent_unit")


def _queue(queryset: QuerySet, *, due: str, at: datetime, limit: int, page: int) -> Queue:
    counts = queryset.aggregate(
        n_total=Count("pk"), n_overdue=Count("pk", filter=Q(**{f"{due}__lt": at})),
    )
    pages = Pages(requested=page, count=counts["n_total"], size=limit)
    rows = list(queryset.select_related(*_RELATED).only(*_FIELDS)
                .order_by(F(due).asc(nulls_last=True), "pk")[pages.offset:pages.offset + limit])
    for row in rows:
        row.overdue = getattr(row, due) is not None and getattr(row, due) < at
    return Queue(dossiers=rows, total=counts["n_total"], overdue=counts["n_overdue"],
                 due_today=0, pages=pages)


def desk_online_queue(*, officer, at: datetime | None = None,
                      limit: int = PAGE_SIZE, page: int = 1) -> Queue:
    """Online dossiers waiting for acceptance (the engine's selector)."""
    return dossier_desk_queue(officer=officer, at=at, limit=limit, page=page)


def desk_received_queue(*, officer, at: datetime | None = None,
                        limit: int = PAGE_SIZE, page: int = 1) -> Queue:
    """Dossiers received by my desks and not yet forwarded to the competent unit, by their
    appointment; `overdue` when the appointment has passed while the desk still holds them."""
    queryset = Dossier.objects.filter(
        status=Status.RECEIVED,
        receiving_unit__in=access.units_where(officer, Permission.DOSSIER_RECEIVE),
    )
    return _queue(queryset, due="appointment_at", at=at or now(), limit=limit,
                  page=page)


def desk_results_queue(*, officer, at: datetime | None = None,
                       limit: int = PAGE_SIZE, page: int = 1) -> Queue:
    """Results ready to hand over at my desks, by appointment."""
    queryset = Dossier.objects.filter(
        status=Status.RESULT_READY,
        receiving_unit__in=access.units_where(officer, Permission.DOSSIER_RETURN_RESULT),
    )
    return _queue(queryset, due="appointment_at", at=at or now(), limit=limit,
                  page=page)


def desk_procedures(*, q: str, channel: Channel) -> list[Procedure]:
    """Published procedures offered through `channel` whose name or code matches `q`, accents
    and case folded (`motcua.core.text.fold`, the catalog's search rule)."""
    if not q.strip():
        return []
    return list(procedure_list(q=q, channel=int(channel))[:PROCEDURE_CHOICES_LIMIT])


def citizen_by_cccd(*, cccd: str) -> User | None:
    """The active account holding this CCCD, to pre-fill the applicant (one query)."""
    cccd = cccd.strip()
    if not cccd:
        return None
    return User.objects.filter(cccd=cccd, is_active=True).first()


def code_from_input(text: str) -> str:
    """A dossier code typed, scanned or pasted: the code itself, or the public look-up URL the
    receipt's QR code encodes (`/tra-cuu/?ma=<code>`)."""
    text = (text or "").strip()
    if "ma=" in text:
        codes = parse_qs(urlsplit(text).query).get("ma")
        if codes:
            return codes[0].strip()
    return text

"""The dossier register (Mẫu 06, Sổ theo dõi hồ sơ, TT 01/2018/TT-VPCP; DOMAIN.md §1.4).

One row per dossier the desk received (in person, by post, or accepted online) or refused,
with the official columns. The dates that are not on the dossier row — forwarded to the
competent unit, result received from it, who signed for the result — come from the
append-only events, read in ONE query for all the rows shown, so the register costs the same
few queries whatever its length (tests/desk/test_register.py).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.core.clock import VIETNAM
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import Action, Channel, Status

PAGE_SIZE = 50
EXPORT_LIMIT = 20_000

# The official headings of Mẫu 06, in order (DOMAIN.md §1.4).
HEADINGS = (
    _("STT"), _("Mã hồ sơ"), _("Tên TTHC"), _("Số lượng hồ sơ (bộ)"),
    _("Tên cá nhân, tổ chức"), _("Địa chỉ, số điện thoại"), _("Cơ quan chủ trì giải quyết"),
    _("Nhận hồ sơ"), _("Hẹn trả kết quả"), _("Chuyển hồ sơ đến cơ quan giải quyết"),
    _("Nhận kết quả từ cơ quan giải quyết"), _("Trả kết quả cho cá nhân, tổ chức"),
    _("Ký nhận"), _("Ghi chú"),
)
DATE_GROUP = _("Ngày, tháng, năm")  # the heading above the five date columns
DATE_COLUMNS = (7, 12)  # 0-based, end exclusive: the columns under DATE_GROUP

_FIELDS = (
    "id", "code", "status", "channel", "applicant_name", "applicant_address",
    "applicant_phone", "received_at", "appointment_at", "finished_at", "returned_at",
    "created_at", "procedure_version__name", "competent_unit__name",
)
_EVENT_ACTIONS = (Action.FORWARD, Action.APPROVE, Action.RETURN_RESULT, Action.REFUSE)


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    start: date | None = None
    end: date | None = None
    procedure: str = ""  # catalog code
    status: str = ""
    channel: int | None = None


@dataclass(slots=True)
class RegisterRow:
    number: int
    dossier: Dossier
    forwarded_at: datetime | None = None
    result_at: datetime | None = None
    collected_by: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def contact(self) -> str:
        d = self.dossier
        return ", ".join(part for part in (d.applicant_address, d.applicant_phone) if part)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=VIETNAM)


def register_queryset(*, units: QuerySet[Unit], filters: RegisterFilter) -> QuerySet[Dossier]:
    """The register's dossiers in `units`, filtered, oldest receipt first. The register's date
    is the receipt; a dossier refused before receipt counts on the day it was refused."""
    queryset = Dossier.objects.filter(receiving_unit__in=units).filter(
        Q(received_at__isnull=False) | Q(status=Status.REFUSED)
    ).annotate(register_at=Coalesce("received_at", "finished_at", "created_at"))
    if filters.start:
        queryset = queryset.filter(register_at__gte=_day_start(filters.start))
    if filters.end:
        queryset = queryset.filter(register_at__lt=_day_start(filters.end + timedelta(days=1)))
    if filters.procedure:
        queryset = queryset.filter(procedure_version__procedure__code=filters.procedure)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    return (queryset.select_related("procedure_version", "competent_unit").only(*_FIELDS)
            .order_by("register_at", "pk"))


def register_rows(dossiers: list[Dossier], *, first_number: int = 1) -> list[RegisterRow]:
    """The rows for `dossiers` (already loaded), with the dates read from their events in one
    query."""
    rows = {d.pk: RegisterRow(number=first_number + i, dossier=d) for i, d in enumerate(dossiers)}
    if not rows:
        return []
    events = (DossierEvent.objects.filter(dossier_id__in=list(rows), action__in=_EVENT_ACTIONS)
              .only("dossier_id", "action", "at", "data", "note").order_by("at", "pk"))
    for event in events:
        _apply_event(rows[event.dossier_id], event)
    for row in rows.values():
        row.notes.insert(0, _status_note(row.dossier))
    return list(rows.values())


def _apply_event(row: RegisterRow, event: DossierEvent) -> None:
    if event.action == Action.FORWARD and row.forwarded_at is None:
        row.forwarded_at = event.at
    elif event.action == Action.APPROVE:
        row.result_at = event.at
    elif event.action == Action.RETURN_RESULT:
        delivery = (event.data or {}).get("delivery") or {}
        row.collected_by = delivery.get("collected_by") or delivery.get("method_name", "")
    elif event.action == Action.REFUSE and event.note:
        row.notes.append(str(_("Lý do từ chối: {reason}")).format(reason=event.note))


def _status_note(dossier: Dossier) -> str:
    return f"{Status(dossier.status).label} – {Channel(dossier.channel).label}"


@dataclass(frozen=True, slots=True)
class RegisterPage:
    rows: list[RegisterRow]
    page: object  # django.core.paginator.Page


def register_page(*, units, filters: RegisterFilter, number: int = 1) -> RegisterPage:
    """One page of the register: a count, the page's dossiers, their events (3 queries)."""
    paginator = Paginator(register_queryset(units=units, filters=filters), PAGE_SIZE)
    page = paginator.get_page(number)
    first = (page.number - 1) * PAGE_SIZE + 1
    return RegisterPage(rows=register_rows(list(page.object_list), first_number=first), page=page)


def register_all(*, units, filters: RegisterFilter) -> list[RegisterRow]:
    """Every row (for the export), up to EXPORT_LIMIT (2 queries)."""
    dossiers = list(register_queryset(units=units, filters=filters)[:EXPORT_LIMIT])
    return register_rows(dossiers)

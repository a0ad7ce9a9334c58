"""Reads of dossiers (STYLE.md: services write, selectors read).

Each selector runs a constant number of queries whatever the number of dossiers (asserted in
tests/dossiers/test_selectors.py) and filters on an index of `Dossier.Meta.indexes`:
the officer's inbox on (handler, status, due_at) or (current_unit, status, due_at), the desk's
queue on (receiving_unit, status, acceptance_due_at), a citizen's list on (owner, -created_at),
the public look-up on the unique code, the history on (dossier, at).
"""

import hmac
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.agencies.models import Unit
from motcua.catalog.models import ProcedureVersion
from motcua.core.clock import VIETNAM, local, now
from motcua.dossiers import errors
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep
from motcua.dossiers.statuses import OPEN, Status

# The permissions that put a dossier of the unit in an officer's "unit" inbox.
INBOX_PERMISSIONS = (Permission.DOSSIER_PROCESS, Permission.DOSSIER_ASSIGN,
                     Permission.DOSSIER_APPROVE)
INBOX_LIMIT = 200
_LIST_RELATED = ("procedure_version__procedure", "receiving_unit", "current_unit",
                 "current_step", "handler")
# The columns a list shows (the API's DossierSummaryOut): loading every column of the seven
# joined tables made a page of the unit inbox cost 2–3× the rows it shows at 200,000 dossiers
# (bench/bench_dossiers.py). A list that shows another field adds it here; the query-count
# tests catch a field read without being loaded.
_LIST_FIELDS = (
    "id", "code", "version", "status", "national_status", "channel", "applicant_name",
    "submitted_at", "acceptance_due_at", "received_at", "due_at", "appointment_at", "paused_at",
    "procedure_version__name", "procedure_version__procedure__code",
    "receiving_unit__code", "receiving_unit__name", "current_unit__code", "current_unit__name",
    "current_step__name", "current_step__due_at",
    "handler__full_name", "handler__username",
)
# Dossiers waiting for acceptance have no step and no handler yet: the desk queue loads their
# (null) keys instead of joining the step and user tables.
_DESK_RELATED = ("procedure_version__procedure", "receiving_unit", "current_unit")
_DESK_FIELDS = (
    *(name for name in _LIST_FIELDS if not name.startswith(("current_step__", "handler__"))),
    "current_step", "handler",
)


@dataclass(frozen=True, slots=True)
class Queue:
    """A page of work: the first `limit` dossiers in order, and counts over all of them."""

    dossiers: list[Dossier]
    total: int
    overdue: int
    due_today: int


def local_day_bounds(at: datetime) -> tuple[datetime, datetime]:
    """Start of `at`'s day in Vietnam and start of the next day (DESIGN.md: instants are shown
    and days are counted in Asia/Ho_Chi_Minh)."""
    day = local(at).date()
    start = datetime.combine(day, time.min, tzinfo=VIETNAM)
    return start, start + timedelta(days=1)


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(True)), default=Value(False),
                output_field=BooleanField())


def _deadline_flags(queryset: QuerySet, *, due: str, at: datetime) -> QuerySet:
    """Annotate `overdue` and `due_today` against the instant field `due`. A paused dossier
    keeps the standing it had when paused (DESIGN.md "Pause": an overdue dossier stays
    overdue; one within its deadline resumes with its remaining time)."""
    _start, end = local_day_bounds(at)
    paused = Q(paused_at__isnull=False)
    overdue = (paused & Q(paused_at__gt=F(due))) | (~paused & Q(**{f"{due}__lt": at}))
    today = ~paused & Q(**{f"{due}__gte": at, f"{due}__lt": end})
    return queryset.annotate(overdue=_flag(overdue), due_today=_flag(today))


def _queue(queryset: QuerySet, *, order: list, limit: int, related=_LIST_RELATED,
           fields=_LIST_FIELDS) -> Queue:
    # Aliases differ from the annotations they count: an aggregate named like an annotation
    # would shadow it in its own filter.
    counts = queryset.aggregate(
        n_total=Count("pk"), n_overdue=Count("pk", filter=Q(overdue=True)),
        n_due_today=Count("pk", filter=Q(due_today=True)),
    )
    dossiers = list(
        queryset.select_related(*related).only(*fields).order_by(*order)[:limit]
    )
    return Queue(dossiers=dossiers, total=counts["n_total"], overdue=counts["n_overdue"],
                 due_today=counts["n_due_today"])


def _inbox_queryset(officer, scope: Literal["mine", "unit"]) -> QuerySet[Dossier]:
    queryset = Dossier.objects.filter(status__in=OPEN)
    if scope == "mine":
        return queryset.filter(handler=officer)
    # One subquery over the units, so the index on current_unit is used (see
    # access.units_where_any).
    return queryset.filter(current_unit__in=access.units_where_any(officer, INBOX_PERMISSIONS))


def dossier_inbox_for_officer(*, officer, scope: Literal["mine", "unit"] = "mine",
                              at: datetime | None = None, limit: int = INBOX_LIMIT,
                              procedure: str = "", status: str = "") -> Queue:
    """Open dossiers to work on: "mine" where the officer handles the current step, "unit" in
    the units where the officer processes, assigns or approves; optionally only one
    procedure's (by code) or one status. Ordered by the current step's due instant, then the
    dossier's (no deadline last); `overdue`/`due_today` on the dossier's legal due instant,
    `step_overdue` on the step's."""
    at = at or now()
    queryset = _inbox_queryset(officer, scope)
    if procedure:
        queryset = queryset.filter(procedure_version__procedure__code=procedure)
    if status:
        queryset = queryset.filter(status=status)
    queryset = _deadline_flags(queryset, due="due_at", at=at).annotate(
        step_overdue=_flag(Q(paused_at__isnull=True, current_step__due_at__lt=at)),
    )
    order = [F("current_step__due_at").asc(nulls_last=True), F("due_at").asc(nulls_last=True),
             "pk"]
    return _queue(queryset, order=order, limit=limit)


def dossier_inbox_procedures(*, officer, scope: Literal["mine", "unit"] = "mine"
                             ) -> list[tuple[str, str]]:
    """(code, name) of the procedures of the officer's open dossiers, by name: the choices of
    the inbox's procedure filter (one query)."""
    return sorted(set(_inbox_queryset(officer, scope).values_list(
        "procedure_version__procedure__code", "procedure_version__name").order_by()),
        key=lambda item: item[1])


def dossier_desk_queue(*, officer, at: datetime | None = None, limit: int = INBOX_LIMIT) -> Queue:
    """Online dossiers waiting for the desk's acceptance in the units where the officer accepts
    online dossiers, oldest deadline first; `overdue` (late) once the 8 working hours after
    submission are spent (DESIGN.md "Online dossiers")."""
    at = at or now()
    queryset = Dossier.objects.filter(
        status=Status.SUBMITTED,
        receiving_unit__in=access.units_where(officer, Permission.DOSSIER_ACCEPT_ONLINE),
    )
    queryset = _deadline_flags(queryset, due="acceptance_due_at", at=at)
    order = [F("acceptance_due_at").asc(nulls_last=True), "pk"]
    return _queue(queryset, order=order, limit=limit, related=_DESK_RELATED, fields=_DESK_FIELDS)


def dossier_list_for_citizen(*, citizen) -> QuerySet[Dossier]:
    """A citizen's own dossiers, drafts included, newest first (one query)."""
    return (
        Dossier.objects.filter(owner=citizen)
        .select_related(*_LIST_RELATED)
        .only(*_LIST_FIELDS, "created_at")
        .order_by("-created_at", "-pk")
    )


def dossier_detail_queryset() -> QuerySet[Dossier]:
    """What a dossier's page or API detail reads, in six queries."""
    return Dossier.objects.select_related(
        *_LIST_RELATED, "competent_unit", "owner", "procedure_version__procedure",
    ).prefetch_related("steps__unit", "steps__handler", "components", "files", "results",
                       "pauses")


def dossier_detail(*, dossier_id: int) -> Dossier:
    """A dossier the caller was already allowed to act on, re-read for its answer."""
    return dossier_detail_queryset().get(pk=dossier_id)


def dossier_events(*, dossier: Dossier) -> QuerySet[DossierEvent]:
    """The dossier's history, oldest first (one query)."""
    return (
        DossierEvent.objects.filter(dossier=dossier)
        .select_related("actor", "unit", "step")
        .order_by("at", "pk")
    )


# --- Public look-up ------------------------------------------------------------------------

LOOKUP_DIGITS = 4


@dataclass(frozen=True, slots=True)
class LookupStep:
    name: str
    started_at: datetime | None
    due_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class LookupResult:
    """What anyone holding the code and 4 digits may read: no personal data (Law 91/2025)."""

    code: str
    procedure: str
    receiving_unit: str
    channel: int
    status: str
    status_label: str
    national_status: int | None
    submitted_at: datetime | None
    received_at: datetime | None
    due_at: datetime | None
    appointment_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    steps: list[LookupStep]


def _digits_match(phone: str, id_number: str, digits: str) -> bool:
    # Compare both numbers in constant time, whichever matches, so timing tells nothing.
    phone = "".join(c for c in phone if c.isdigit())[-LOOKUP_DIGITS:]
    id_number = id_number[-LOOKUP_DIGITS:]
    by_phone = len(phone) == LOOKUP_DIGITS and hmac.compare_digest(phone, digits)
    by_id = len(id_number) == LOOKUP_DIGITS and hmac.compare_digest(id_number, digits)
    return by_phone | by_id


# Only the columns the answer needs: the public look-up is the busiest read (docs/performance.md);
# loading every column of the dossier, its procedure version and its unit made compiling and
# reading the query cost four times the rest of the request.
_LOOKUP_FIELDS = ("id", "code", "channel", "status", "national_status", "submitted_at",
                  "received_at", "due_at", "appointment_at", "finished_at", "returned_at",
                  "applicant_phone", "applicant_id_number", "procedure_version__name",
                  "receiving_unit__name")


def dossier_lookup(*, code: str, digits: str) -> LookupResult | None:
    """The public look-up by dossier code and the last 4 digits of the applicant's phone or
    ID number (DOMAIN.md §1.2 "Publicity"). None for an unknown code, a draft, or wrong digits
    alike: the answer never reveals whether a code exists. Two queries when found, one not."""
    digits = digits.strip()
    if len(digits) != LOOKUP_DIGITS or not digits.isdigit():
        return None
    # The code is unique: no ORDER BY needed for the one row.
    found = list(Dossier.objects.exclude(status=Status.DRAFT).filter(code=code.strip())
                 .values(*_LOOKUP_FIELDS)[:1])
    d = found[0] if found else None
    if d is None or not _digits_match(d["applicant_phone"], d["applicant_id_number"], digits):
        return None
    steps = [LookupStep(*row) for row in DossierStep.objects.filter(dossier_id=d["id"])
             .order_by("position").values_list("name", "started_at", "due_at", "finished_at")]
    return LookupResult(
        code=d["code"], procedure=d["procedure_version__name"],
        receiving_unit=d["receiving_unit__name"], channel=d["channel"],
        status=d["status"], status_label=str(Status(d["status"]).label),
        national_status=d["national_status"], submitted_at=d["submitted_at"],
        received_at=d["received_at"], due_at=d["due_at"],
        appointment_at=d["appointment_at"], finished_at=d["finished_at"],
        returned_at=d["returned_at"], steps=steps,
    )


# --- What the API's inputs name ------------------------------------------------------------

PROCEDURE_UNKNOWN = _("Không có thủ tục mã “{code}” đang áp dụng.")
UNIT_UNKNOWN = _("Không có đơn vị mã định danh “{code}”.")
RECEIVING_UNIT_REQUIRED = _("Vui lòng chọn đơn vị tiếp nhận.")
USER_UNKNOWN = _("Không có tài khoản cán bộ này.")
HANDLER_REQUIRED = _("Vui lòng chọn người xử lý.")


def procedure_version_current(*, code: str) -> ProcedureVersion:
    """The current published version of the procedure with catalog code `code`."""
    version = (
        ProcedureVersion.objects.select_related("procedure", "competent_unit")
        .filter(procedure__code=code, procedure__current_version=F("pk")).first()
    )
    if version is None:
        raise errors.InvalidInput(PROCEDURE_UNKNOWN, field="procedure", code=code)
    return version


def unit_get(*, code: str, field: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise errors.InvalidInput(UNIT_UNKNOWN, field=field, code=code)
    return unit


def receiving_unit_for(officer, *, code: str | None) -> Unit:
    """The unit named, or else the one unit where the officer receives dossiers."""
    if code:
        return unit_get(code=code, field="receiving_unit")
    units = list(access.units_where(officer, Permission.DOSSIER_RECEIVE)[:2])
    if len(units) != 1:
        raise errors.InvalidInput(RECEIVING_UNIT_REQUIRED, field="receiving_unit")
    return units[0]


def handler_get(*, user_id: int | None, required: bool):
    """The account named as the next handler; whether it may handle the step is the service's
    decision."""
    if user_id is None:
        if required:
            raise errors.InvalidInput(HANDLER_REQUIRED, field="handler")
        return None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise errors.InvalidInput(USER_UNKNOWN, field="handler")
    return user

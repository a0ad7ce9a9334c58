"""Reads of dossiers (STYLE.md: services write, selectors read).

Each selector runs a constant number of queries whatever the number of dossiers (asserted in
tests/dossiers/test_selectors.py) and filters on an index of `Dossier.Meta.indexes`:
the officer's inbox on (handler, status, due_at) or (current_unit, status, due_at), the desk's
queue on (receiving_unit, status, acceptance_due_at), a citizen's list on (owner, -created_at),
the public look-up on the unique code, the history on (dossier, at).
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.agencies.models import Unit
from motcua.catalog.models import ProcedureVersion
from motcua.core.clock import VIETNAM, local, now
from motcua.core.paging import Pages
from motcua.dossiers import errors
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import OPEN, Status

# The permissions that put a dossier of the unit in an officer's "unit" inbox.
INBOX_PERMISSIONS = (Permission.DOSSIER_PROCESS, Permission.DOSSIER_ASSIGN,
                     Permission.DOSSIER_APPROVE)
# A page of a work list (the inbox, the desk's queues): rendering 200 rows cost an officer's
# request ~160 ms of CPU at 1,000,000 dossiers (docs/performance.md); 50 fill two screens.
PAGE_SIZE = 50
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
    """A page of work: the dossiers of page `pages.number` in order, and counts over all."""

    dossiers: list[Dossier]
    total: int
    overdue: int
    due_today: int
    pages: Pages


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


def _queue(queryset: QuerySet, *, order: list, limit: int, page: int = 1,
           related=_LIST_RELATED, fields=_LIST_FIELDS) -> Queue:
    # Aliases differ from the annotations they count: an aggregate named like an annotation
    # would shadow it in its own filter.
    counts = queryset.aggregate(
        n_total=Count("pk"), n_overdue=Count("pk", filter=Q(overdue=True)),
        n_due_today=Count("pk", filter=Q(due_today=True)),
    )
    pages = Pages(requested=page, count=counts["n_total"], size=limit)
    dossiers = list(queryset.select_related(*related).only(*fields).order_by(*order)
                    [pages.offset:pages.offset + limit])
    return Queue(dossiers=dossiers, total=counts["n_total"], overdue=counts["n_overdue"],
                 due_today=counts["n_due_today"], pages=pages)


def inbox_units(officer) -> QuerySet[Unit]:
    """The units whose open dossiers make the officer's "unit" inbox. Working them out reads
    the officer's roles (two queries): a page that lists, counts and filters the inbox works
    them out once and passes them on as `units`."""
    return access.units_where_any(officer, INBOX_PERMISSIONS)


def _inbox_queryset(officer, scope: Literal["mine", "unit"], *, procedure: str = "",
                    status: str = "", units: QuerySet[Unit] | None = None) -> QuerySet[Dossier]:
    queryset = Dossier.objects.filter(status__in=OPEN)
    if scope == "mine":
        queryset = queryset.filter(handler=officer)
    else:
        # One subquery over the units, so the index on current_unit is used (see
        # access.units_where_any).
        queryset = queryset.filter(
            current_unit__in=inbox_units(officer) if units is None else units)
    if procedure:
        queryset = queryset.filter(procedure_version__procedure__code=procedure)
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def dossier_inbox_for_officer(*, officer, scope: Literal["mine", "unit"] = "mine",
                              at: datetime | None = None, limit: int = PAGE_SIZE,
                              page: int = 1, procedure: str = "", status: str = "",
                              units: QuerySet[Unit] | None = None) -> Queue:
    """Open dossiers to work on: "mine" where the officer handles the current step, "unit" in
    the units where the officer processes, assigns or approves; optionally only one
    procedure's (by code) or one status. Ordered by the current step's due instant, then the
    dossier's (no deadline last); `overdue`/`due_today` on the dossier's legal due instant,
    `step_overdue` on the step's."""
    at = at or now()
    queryset = _inbox_queryset(officer, scope, procedure=procedure, status=status, units=units)
    queryset = _deadline_flags(queryset, due="due_at", at=at).annotate(
        step_overdue=_flag(Q(paused_at__isnull=True, current_step__due_at__lt=at)),
    )
    order = [F("current_step__due_at").asc(nulls_last=True), F("due_at").asc(nulls_last=True),
             "pk"]
    return _queue(queryset, order=order, limit=limit, page=page)


def dossier_inbox_deadlines(*, officer, scope: Literal["mine", "unit"] = "mine",
                            procedure: str = "", status: str = "",
                            units: QuerySet[Unit] | None = None,
                            ) -> list[tuple[int, datetime | None, datetime | None]]:
    """(holding unit id, paused at, due instant of the work) of every dossier of the inbox, in
    one query of three columns: what the urgency counts need, for all dossiers, while the
    page shows one page of them. The work's due instant is the current step's, else the
    dossier's (`processing.urgency.work_due`)."""
    return list(_inbox_queryset(officer, scope, procedure=procedure, status=status, units=units)
                .order_by().values_list("current_unit_id", "paused_at",
                                        Coalesce("current_step__due_at", "due_at")))


def dossier_inbox_procedures(*, officer, scope: Literal["mine", "unit"] = "mine",
                             units: QuerySet[Unit] | None = None) -> list[tuple[str, str]]:
    """(code, name) of the procedures of the officer's open dossiers, by name: the choices of
    the inbox's procedure filter (one query)."""
    return sorted(set(_inbox_queryset(officer, scope, units=units).values_list(
        "procedure_version__procedure__code", "procedure_version__name").order_by()),
        key=lambda item: item[1])


def dossier_desk_queue(*, officer, at: datetime | None = None, limit: int = PAGE_SIZE,
                       page: int = 1) -> Queue:
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
    return _queue(queryset, order=order, limit=limit, page=page, related=_DESK_RELATED,
                  fields=_DESK_FIELDS)


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

"""Reads of the processing pages: the inbox with its urgency buckets, the leaders' overview,
and the choices the action forms offer (specialists of a unit, cooperating agencies).

Query counts do not grow with the number of dossiers: the inbox is the dossiers' selector
(`dossier_inbox_for_officer`), the deadlines of all its dossiers for the counts, the
procedures for the filter, plus two queries per distinct unit's working calendar; the
leaders' overview is one query for the dossiers plus the calendars of the leader's units.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.agencies.models import Unit
from motcua.core.clock import now
from motcua.core.paging import Pages
from motcua.dossiers import steps
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.selectors import (
    dossier_inbox_deadlines,
    dossier_inbox_for_officer,
    dossier_inbox_procedures,
    inbox_units,
)
from motcua.dossiers.statuses import OPEN, Status
from motcua.processing.urgency import (
    DAY_US,
    ORDER,
    Bucket,
    Calendars,
    Urgency,
    urgency_at,
    urgency_of,
)

UNASSIGNED = _("Chưa phân công")
NO_STEP = _("Chờ chuyển bước")
# The leaders' overview: the units where someone decides on dossiers (assigns, approves).
LEADER_PERMISSIONS = (Permission.DOSSIER_ASSIGN, Permission.DOSSIER_APPROVE)


@dataclass
class Row:
    dossier: Dossier
    urgency: Urgency

    @property
    def status_label(self) -> str:
        # Not `get_status_display`: it hashes every choice's lazy label on each call, which
        # made the 200 rows of a unit's inbox cost ~2,600 translations (docs/performance.md).
        return str(Status(self.dossier.status).label)


@dataclass
class Inbox:
    rows: list[Row]  # one page, most urgent first
    counts: dict[Bucket, int]  # over every dossier of the list, not only the page's
    total: int  # after the filters
    pages: Pages
    procedures: list[tuple[str, str]]  # (code, name) of the procedures listed, for the filter


def inbox_page(*, officer, scope: str, procedure: str = "", status: str = "", page: int = 1,
               at: datetime | None = None, units=None) -> Inbox:
    """One page of the officer's work list, most urgent first, filtered by procedure and status
    in the database, with a count per urgency bucket over the whole filtered list. `units`:
    `inbox_units(officer)` when the caller has it already."""
    at = at or now()
    units = inbox_units(officer) if units is None else units
    chosen = {"officer": officer, "scope": scope, "procedure": procedure, "status": status,
              "units": units}
    queue = dossier_inbox_for_officer(**chosen, at=at, page=page)
    calendars = Calendars()
    rows = [Row(d, urgency_of(d, at=at, calendar=calendars.of(d.current_unit)))
            for d in queue.dossiers]
    counts = Counter(
        urgency_at(due, paused_at=paused_at, at=at, calendar=calendars.of_unit_id(unit_id)).bucket
        for unit_id, paused_at, due in dossier_inbox_deadlines(**chosen)
    )
    return Inbox(rows=rows, counts={bucket: counts.get(bucket, 0) for bucket in ORDER},
                 total=queue.total, pages=queue.pages,
                 procedures=dossier_inbox_procedures(officer=officer, scope=scope, units=units))


@dataclass
class Group:
    name: str
    rows: list[Row] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(row.urgency.bucket == Bucket.OVERDUE for row in self.rows)

    @property
    def at_risk(self) -> int:
        return len(self.rows) - self.overdue


@dataclass
class Overview:
    units: list[Unit]
    rows: list[Row]
    by_step: list[Group]
    by_person: list[Group]
    overdue: int
    at_risk: int


_OVERVIEW_FIELDS = (
    "id", "code", "status", "applicant_name", "due_at", "paused_at", "version",
    "procedure_version__name", "competent_unit__name", "current_unit__name",
    "current_step__name", "current_step__due_at", "handler__full_name", "handler__username",
)


def leader_units(user) -> list[Unit]:
    return list(access.units_where_any(user, LEADER_PERMISSIONS).order_by("name"))


def leader_overview(*, units: list[Unit], at: datetime | None = None) -> Overview:
    """Open dossiers of the leader's units (`leader_units`) that are overdue or have at most
    one working day left, grouped by the step they are in and by the person holding them."""
    at = at or now()
    calendars = Calendars()
    # A superset in SQL (due before the latest "one working day from now" of the units), the
    # exact working-time test in Python on each unit's calendar.
    horizon = max((calendars.of(unit).add_working(at, DAY_US) for unit in units), default=at)
    due = Q(current_step__due_at__lte=horizon) | Q(current_step__due_at__isnull=True,
                                                   due_at__lte=horizon)
    dossiers = (
        Dossier.objects.filter(status__in=OPEN, competent_unit__in=[u.pk for u in units])
        .filter(due)
        .select_related("procedure_version", "competent_unit", "current_unit", "current_step",
                        "handler")
        .only(*_OVERVIEW_FIELDS, "competent_unit", "current_unit", "current_step", "handler")
    )
    by_unit = {unit.pk: unit for unit in units}
    rows = [Row(d, urgency_of(d, at=at, calendar=calendars.of(by_unit[d.competent_unit_id])))
            for d in dossiers]
    rows = [row for row in rows if row.urgency.bucket != Bucket.FINE]
    rows.sort(key=lambda row: (row.urgency.remaining_us, row.dossier.pk))
    overdue = sum(row.urgency.bucket == Bucket.OVERDUE for row in rows)
    return Overview(units=units, rows=rows, by_step=_group(rows, _step_name),
                    by_person=_group(rows, _person_name), overdue=overdue,
                    at_risk=len(rows) - overdue)


def _step_name(dossier: Dossier) -> str:
    return dossier.current_step.name if dossier.current_step_id else str(NO_STEP)


def _person_name(dossier: Dossier) -> str:
    return str(dossier.handler) if dossier.handler_id else str(UNASSIGNED)


def _group(rows: list[Row], key) -> list[Group]:
    groups: dict[str, Group] = defaultdict(lambda: Group(""))
    for row in rows:
        name = key(row.dossier)
        groups[name].name = name
        groups[name].rows.append(row)
    return sorted(groups.values(), key=lambda g: (-g.overdue, -len(g.rows), g.name))


# --- What the action forms offer -----------------------------------------------------------


def handlers_in(unit: Unit) -> list:
    """People holding a role that processes dossiers in `unit` today: the candidates of the
    assignment and hand-over selects. Whether one may really take the dossier is decided by the
    service, through motcua.accounts.access."""
    return list(access.users_where(Permission.DOSSIER_PROCESS, unit)
                .order_by("full_name", "username"))


def agencies_for(dossier: Dossier) -> list[Unit]:
    """Units in force that may do a liên thông step: any but the competent unit."""
    return list(Unit.objects.valid_on(access.today())
                .exclude(pk=dossier.competent_unit_id).order_by("name").only("pk", "name"))


def step_following(dossier: Dossier) -> DossierStep | None:
    return steps.step_following(dossier)


OPEN_STATUSES = [status for status in Status if status in OPEN]

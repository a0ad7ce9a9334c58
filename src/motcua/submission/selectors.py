"""Reads of the submission wizard: the procedure offered online, where to submit it, the
citizen's drafts, and what the review page shows (fees, the expected timeline).

Each selector runs a constant number of queries (the review page's count is asserted in
tests/submission/test_review.py).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from motcua.agencies.models import Department, Unit
from motcua.catalog.choices import OnlineLevel
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.catalog.selectors import procedure_get
from motcua.core.clock import local, now
from motcua.core.text import fold
from motcua.dossiers import deadlines
from motcua.dossiers.models import Dossier, DossierComponent, DossierFile
from motcua.dossiers.selectors import dossier_list_for_citizen
from motcua.dossiers.services.intake_common import fees_due
from motcua.dossiers.statuses import Status

# Decree 42/2022: "một phần" and "toàn trình" take dossiers online; the old Decree 43/2011
# levels 3 and 4 did too (a catalog not yet converted still says so).
ONLINE_LEVELS = frozenset({OnlineLevel.PARTIAL, OnlineLevel.FULL, OnlineLevel.LEGACY_3,
                           OnlineLevel.LEGACY_4})


def procedure_for_submission(*, code: str) -> Procedure | None:
    """The published procedure with its current version (components, fees, stages)."""
    return procedure_get(code=code)


def offered_online(version: ProcedureVersion) -> bool:
    """Online submission needs the online channel (2) and an online level that takes dossiers;
    "cung cấp thông tin" only publishes the procedure."""
    return version.channel_online and version.online_level in ONLINE_LEVELS


def receiving_units(*, version: ProcedureVersion, day: date) -> list[Unit]:
    """Where the citizen may submit: the competent unit when the catalog names one, otherwise
    every unit of the procedure's level (committees) in force today that has a one-stop desk
    (Bộ phận Một cửa receives dossiers, Decree 61/2018 art. 7). One query."""
    units = Unit.objects.valid_on(day).annotate(has_desk=Exists(Department.objects.filter(
        unit=OuterRef("pk"), kind=Department.Kind.ONE_STOP_DESK)))
    if version.competent_unit_id:
        units = units.filter(pk=version.competent_unit_id)
    else:
        units = units.filter(level_id=version.level_id, kind=Unit.Kind.COMMITTEE, has_desk=True)
    return list(units.order_by("name"))


def default_unit(*, user, units: list[Unit]) -> Unit | None:
    """A sensible default for the citizen: the only choice; else the unit of their latest
    dossier; else the commune named in their address ("…, xã Vĩnh Bình, …")."""
    if len(units) == 1:
        return units[0]
    by_id = {unit.pk: unit for unit in units}
    latest = (Dossier.objects.filter(owner=user, receiving_unit_id__in=by_id)
              .order_by("-created_at").values_list("receiving_unit_id", flat=True).first())
    if latest is not None:
        return by_id[latest]
    address = fold(getattr(user, "address", "") or "")
    for unit in units:
        place = fold(unit.name).removeprefix("ubnd ").strip()
        if place and address and place in address:
            return unit
    return None


def drafts_for(*, user) -> QuerySet[Dossier]:
    """The citizen's unsubmitted drafts, newest first (one query)."""
    return dossier_list_for_citizen(citizen=user).filter(status=Status.DRAFT)


def draft_queryset() -> QuerySet[Dossier]:
    """A draft with what every wizard page shows: its procedure version (with components,
    fees and stages), its units, its components and files (five queries)."""
    return Dossier.objects.select_related(
        "procedure_version__procedure", "procedure_version__level",
        "procedure_version__competent_unit", "receiving_unit", "competent_unit",
    ).prefetch_related(
        "procedure_version__fees", "procedure_version__stages",
        Prefetch("components", queryset=DossierComponent.objects.select_related("component")
                 .prefetch_related("files")),
        Prefetch("files", queryset=DossierFile.objects.filter(component__isnull=True),
                 to_attr="loose_files"),
    )


@dataclass(frozen=True)
class Timeline:
    """What the citizen can expect: the desk answers by `acceptance_due`; the time limit runs
    from acceptance, so `due_if_accepted_now` is only an estimate."""

    limit: str
    acceptance_due: datetime
    due_if_accepted_now: datetime | None


def timeline(*, dossier: Dossier, at: datetime | None = None) -> Timeline:
    at = at or now()
    version = dossier.procedure_version
    spec = version.duration_spec(case=dossier.case or None)
    return Timeline(
        limit=version.time_limit_description(),
        acceptance_due=deadlines.acceptance_due(unit=dossier.receiving_unit, submitted_at=at),
        due_if_accepted_now=deadlines.legal_due(unit=dossier.competent_unit, received_at=at,
                                                spec=spec),
    )


def fees_expected(*, dossier: Dossier, at: datetime | None = None) -> int:
    """The fees the submission would fix now (the same rule as `dossier_submit`)."""
    return fees_due(dossier.procedure_version, on=local(at or now()).date(), online=True)

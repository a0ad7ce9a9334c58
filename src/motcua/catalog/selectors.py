"""Reads from the catalog, each with a fixed number of queries whatever the data size."""

from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models import OuterRef, Q, QuerySet, Subquery

from motcua.agencies.levels import STANDARD_LEVELS_BY_CODE
from motcua.agencies.models import AdministrativeLevel, Unit
from motcua.catalog.choices import Channel
from motcua.catalog.content import ComponentItem, FeeRule, ProcedureContent, Step
from motcua.catalog.entries import Catalog, FieldEntry, ProcedureEntry
from motcua.catalog.models import Component, Field, Procedure, ProcedureVersion, split_lines
from motcua.catalog.validation import References
from motcua.core.paging import PageLinks
from motcua.core.text import fold

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# A page number past the database's integers made the offset overflow (a 500 found by
# schemathesis); 100.000 pages of 100 is far beyond any catalog.
MAX_PAGE = 100_000
_VERSION_PARTS = ("stages", "fees", "components", "results", "steps")
_VERSION_REFS = ("field", "level", "level_before_2025_07", "competent_unit")
_CHANNEL_FLAGS = {Channel.DIRECT: "channel_direct", Channel.ONLINE: "channel_online",
                  Channel.POSTAL: "channel_postal"}


@dataclass(frozen=True)
class Page(PageLinks):
    """A page of the catalog; a number past the end is an empty page (the API says so)."""

    items: list[Procedure]
    count: int
    number: int
    size: int


def procedure_list(
    *,
    q: str = "",
    field: str = "",
    level: str = "",
    unit: str = "",
    channel: int | None = None,
    online_level: str = "",
) -> QuerySet[Procedure]:
    """Published procedures matching every filter, in catalog order (field, then code).

    `q`: every folded term must occur in the folded search text (AND), so `dang ky khai sinh`
    finds "Đăng ký khai sinh" on SQLite and PostgreSQL alike. `unit`: the procedures that unit
    settles — named as competent unit, or left to "the unit of that level" and at its level.
    """
    procedures = Procedure.objects.filter(current_version__isnull=False)
    for term in fold(q).split():
        procedures = procedures.filter(search_text__contains=term)
    if field:
        procedures = procedures.filter(current_version__field__code=field)
    if level:
        procedures = procedures.filter(current_version__level__code=level)
    if unit:
        procedures = procedures.filter(_settled_by(unit))
    if channel in _CHANNEL_FLAGS:
        procedures = procedures.filter(**{f"current_version__{_CHANNEL_FLAGS[channel]}": True})
    if online_level:
        procedures = procedures.filter(current_version__online_level=online_level)
    return procedures.select_related(
        *(f"current_version__{ref}" for ref in _VERSION_REFS)
    ).order_by("current_version__field__position", "code")


def _settled_by(unit_code: str) -> Q:
    # A subquery, not a join through the level's units: a join would repeat procedures.
    level_ids = Unit.objects.filter(code=unit_code).values("level_id")
    return Q(current_version__competent_unit__code=unit_code) | Q(
        current_version__competent_unit__isnull=True, current_version__level_id__in=level_ids
    )


def procedure_list_popular(*, limit: int) -> QuerySet[Procedure]:
    """The procedures the home page offers first: each field's first procedure, one query.

    There are no usage figures before dossiers exist, so this is a curated stand-in, not a
    count: the catalog numbers a field's procedures with its everyday one first (HT-01 khai
    sinh, CT-01 chứng thực bản sao, CTR-01 thường trú…), and fields come in their `position`
    order. Deterministic, and one procedure per field so the list spans the catalog. Replace it
    with the most received procedures once dossiers are counted.
    """
    first_of_field = (
        Procedure.objects.filter(
            current_version__isnull=False,
            current_version__field_id=OuterRef("current_version__field_id"),
        )
        .order_by("code")
        .values("pk")[:1]
    )
    return (
        Procedure.objects.filter(current_version__isnull=False, pk=Subquery(first_of_field))
        .select_related("current_version")
        # The home page shows a name and links by code: not the versions' long texts.
        .only("code", "current_version__name")
        .order_by("current_version__field__position", "current_version__field__name", "code")[
            :limit
        ]
    )


def procedure_page(*, page: int = 1, page_size: int = PAGE_SIZE, **filters) -> Page:
    """One page of procedure_list: three queries (count, rows, time-limit stages)."""
    size = min(max(page_size, 1), MAX_PAGE_SIZE)
    number = min(max(page, 1), MAX_PAGE)
    # Stages are needed to describe staged time limits in a list.
    procedures = procedure_list(**filters).prefetch_related("current_version__stages")
    count = procedures.count()
    start = (number - 1) * size
    return Page(list(procedures[start:start + size]), count, number, size)


def procedure_get(*, code: str) -> Procedure | None:
    """A published procedure with its whole current version: six queries."""
    return (
        Procedure.objects.filter(code=code, current_version__isnull=False)
        .select_related(*(f"current_version__{ref}" for ref in _VERSION_REFS))
        .prefetch_related(*(f"current_version__{part}" for part in _VERSION_PARTS))
        .first()
    )


def component_template_get(*, code: str, component_id: int) -> Component | None:
    """A downloadable form of any published version of the procedure (old dossiers need the
    form of their own version)."""
    return (
        Component.objects.filter(
            pk=component_id, version__procedure__code=code, version__published_at__isnull=False
        )
        .exclude(template="")
        .first()
    )


def field_list() -> QuerySet[Field]:
    return Field.objects.all()


def level_list() -> QuerySet[AdministrativeLevel]:
    return AdministrativeLevel.objects.all()


def version_content(*, version: ProcedureVersion) -> ProcedureContent:
    """The content values of a stored version (reads prefetched parts when present)."""
    return ProcedureContent(
        name=version.name,
        name_en=version.name_en,
        field=version.field.code,
        level=version.level.code,
        level_note=version.level_note,
        level_before_2025_07=_code(version.level_before_2025_07),
        level_before_2025_07_note=version.level_before_2025_07_note,
        competent_unit=_code(version.competent_unit),
        online_level=version.online_level,
        channels=tuple(version.channels),
        time_limit=version.time_limit,
        fee_text=version.fee_text,
        fees=tuple(_fee_rule(fee) for fee in version.fees.all()),
        components=tuple(
            ComponentItem(c.name, c.originals, c.copies, c.required, c.template.name or "")
            for c in version.components.all()
        ),
        results=tuple(result.name for result in version.results.all()),
        legal_basis=tuple(split_lines(version.legal_basis)),
        sources=tuple(split_lines(version.sources)),
        notes=version.notes,
        verification=version.verification,
        process=tuple(
            Step(s.name, s.role, s.actor, s.share, s.agency) for s in version.steps.all()
        ),
    )


def _fee_rule(fee) -> FeeRule:
    return FeeRule(
        name=fee.name, kind=fee.kind, amount=fee.amount, formula=fee.formula, unit=fee.unit,
        set_by=fee.set_by, example=fee.is_example, unverified=fee.is_unverified,
        free_if_on_time=fee.free_if_on_time,
        online_discount_percent=fee.online_discount_percent,
        online_discount_from=fee.online_discount_from,
        online_discount_until=fee.online_discount_until, note=fee.note,
    )


def catalog_current() -> Catalog:
    """Every field and the current version of every procedure, as the catalog file holds them."""
    procedures = procedure_list().prefetch_related(
        *(f"current_version__{part}" for part in _VERSION_PARTS)
    )
    return Catalog(
        fields=tuple(FieldEntry(f.code, f.name) for f in Field.objects.all()),
        procedures=tuple(
            ProcedureEntry(p.code, version_content(version=p.current_version), p.national_code,
                           p.national_code_verified)
            for p in procedures
        ),
    )


def references_load() -> References:
    """The codes a catalog file may point at; missing standard levels are created on import."""
    return References(
        fields=frozenset(Field.objects.values_list("code", flat=True)),
        levels=frozenset(AdministrativeLevel.objects.values_list("code", flat=True))
        | frozenset(STANDARD_LEVELS_BY_CODE),
        units=frozenset(Unit.objects.values_list("code", flat=True)),
        national_codes=dict(
            Procedure.objects.exclude(national_code="").values_list("national_code", "code")
        ),
        template_exists=default_storage.exists,
    )


def _code(row) -> str:
    return row.code if row is not None else ""

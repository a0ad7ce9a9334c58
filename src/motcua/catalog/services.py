"""Writes to the catalog. Nothing else saves catalog models (the admin calls these too).

A published ProcedureVersion is immutable: every service that changes a version refuses a
published one (VersionImmutable), so dossiers keep the content they were received under.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from motcua.agencies.levels import STANDARD_LEVELS_BY_CODE
from motcua.agencies.models import AdministrativeLevel, Unit
from motcua.catalog.catalogfile import parse_catalog
from motcua.catalog.content import ProcedureContent
from motcua.catalog.entries import Catalog, ProcedureEntry
from motcua.catalog.models import (
    Component,
    Fee,
    Field,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    ResultDocument,
    TimeLimitStage,
)
from motcua.catalog.selectors import references_load, version_content
from motcua.core.clock import now
from motcua.core.text import fold

VERSION_PUBLISHED = "{code}: phiên bản {number} đã công bố, không được sửa hay xóa"
NOTHING_CHANGED = "{code}: bản nháp không khác phiên bản hiện hành, không có gì để công bố"

class VersionImmutable(Exception):
    pass


class NothingToPublish(Exception):
    pass


@dataclass
class Lookups:
    """Reference rows by code, loaded once per import instead of once per procedure."""

    fields: dict[str, Field] = field(default_factory=dict)
    levels: dict[str, AdministrativeLevel] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)

    @classmethod
    def load(cls, *, unit_codes: set[str] | None = None) -> "Lookups":
        units = Unit.objects.all() if unit_codes is None else Unit.objects.filter(
            code__in=unit_codes)
        return cls(
            fields={f.code: f for f in Field.objects.all()},
            levels={lv.code: lv for lv in AdministrativeLevel.objects.all()},
            units={u.code: u for u in units},
        )


def levels_ensure(*, codes: set[str]) -> dict[str, AdministrativeLevel]:
    """The levels by code, creating the missing standard ones (`motcua.agencies.levels`).

    Existing rows are left as they are: a superuser may have edited a level's name.
    """
    levels = {lv.code: lv for lv in AdministrativeLevel.objects.filter(code__in=codes)}
    for code in sorted((codes - levels.keys()) & STANDARD_LEVELS_BY_CODE.keys()):
        levels[code], _ = AdministrativeLevel.objects.get_or_create(
            code=code, defaults=STANDARD_LEVELS_BY_CODE[code].defaults())
    return levels


def field_save(*, field: Field) -> Field:
    """Save a field (admin) and keep the search text of its procedures in step."""
    field.full_clean()
    field.save()
    procedure_search_refresh(procedures=Procedure.objects.filter(current_version__field=field))
    return field


def procedure_save(*, procedure: Procedure) -> Procedure:
    """Save a procedure's identity (code, national code); its content is versioned."""
    procedure.full_clean(exclude=["current_version"])
    procedure.save()
    procedure_search_refresh(procedures=Procedure.objects.filter(pk=procedure.pk))
    return procedure


def procedure_search_refresh(*, procedures) -> int:
    """Recompute the folded search text; writes only the rows that changed."""
    changed = []
    for procedure in procedures.select_related("current_version__field"):
        text = _search_text(procedure)
        if procedure.search_text != text:
            procedure.search_text = text
            changed.append(procedure)
    Procedure.objects.bulk_update(changed, ["search_text"])
    return len(changed)


def _search_text(procedure: Procedure) -> str:
    version = procedure.current_version
    parts = [procedure.code, procedure.national_code]
    if version is not None:
        parts += [version.name, version.name_en, version.field.name]
    return fold(" ".join(part for part in parts if part))


@transaction.atomic
def procedure_version_publish(
    *, procedure: Procedure, content: ProcedureContent, lookups: Lookups | None = None
) -> tuple[ProcedureVersion, bool]:
    """Publish `content` as the procedure's new current version; (version, created).

    Unchanged content (same digest as the current version) creates nothing, so importing the
    same file twice keeps every version number.
    """
    locked = _lock(procedure)
    digest = content.digest()
    current = locked.current_version
    if current is not None and current.content_hash == digest:
        return current, False
    lookups = lookups or Lookups.load(unit_codes={content.competent_unit})
    version = _version_write(locked, content, lookups)
    _publish(locked, version, digest)
    procedure.current_version, procedure.search_text = locked.current_version, locked.search_text
    return version, True


def version_draft_create(*, version: ProcedureVersion) -> ProcedureVersion:
    """An editable draft with the content of `version` (admin: "edit" a published one).

    A procedure has one draft at most (a database constraint): an existing one is returned.
    """
    with transaction.atomic():
        locked = _lock(version.procedure)
        draft = locked.versions.filter(published_at__isnull=True).first()
        if draft is not None:
            return draft
        content = version_content(version=version)
        return _version_write(locked, content, Lookups.load(unit_codes={content.competent_unit}))


def version_draft_save(*, version: ProcedureVersion) -> ProcedureVersion:
    _ensure_draft(version)
    version.full_clean()
    version.save()
    return version


def version_draft_delete(*, version: ProcedureVersion) -> None:
    _ensure_draft(version)
    version.delete()


@transaction.atomic
def version_draft_publish(*, version: ProcedureVersion) -> ProcedureVersion:
    """Check a draft with the same rules as the catalog file, then make it current."""
    locked = _lock(version.procedure)
    version = ProcedureVersion.objects.get(pk=version.pk)
    _ensure_draft(version)
    content = version_content(version=version)
    entry = ProcedureEntry(locked.code, content, locked.national_code)
    # Raises CatalogInvalid naming the key, exactly as an import of the same content would.
    parse_catalog(Catalog((), (entry,)).to_dict(), refs=references_load())
    digest = content.digest()
    current = locked.current_version
    if current is not None and current.content_hash == digest:
        raise NothingToPublish(NOTHING_CHANGED.format(code=locked.code))
    _publish(locked, version, digest)
    return version


def _lock(procedure: Procedure) -> Procedure:
    # Serialises version numbering per procedure (PostgreSQL row lock; SQLite locks the file).
    return (
        Procedure.objects.select_for_update(of=("self",))
        .select_related("current_version")
        .get(pk=procedure.pk)
    )


def _ensure_draft(version: ProcedureVersion) -> None:
    # Ask the database, not the instance: a stale instance of a since-published draft must not
    # slip through.
    published = version.published_at is not None or (
        version.pk is not None
        and ProcedureVersion.objects.filter(pk=version.pk, published_at__isnull=False).exists()
    )
    if published:
        raise VersionImmutable(
            VERSION_PUBLISHED.format(code=version.procedure.code, number=version.number))


def _publish(procedure: Procedure, version: ProcedureVersion, digest: str) -> None:
    last = procedure.versions.aggregate(last=Max("number"))["last"] or 0
    version.number, version.published_at, version.content_hash = last + 1, now(), digest
    version.save(update_fields=["number", "published_at", "content_hash"])
    procedure.current_version = version
    procedure.search_text = _search_text(procedure)
    procedure.save(update_fields=["current_version", "search_text"])


def _version_write(procedure: Procedure, content: ProcedureContent, lookups: Lookups):
    """Store `content` as a new draft row of `procedure` with its child rows."""
    limit = content.time_limit
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        name=content.name,
        name_en=content.name_en,
        field=lookups.fields[content.field],
        level=lookups.levels[content.level],
        level_note=content.level_note,
        level_before_2025_07=lookups.levels.get(content.level_before_2025_07),
        level_before_2025_07_note=content.level_before_2025_07_note,
        competent_unit=lookups.units.get(content.competent_unit),
        online_level=content.online_level,
        channel_direct=1 in content.channels,
        channel_online=2 in content.channels,
        channel_postal=3 in content.channels,
        time_limit_kind=limit.kind,
        time_limit_value=limit.value,
        time_limit_extension=limit.verification_extension_working_days,
        time_limit_text=limit.text,
        time_limit_exclusions="\n".join(limit.exclusions),
        stage_mode=limit.stage_mode,
        fee_text=content.fee_text,
        legal_basis="\n".join(content.legal_basis),
        sources="\n".join(content.sources),
        notes=content.notes,
        verification=content.verification,
    )
    _parts_write(version, content)
    return version


def _parts_write(version: ProcedureVersion, content: ProcedureContent) -> None:
    TimeLimitStage.objects.bulk_create(
        TimeLimitStage(version=version, position=i, case=s.case, kind=s.kind, value=s.value,
                       extension=s.verification_extension_working_days)
        for i, s in enumerate(content.time_limit.stages)
    )
    Fee.objects.bulk_create(
        Fee(version=version, position=i, name=f.name, kind=f.kind, amount=f.amount,
            formula=f.formula, unit=f.unit, set_by=f.set_by, is_example=f.example,
            is_unverified=f.unverified, free_if_on_time=f.free_if_on_time,
            online_discount_percent=f.online_discount_percent,
            online_discount_from=f.online_discount_from,
            online_discount_until=f.online_discount_until, note=f.note)
        for i, f in enumerate(content.fees)
    )
    Component.objects.bulk_create(
        Component(version=version, position=i, name=c.name, originals=c.originals,
                  copies=c.copies, required=c.required, template=c.template)
        for i, c in enumerate(content.components)
    )
    ResultDocument.objects.bulk_create(
        ResultDocument(version=version, position=i, name=name)
        for i, name in enumerate(content.results)
    )
    ProcessStep.objects.bulk_create(
        ProcessStep(version=version, position=i, name=s.name, role=s.role, actor=s.actor,
                    agency=s.agency, share=s.share)
        for i, s in enumerate(content.process)
    )

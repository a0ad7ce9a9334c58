"""Import and export of the catalog file (services: they write, in one transaction).

`make setup` imports the shipped file every time (through the demo loader), so an unchanged
file must cost a handful of queries and create no version: procedures are compared by content
digest before anything is written.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from motcua.agencies.models import Unit
from motcua.catalog.catalogfile import load_text
from motcua.catalog.entries import Catalog, dump_text
from motcua.catalog.models import Field, Procedure
from motcua.catalog.selectors import catalog_current, references_load
from motcua.catalog.services import (
    Lookups,
    levels_ensure,
    procedure_search_refresh,
    procedure_version_publish,
)

# The catalog shipped with Motcua, built from the domain notes (docs/catalog.md).
DEFAULT_CATALOG_FILE = Path(__file__).resolve().parent / "data" / "procedures.yaml"


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.created)} thủ tục mới, {len(self.new_versions)} phiên bản mới, "
            f"{len(self.unchanged)} không đổi"
        )


def catalog_import(*, path: Path | str) -> ImportReport:
    """Import a catalog file; CatalogInvalid (and nothing written) when any entry is wrong."""
    return catalog_import_text(text=Path(path).read_text(encoding="utf-8"))


def catalog_import_text(*, text: str) -> ImportReport:
    catalog = load_text(text, refs=references_load())
    with transaction.atomic():
        return _write(catalog)


def catalog_export(*, path: Path | str) -> int:
    """Write the current catalog to `path`; returns the number of procedures written."""
    catalog = catalog_current()
    Path(path).write_text(dump_text(catalog), encoding="utf-8")
    return len(catalog.procedures)


def _write(catalog: Catalog) -> ImportReport:
    contents = [entry.content for entry in catalog.procedures]
    lookups = Lookups(
        fields=_fields_sync(catalog),
        levels=levels_ensure(
            codes=({c.level for c in contents} | {c.level_before_2025_07 for c in contents}) - {""}
        ),
        units={u.code: u for u in Unit.objects.filter(code__in={c.competent_unit for c in
                                                                contents})},
    )
    codes = [entry.code for entry in catalog.procedures]
    existing = Procedure.objects.select_related("current_version").in_bulk(codes,
                                                                           field_name="code")
    _identities_sync(catalog, existing)
    report = ImportReport()
    for entry in catalog.procedures:
        procedure = existing.get(entry.code)
        current = procedure.current_version if procedure else None
        if current is not None and current.content_hash == entry.content.digest():
            report.unchanged.append(entry.code)
            continue
        if procedure is None:
            procedure = Procedure.objects.create(
                code=entry.code, national_code=entry.national_code,
                national_code_verified=entry.national_code_verified,
            )
            report.created.append(entry.code)
        else:
            report.new_versions.append(entry.code)
        procedure_version_publish(procedure=procedure, content=entry.content, lookups=lookups)
    # Field names and national codes are searched too, and may change without a new version.
    procedure_search_refresh(procedures=Procedure.objects.filter(code__in=codes))
    return report


def _fields_sync(catalog: Catalog) -> dict[str, Field]:
    """Create or rename the file's fields; their order in the file is the catalog order."""
    fields = {f.code: f for f in Field.objects.all()}
    for position, entry in enumerate(catalog.fields):
        known = fields.get(entry.code)
        if known is None:
            fields[entry.code] = Field.objects.create(code=entry.code, name=entry.name,
                                                      position=position)
        elif (known.name, known.position) != (entry.name, position):
            known.name, known.position = entry.name, position
            known.save(update_fields=["name", "position"])
    return fields


def _identities_sync(catalog: Catalog, existing: dict[str, Procedure]) -> None:
    """National codes are identity, not content: updated in place, never versioned."""
    changed = [
        (existing[e.code], e) for e in catalog.procedures
        if e.code in existing
        and (existing[e.code].national_code, existing[e.code].national_code_verified)
        != (e.national_code, e.national_code_verified)
    ]
    # Two passes, so codes swapped between procedures never meet the unique constraint.
    for procedure, _entry in changed:
        procedure.national_code = ""
    Procedure.objects.bulk_update([p for p, _ in changed], ["national_code"])
    for procedure, entry in changed:
        procedure.national_code = entry.national_code
        procedure.national_code_verified = entry.national_code_verified
    Procedure.objects.bulk_update([p for p, _ in changed],
                                  ["national_code", "national_code_verified"])

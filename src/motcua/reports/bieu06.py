"""Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): "Tình hình, kết quả giải quyết TTHC tại cơ
quan, đơn vị trực tiếp giải quyết TTHC" (DOMAIN.md §5).

Thirteen columns: 1 STT, 2 field grouped by level, 3 total received = 4 online + 5 direct and
postal + 6 carried over; 7 settled = 8 early + 9 on time + 10 late; 11 in progress = 12 within
deadline + 13 overdue. Check rules: 3 = 4 + 5 + 6, 3 = 7 + 11, 7 = 8 + 9 + 10, 11 = 12 + 13.
They hold by construction: every counted dossier is in one intake and one result bucket of
`periods` (tests assert them on random data).

One aggregate over the dossiers of the unit and its sub-units, grouped by procedure version;
versions map to (level, field) in Python, so the big table joins nothing.
"""

from dataclasses import dataclass, field

from motcua.agencies.models import AdministrativeLevel, Unit
from motcua.catalog.models import Field, ProcedureVersion
from motcua.dossiers.models import Dossier
from motcua.reports.db import without_jit
from motcua.reports.periods import Bucket, Period, period_counts

COLUMNS = 13


@dataclass
class Counts:
    """Columns 3–13 of one row."""

    online: int = 0
    direct_postal: int = 0
    carried_over: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    within: int = 0
    overdue: int = 0

    @property
    def received(self) -> int:  # col 3
        return self.online + self.direct_postal + self.carried_over

    @property
    def settled(self) -> int:  # col 7
        return self.early + self.on_time + self.late

    @property
    def in_progress(self) -> int:  # col 11
        return self.within + self.overdue

    def columns(self) -> list[int]:
        """Columns 3 to 13, in the template's order."""
        return [self.received, self.online, self.direct_postal, self.carried_over,
                self.settled, self.early, self.on_time, self.late,
                self.in_progress, self.within, self.overdue]

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @classmethod
    def from_buckets(cls, row: dict) -> "Counts":
        b = {bucket: row[bucket.value] for bucket in Bucket}
        return cls(
            online=b[Bucket.RECEIVED_ONLINE],
            direct_postal=b[Bucket.RECEIVED_DIRECT] + b[Bucket.RECEIVED_POSTAL],
            carried_over=b[Bucket.CARRIED_OVER], early=b[Bucket.SETTLED_EARLY],
            on_time=b[Bucket.SETTLED_ON_TIME], late=b[Bucket.SETTLED_LATE],
            within=b[Bucket.OPEN_WITHIN], overdue=b[Bucket.OPEN_OVERDUE],
        )


@dataclass
class FieldRow:
    field: Field
    counts: Counts


@dataclass
class LevelGroup:
    level: AdministrativeLevel
    rows: list[FieldRow] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)


@dataclass
class Report:
    unit: Unit
    period: Period
    groups: list[LevelGroup]
    total: Counts
    field: Field | None = None
    level: AdministrativeLevel | None = None


def subtree_ids(unit: Unit) -> list[int]:
    return list(Unit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))


def bieu06_report(*, unit: Unit, period: Period, field: Field | None = None,
                  level: AdministrativeLevel | None = None) -> Report:
    """The report for `unit` and its sub-units; optionally one field and/or one level."""
    versions = ProcedureVersion.objects.all()
    if field is not None:
        versions = versions.filter(field=field)
    if level is not None:
        versions = versions.filter(level=level)
    mapping = dict(versions.values_list("pk", "level_id").order_by())
    fields_of = dict(versions.values_list("pk", "field_id").order_by())
    dossiers = Dossier.objects.filter(competent_unit_id__in=subtree_ids(unit))
    if field is not None or level is not None:
        dossiers = dossiers.filter(procedure_version_id__in=list(mapping))
    with without_jit():
        found = period_counts(dossiers, period=period, group_by=("procedure_version_id",))
    cells: dict[tuple[int, int], Counts] = {}
    for row in found:
        version = row["procedure_version_id"]
        key = (mapping[version], fields_of[version])
        cells.setdefault(key, Counts()).add(Counts.from_buckets(row))
    return Report(unit=unit, period=period, groups=_grouped(cells), total=_total(cells),
                  field=field, level=level)


def _grouped(cells: dict[tuple[int, int], Counts]) -> list[LevelGroup]:
    levels = AdministrativeLevel.objects.in_bulk({lv for lv, _f in cells})
    fields = Field.objects.in_bulk({f for _lv, f in cells})
    groups: dict[int, LevelGroup] = {}
    for (level_id, field_id), counts in cells.items():
        group = groups.setdefault(level_id, LevelGroup(level=levels[level_id]))
        group.rows.append(FieldRow(field=fields[field_id], counts=counts))
        group.counts.add(counts)
    for group in groups.values():
        group.rows.sort(key=lambda r: (r.field.position, r.field.name))
    return sorted(groups.values(), key=lambda g: g.level.rank)


def _total(cells: dict) -> Counts:
    total = Counts()
    for counts in cells.values():
        total.add(counts)
    return total

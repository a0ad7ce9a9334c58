"""Which days are not working days, for the whole country, year by year.

Precedence, highest first (docs/deadlines.md "Holiday data"):

1. a unit's own days (the database; applied by `WorkingCalendar(overrides=...)`);
2. national days stored in the database — a year with at least one national row belongs to the
   administrators, and those rows are the whole list for that year
   (`WorkingCalendar(stored_years=...)`);
3. the announced years shipped in `workcal/data/holidays.yaml` (Government Office letters:
   the exact Tết range, swaps and make-up Saturdays, which no rule can derive);
4. `holidays.VN` for every other year: the statutory days of Labour Code 2019 Art. 112, lunar
   ones on the Vietnamese (UTC+7) calendar, compensatory days for holidays on a weekend and the
   swaps the package knows. These are flagged unverified: a year is only certain once announced.

Levels 3 and 4 live here; they need no database.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import holidays
import yaml

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "holidays.yaml"
GENERATED_LEGAL_REF = "Bộ luật Lao động 2019, Điều 112 (tính tự động theo thư viện holidays)"


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # ngày lễ, Tết (Labour Code 2019 Art. 112)
    COMPENSATORY = "compensatory"  # nghỉ bù: a holiday fell on the weekly rest day
    SWAPPED_OFF = "swapped_off"  # nghỉ hoán đổi: a working day given off in a swap
    MAKEUP_WORKDAY = "makeup_workday"  # ngày làm bù: a weekend day worked in exchange

    @property
    def is_day_off(self) -> bool:
        return self is not DayKind.MAKEUP_WORKDAY


class DaySource(StrEnum):
    ANNOUNCED = "announced"  # the shipped data file
    GENERATED = "generated"  # holidays.VN
    ADMIN = "admin"  # typed in by an administrator


@dataclass(frozen=True, slots=True)
class DaySpec:
    day: date
    kind: DayKind
    name: str
    verified: bool = True
    legal_ref: str = ""
    source: DaySource = DaySource.ANNOUNCED


def parse_announcements(document: Mapping[str, Any]) -> dict[int, tuple[DaySpec, ...]]:
    """The `announced` section of a holidays.yaml document, by year."""
    refs = document.get("legal_refs") or {}
    years: dict[int, tuple[DaySpec, ...]] = {}
    for year, entries in (document.get("announced") or {}).items():
        specs = [spec for entry in entries for spec in _entry_specs(entry, refs.get(year, ""))]
        years[int(year)] = tuple(sorted(specs, key=lambda spec: spec.day))
    return years


def _entry_specs(entry: Mapping[str, Any], legal_ref: str) -> list[DaySpec]:
    first = entry.get("date") or entry["from"]
    last = entry.get("date") or entry["to"]
    verified = entry.get("confidence", "verified") != "unverified"
    return [
        DaySpec(first + timedelta(days=offset), DayKind(entry["kind"]), entry["name_vi"],
                verified, legal_ref, DaySource.ANNOUNCED)
        for offset in range((last - first).days + 1)
    ]


@cache
def shipped_announcements() -> Mapping[int, tuple[DaySpec, ...]]:
    with DATA_FILE.open(encoding="utf-8") as stream:
        return parse_announcements(yaml.safe_load(stream))


@cache
def generated_year(year: int) -> tuple[DaySpec, ...]:
    """holidays.VN's days for `year`, classified by the labels the package gives them."""
    table = holidays.VN(years=year, language="vi")
    specs = [_generated(day, name, _kind_of(name)) for day, name in table.items()]
    specs += [
        _generated(day, "Làm bù (theo thư viện holidays)", DayKind.MAKEUP_WORKDAY)
        for day in table.weekend_workdays
        if day.year == year
    ]
    return tuple(sorted(specs, key=lambda spec: spec.day))


def _kind_of(name: str) -> DayKind:
    # holidays.VN labels: "… (nghỉ bù)" for compensatory days, "Ngày nghỉ (thay cho ngày …)"
    # for a working day swapped against a make-up Saturday.
    if "nghỉ bù" in name:
        return DayKind.COMPENSATORY
    if "thay cho" in name:
        return DayKind.SWAPPED_OFF
    return DayKind.HOLIDAY


def _generated(day: date, name: str, kind: DayKind) -> DaySpec:
    return DaySpec(day, kind, name, False, GENERATED_LEGAL_REF, DaySource.GENERATED)


def default_national_year(year: int) -> tuple[DaySpec, ...]:
    """Levels 3–4: the shipped announcement if the year has one, else holidays.VN."""
    shipped = shipped_announcements()
    return shipped[year] if year in shipped else generated_year(year)

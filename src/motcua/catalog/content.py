"""The content of one procedure version as plain, immutable values.

One shape serves the YAML file, the database rows and the version check: a ProcedureContent is
built from a YAML entry (validation.py) or from a stored version (selectors.py), and
`to_dict()` is exactly the YAML entry we export. Two contents are the same version when their
digests are equal, so re-importing unchanged data writes nothing.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


def plain_number(value: Decimal | None) -> int | float | None:
    """5.00 → 5, 0.50 → 0.5: how a number is written in YAML and hashed (DB scale ignored)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Stage:
    case: str
    kind: str
    value: Decimal | None = None
    verification_extension_working_days: Decimal | None = None

    def to_dict(self) -> dict:
        return _compact({
            "case": self.case,
            "kind": self.kind,
            "value": plain_number(self.value),
            "verification_extension_working_days": plain_number(
                self.verification_extension_working_days
            ),
        })


@dataclass(frozen=True)
class TimeLimit:
    kind: str
    value: Decimal | None = None
    verification_extension_working_days: Decimal | None = None
    text: str = ""
    exclusions: tuple[str, ...] = ()
    stage_mode: str = ""
    stages: tuple[Stage, ...] = ()

    def to_dict(self) -> dict:
        return _compact({
            "kind": self.kind,
            "value": plain_number(self.value),
            "verification_extension_working_days": plain_number(
                self.verification_extension_working_days
            ),
            "text": self.text,
            "exclusions": list(self.exclusions),
            "stage_mode": self.stage_mode,
            "stages": [stage.to_dict() for stage in self.stages],
        })


@dataclass(frozen=True)
class FeeRule:
    name: str
    kind: str
    amount: int | None = None
    formula: str = ""
    unit: str = "per_case"
    set_by: str = "national"
    example: bool = False
    unverified: bool = False
    free_if_on_time: bool = False
    online_discount_percent: int | None = None
    online_discount_from: date | None = None
    online_discount_until: date | None = None
    note: str = ""

    def to_dict(self) -> dict:
        discount = None
        if self.online_discount_percent is not None:
            discount = _compact({
                "percent": self.online_discount_percent,
                "from": self.online_discount_from,
                "until": self.online_discount_until,
            })
        return _compact({
            "name": self.name,
            "kind": self.kind,
            "amount": self.amount,
            "formula": self.formula,
            "unit": self.unit,
            "set_by": self.set_by,
            "example": self.example,
            "unverified": self.unverified,
            "free_if_on_time": self.free_if_on_time,
            "online_discount": discount,
            "note": self.note,
        })


@dataclass(frozen=True)
class ComponentItem:
    name: str
    originals: int = 1
    copies: int = 0
    required: bool = True
    template: str = ""  # storage name of the downloadable form, "" when there is none

    def to_dict(self) -> dict:
        # originals/copies/required are always written: a reader should not need the defaults.
        return {
            "name": self.name,
            "originals": self.originals,
            "copies": self.copies,
            "required": self.required,
            **({"template": self.template} if self.template else {}),
        }


@dataclass(frozen=True)
class Step:
    name: str
    role: str
    actor: str
    share: int
    agency: str = ""

    def to_dict(self) -> dict:
        return _compact({
            "name": self.name,
            "role": self.role,
            "actor": self.actor,
            "share": self.share,
            "agency": self.agency,
        })


@dataclass(frozen=True)
class ProcedureContent:
    name: str
    field: str
    level: str
    time_limit: TimeLimit
    verification: str
    online_level: str
    channels: tuple[int, ...]
    name_en: str = ""
    level_note: str = ""
    level_before_2025_07: str = ""
    level_before_2025_07_note: str = ""
    competent_unit: str = ""
    fee_text: str = ""
    fees: tuple[FeeRule, ...] = ()
    components: tuple[ComponentItem, ...] = ()
    results: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str = ""
    process: tuple[Step, ...] = ()

    def to_dict(self) -> dict:
        """The YAML entry (without the identity keys code / national_code)."""
        return _compact({
            "name": self.name,
            "name_en": self.name_en,
            "field": self.field,
            "level": self.level,
            "level_note": self.level_note,
            "level_before_2025_07": self.level_before_2025_07,
            "level_before_2025_07_note": self.level_before_2025_07_note,
            "competent_unit": self.competent_unit,
            "online_level": self.online_level,
            "channels": list(self.channels),
            "time_limit": self.time_limit.to_dict(),
            "fee_text": self.fee_text,
            "fees": [fee.to_dict() for fee in self.fees],
            "components": [component.to_dict() for component in self.components],
            "results": list(self.results),
            "legal_basis": list(self.legal_basis),
            "sources": list(self.sources),
            "notes": self.notes,
            "verification": self.verification,
            "process": [step.to_dict() for step in self.process],
        })

    def digest(self) -> str:
        """A fingerprint of the content: equal digests mean no new version is needed."""
        canonical = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


def _compact(mapping: dict) -> dict:
    """Leave out empty values and false flags so the file shows only what a procedure has."""
    # `is` checks: 0 is a real amount or count, not an empty value (0 == False in Python).
    return {
        key: value
        for key, value in mapping.items()
        if not (value is None or value is False or value == "" or value == [])
    }

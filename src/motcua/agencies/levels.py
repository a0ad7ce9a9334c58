"""The standard administrative levels, by code. Other apps refer to levels by these codes.

Since 1 July 2025 local government has two tiers, province and commune (cấp xã covers xã,
phường and đặc khu); the district level (cấp huyện) ended on 30 June 2025 (DOMAIN.md §0.1).
Migration 0003 creates the same rows, so every installation has them (it keeps its own copy
of the values: a migration must go on creating what it created when it was written).
"""

from dataclasses import dataclass
from datetime import date

PROVINCE = "tinh"
DISTRICT = "huyen"
COMMUNE = "xa"

# Last day of the three-tier structure and first day of the two-tier one.
DISTRICT_LEVEL_LAST_DAY = date(2025, 6, 30)
TWO_TIER_FROM = date(2025, 7, 1)


@dataclass(frozen=True)
class LevelSpec:
    code: str
    name: str
    name_en: str
    rank: int
    valid_to: date | None = None

    def defaults(self) -> dict:
        """The level's values besides its code, as `AdministrativeLevel` field values."""
        return {"name": self.name, "name_en": self.name_en, "rank": self.rank,
                "valid_to": self.valid_to}


STANDARD_LEVELS = (
    LevelSpec(PROVINCE, "Cấp tỉnh", "Province", 1),
    LevelSpec(DISTRICT, "Cấp huyện", "District", 2, DISTRICT_LEVEL_LAST_DAY),
    LevelSpec(COMMUNE, "Cấp xã", "Commune", 3),
)
STANDARD_LEVELS_BY_CODE = {spec.code: spec for spec in STANDARD_LEVELS}

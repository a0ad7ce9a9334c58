"""The administrative levels the catalog refers to by code.

Levels belong to motcua.agencies; the catalog only needs these three codes to exist, so an
import creates any that are missing with these values. The demo loader creates the same codes
with the same values; the district level ended with the two-tier reform (DOMAIN.md §0.1).
"""

from datetime import date

DEFAULT_LEVELS = {
    "tinh": {"name": "Cấp tỉnh", "name_en": "Province", "rank": 1},
    "huyen": {"name": "Cấp huyện", "name_en": "District", "rank": 2, "valid_to": date(2025, 6, 30)},
    "xa": {"name": "Cấp xã", "name_en": "Commune", "rank": 3},
}

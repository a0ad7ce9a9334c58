"""The administrative levels every installation needs, as data (DOMAIN.md §0.1).

Other apps rely on these codes (tinh, huyen, xa). The district level ends on 30 June 2025: from
1 July 2025 local government has two tiers (province, commune).
"""

from datetime import date

from django.db import migrations

LEVELS = [
    # code, name, name_en, rank, valid_to
    ("tinh", "Cấp tỉnh", "Province", 1, None),
    ("huyen", "Cấp huyện", "District", 2, date(2025, 6, 30)),
    ("xa", "Cấp xã", "Commune", 3, None),
]


def add_levels(apps, schema_editor):
    AdministrativeLevel = apps.get_model("agencies", "AdministrativeLevel")
    for code, name, name_en, rank, valid_to in LEVELS:
        AdministrativeLevel.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "rank": rank, "valid_to": valid_to},
        )


class Migration(migrations.Migration):

    dependencies = [
        ("agencies", "0002_unit_kind_path"),
    ]

    operations = [
        migrations.RunPython(add_levels, migrations.RunPython.noop),
    ]

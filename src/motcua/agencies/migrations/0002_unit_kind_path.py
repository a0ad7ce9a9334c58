import django.db.models.functions.text
from django.db import migrations, models

import motcua.agencies.identifiers


def fill_paths(apps, schema_editor):
    """Units that existed before the materialised path get it from their parent chain."""
    Unit = apps.get_model("agencies", "Unit")
    units = {u.pk: u for u in Unit.objects.all()}

    def path_of(unit):
        parent = units.get(unit.parent_id)
        return (path_of(parent) if parent else "/") + unit.code.strip().upper() + "/"

    for unit in units.values():
        unit.code = unit.code.strip().upper()
        unit.path = path_of(unit)
        unit.save(update_fields=["code", "path"])


class Migration(migrations.Migration):

    dependencies = [
        ('agencies', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='unit',
            name='kind',
            field=models.CharField(choices=[('committee', 'Ủy ban nhân dân'), ('agency', 'Cơ quan chuyên môn'), ('service_centre', 'Trung tâm Phục vụ hành chính công')], default='committee', max_length=20, verbose_name='loại đơn vị'),
        ),
        migrations.AddField(
            model_name='unit',
            name='path',
            field=models.CharField(default='', editable=False, max_length=255, verbose_name='đường dẫn cây'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='unit',
            name='code',
            field=models.CharField(max_length=40, unique=True, validators=[motcua.agencies.identifiers.unit_identifier_validator], verbose_name='mã định danh'),
        ),
        migrations.RunPython(fill_paths, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='unit',
            index=models.Index(fields=['path'], name='unit_path_idx', opclasses=['varchar_pattern_ops']),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.CheckConstraint(condition=models.Q(('path__startswith', '/'), ('path__endswith', django.db.models.functions.text.Concat(models.F('code'), models.Value('/')))), name='unit_path_ends_with_code'),
        ),
    ]

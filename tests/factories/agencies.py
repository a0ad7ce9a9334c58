"""Factories for levels, units and departments.

Units are created through `unit_create`, so their materialised path is right; pass `parent=`
to build a tree. Traits: `UnitFactory(province=True)`, `(district=True)` (ends 30/6/2025 with
its level), `(agency=True)`, `(service_centre=True)`, `(with_desk=True)`.
"""

from datetime import date

import factory

from motcua.agencies.levels import DISTRICT_LEVEL_LAST_DAY
from motcua.agencies.models import AdministrativeLevel, Department, Unit
from motcua.agencies.services import unit_create


class LevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeLevel
        django_get_or_create = ("code",)

    code = "xa"
    name = "Cấp xã"
    name_en = "Commune"
    rank = 3

    class Params:
        province = factory.Trait(code="tinh", name="Cấp tỉnh", name_en="Province", rank=1)
        district = factory.Trait(
            code="huyen", name="Cấp huyện", name_en="District", rank=2,
            valid_to=DISTRICT_LEVEL_LAST_DAY,
        )


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"000.{n // 100 % 100:02d}.{n % 100:02d}.H99")
    name = factory.Sequence(lambda n: f"UBND xã Thử Nghiệm {n}")
    level = factory.SubFactory(LevelFactory)
    parent = None
    kind = Unit.Kind.COMMITTEE
    # A unit cannot outlive its level: a district ends with the district level by default.
    valid_to = factory.LazyAttribute(lambda o: o.level.valid_to)
    with_desk = False  # taken by _create: open the unit's one-stop desk too

    class Params:
        province = factory.Trait(
            level=factory.SubFactory(LevelFactory, province=True),
            name=factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}"),
        )
        district = factory.Trait(
            level=factory.SubFactory(LevelFactory, district=True),
            name=factory.Sequence(lambda n: f"Huyện Thử Nghiệm {n}"),
        )
        agency = factory.Trait(
            level=factory.SubFactory(LevelFactory, province=True),
            kind=Unit.Kind.AGENCY,
            name=factory.Sequence(lambda n: f"Sở Thử Nghiệm {n}"),
        )
        service_centre = factory.Trait(
            level=factory.SubFactory(LevelFactory, province=True),
            kind=Unit.Kind.SERVICE_CENTRE,
            name=factory.Sequence(lambda n: f"Trung tâm Phục vụ hành chính công {n}"),
        )
        retired = factory.Trait(valid_to=date(2025, 6, 30))

    @classmethod
    def _create(cls, model_class, *args, with_desk=False, **kwargs):
        desk_name = "Bộ phận Một cửa" if with_desk else None
        return unit_create(desk_name=desk_name, **kwargs)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    unit = factory.SubFactory(UnitFactory)
    code = factory.Sequence(lambda n: f"phong-{n}")
    name = factory.Sequence(lambda n: f"Phòng chuyên môn {n}")

    class Params:
        desk = factory.Trait(kind=Department.Kind.ONE_STOP_DESK, code="mot-cua",
                             name="Bộ phận Một cửa")
        leadership = factory.Trait(kind=Department.Kind.LEADERSHIP, code="lanh-dao",
                                   name="Lãnh đạo")

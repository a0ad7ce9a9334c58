"""Factories for levels, units and departments."""

import factory

from motcua.agencies.models import AdministrativeLevel, Department, Unit


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
        district = factory.Trait(code="huyen", name="Cấp huyện", name_en="District", rank=2)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"000.{n // 100:02d}.{n % 100:02d}.H99")
    name = factory.Sequence(lambda n: f"UBND xã Thử Nghiệm {n}")
    level = factory.SubFactory(LevelFactory)

    class Params:
        province = factory.Trait(
            level=factory.SubFactory(LevelFactory, province=True),
            name=factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}"),
        )


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    unit = factory.SubFactory(UnitFactory)
    code = factory.Sequence(lambda n: f"phong-{n}")
    name = factory.Sequence(lambda n: f"Phòng chuyên môn {n}")

    class Params:
        desk = factory.Trait(kind=Department.Kind.ONE_STOP_DESK, code="mot-cua",
                             name="Bộ phận Một cửa")

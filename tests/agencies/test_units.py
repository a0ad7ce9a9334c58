"""Creating units: levels and parents bound their validity; one one-stop desk per unit."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from motcua.agencies.models import Department
from motcua.agencies.selectors import unit_desk, unit_get_by_code
from motcua.agencies.services import (
    OUTLIVES_LEVEL,
    OUTLIVES_PARENT,
    PARENT_BELOW_CHILD,
    department_create,
    level_ensure_standard,
    unit_create,
)
from tests.factories.agencies import DepartmentFactory, LevelFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_the_standard_levels_exist_with_the_codes_other_apps_use():
    levels = {level.code: level for level in level_ensure_standard()}
    assert {code: (lv.name, lv.rank) for code, lv in levels.items()} == {
        "tinh": ("Cấp tỉnh", 1), "huyen": ("Cấp huyện", 2), "xa": ("Cấp xã", 3)}
    # The district level ended with the two-tier reform (DOMAIN.md §0.1).
    assert levels["huyen"].valid_to == date(2025, 6, 30)
    assert levels["tinh"].valid_to is None and levels["xa"].valid_to is None
    assert len(level_ensure_standard()) == 3  # idempotent


def test_a_district_cannot_be_created_for_the_two_tier_era():
    with pytest.raises(ValidationError) as caught:
        unit_create(code="000.00.27.H97", name="Huyện Mới", level=LevelFactory(district=True),
                    valid_from=date(2025, 7, 1), valid_to=None)
    assert str(OUTLIVES_LEVEL) in caught.value.message_dict["valid_to"]


def test_a_province_cannot_sit_under_a_commune():
    commune = UnitFactory()
    with pytest.raises(ValidationError) as caught:
        unit_create(code="000.00.01.H98", name="Tỉnh", level=LevelFactory(province=True),
                    parent=commune)
    assert caught.value.message_dict["parent"] == [str(PARENT_BELOW_CHILD)]


def test_a_child_lives_within_its_parents_period():
    district = UnitFactory(district=True)
    with pytest.raises(ValidationError) as caught:
        unit_create(code="000.01.27.H97", name="Xã", level=LevelFactory(), parent=district)
    assert str(OUTLIVES_PARENT) in caught.value.message_dict["valid_to"]
    commune = unit_create(code="000.01.27.H97", name="Xã", level=LevelFactory(),
                          parent=district, valid_to=date(2025, 6, 30))
    assert commune.parent == district


def test_unit_create_can_open_the_one_stop_desk():
    unit = UnitFactory(with_desk=True)
    desk = unit_desk(unit=unit)
    assert (desk.code, desk.kind) == ("mot-cua", Department.Kind.ONE_STOP_DESK)
    assert unit_get_by_code(code=unit.code.lower()) == unit


def test_a_unit_has_at_most_one_desk_in_the_database():
    desk = DepartmentFactory(desk=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Department.objects.create(unit=desk.unit, code="mot-cua-2", name="Quầy 2",
                                  kind=Department.Kind.ONE_STOP_DESK)


def test_a_second_desk_is_refused_before_reaching_the_database():
    desk = DepartmentFactory(desk=True)
    with pytest.raises(ValidationError):
        department_create(unit=desk.unit, code="mot-cua-2", name="Quầy 2",
                          kind=Department.Kind.ONE_STOP_DESK)
    # Other departments are unlimited, and another unit has its own desk.
    department_create(unit=desk.unit, code="tu-phap", name="Phòng Tư pháp")
    DepartmentFactory(desk=True)
    assert Department.objects.filter(kind=Department.Kind.ONE_STOP_DESK).count() == 2

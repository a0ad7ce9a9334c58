"""The unit tree: subtree and ancestors in constant queries, paths kept right on moves."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from motcua.agencies.models import Unit
from motcua.agencies.selectors import unit_ancestors, unit_descendants, units_valid_on
from motcua.agencies.services import PARENT_CYCLE, unit_update
from tests.factories.agencies import LevelFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """province ─┬─ agency ── sub-agency
                 ├─ commune A
                 └─ commune B"""
    province = UnitFactory(province=True)
    agency = UnitFactory(agency=True, parent=province)
    sub_agency = UnitFactory(agency=True, parent=agency)
    commune_a = UnitFactory(parent=province)
    commune_b = UnitFactory(parent=province)
    other_province = UnitFactory(province=True)
    UnitFactory(parent=other_province)
    return {"province": province, "agency": agency, "sub": sub_agency, "a": commune_a,
            "b": commune_b, "other": other_province}


def test_descendants_are_the_whole_subtree(tree):
    assert set(unit_descendants(unit=tree["province"])) == {
        tree["agency"], tree["sub"], tree["a"], tree["b"]}
    assert set(unit_descendants(unit=tree["agency"], include_self=True)) == {
        tree["agency"], tree["sub"]}
    assert list(unit_descendants(unit=tree["a"])) == []


def test_descendants_take_one_query_whatever_the_depth(tree, django_assert_num_queries):
    deep = tree["sub"]
    for _ in range(6):
        deep = UnitFactory(agency=True, parent=deep)
    with django_assert_num_queries(1):
        assert len(list(unit_descendants(unit=tree["province"]))) == 4 + 6
    with django_assert_num_queries(1):
        assert len(list(unit_descendants(unit=tree["agency"]))) == 1 + 6


def test_ancestors_come_root_first_in_one_query(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert unit_ancestors(unit=tree["sub"]) == [tree["province"], tree["agency"]]
    assert tree["sub"].depth == 2
    assert unit_ancestors(unit=tree["province"]) == []


def test_moving_a_unit_rewrites_its_subtree_paths(tree):
    unit_update(unit=tree["agency"], parent=tree["other"])
    tree["sub"].refresh_from_db()
    assert tree["sub"].path == f"/{tree['other'].code}/{tree['agency'].code}/{tree['sub'].code}/"
    assert tree["sub"] in unit_descendants(unit=tree["other"])
    assert tree["sub"] not in unit_descendants(unit=tree["province"])


def test_changing_a_code_rewrites_its_subtree_paths(tree):
    unit_update(unit=tree["agency"], code="000.00.77.h98")
    tree["sub"].refresh_from_db()
    assert tree["sub"].path.startswith(f"/{tree['province'].code}/000.00.77.H98/")


def test_a_unit_cannot_move_under_itself_or_its_subtree(tree):
    for new_parent in (tree["agency"], tree["sub"]):
        with pytest.raises(ValidationError) as caught:
            unit_update(unit=tree["agency"], parent=new_parent)
        assert caught.value.message_dict["parent"] == [str(PARENT_CYCLE)]


def test_a_unit_saved_around_the_services_is_refused_by_the_database():
    # An empty path would be a prefix of every path: access scopes would silently widen.
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(code="000.00.01.H97", name="Sai", level=LevelFactory())


def test_units_valid_on_a_date_include_both_bounds():
    old = UnitFactory(district=True)  # ends 30/6/2025 with the district level
    new = UnitFactory(valid_from=date(2025, 7, 1))
    timeless = UnitFactory()
    assert set(units_valid_on(day=date(2025, 6, 30))) == {old, timeless}
    assert set(units_valid_on(day=date(2025, 7, 1))) == {new, timeless}
    assert old.is_valid_on(date(2025, 6, 30)) and not old.is_valid_on(date(2025, 7, 1))

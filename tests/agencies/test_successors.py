"""Retiring units with successors, and following successor chains (DOMAIN.md §0.1)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from motcua.agencies.selectors import (
    unit_current_successors,
    unit_predecessors,
    unit_successors,
)
from motcua.agencies.services import (
    CHILDREN_STILL_VALID,
    RETIRE_NEEDS_SUCCESSOR,
    SUCCESSOR_CYCLE,
    SUCCESSOR_IS_SELF,
    SUCCESSOR_NOT_VALID,
    unit_retire,
)
from tests.factories.agencies import UnitFactory

pytestmark = pytest.mark.django_db

LAST_DAY, FIRST_DAY = date(2025, 6, 30), date(2025, 7, 1)


@pytest.fixture
def reform():
    """Gò Công Tây (district) and two of its communes end on 30/6/2025; two new communes of
    the new province take over: A ← old commune 1, B ← old commune 2, and the district's work
    splits over A and B."""
    old_province = UnitFactory(province=True, valid_to=LAST_DAY)
    district = UnitFactory(district=True, parent=old_province)
    old_1 = UnitFactory(parent=district, valid_to=LAST_DAY)
    old_2 = UnitFactory(parent=district, valid_to=LAST_DAY)
    new_province = UnitFactory(province=True, valid_from=FIRST_DAY)
    new_a = UnitFactory(parent=new_province, valid_from=FIRST_DAY)
    new_b = UnitFactory(parent=new_province, valid_from=FIRST_DAY)
    unit_retire(unit=old_1, last_day=LAST_DAY, successors=[new_a])
    unit_retire(unit=old_2, last_day=LAST_DAY, successors=[new_b])
    unit_retire(unit=district, last_day=LAST_DAY, successors=[new_a, new_b])
    unit_retire(unit=old_province, last_day=LAST_DAY, successors=[new_province])
    return locals()


def test_which_units_took_over_a_districts_work(reform):
    district = reform["district"]
    assert unit_current_successors(unit=district, day=FIRST_DAY) == [reform["new_a"],
                                                                    reform["new_b"]]
    # Before the reform the district carries on its own work.
    assert unit_current_successors(unit=district, day=LAST_DAY) == [district]
    assert unit_predecessors(unit=reform["new_a"]) == [reform["old_1"], district]


def test_chains_are_followed_through_several_reorganisations(reform, django_assert_num_queries):
    later = UnitFactory(parent=reform["new_province"], valid_from=FIRST_DAY)
    # Commune A is merged again in 2027: its work, and the district's, moves on to `later`.
    unit_retire(unit=reform["new_a"], last_day=date(2026, 12, 31), successors=[later])
    with django_assert_num_queries(2):
        chain = unit_successors(unit=reform["old_1"])
    assert chain == [reform["new_a"], later]
    with django_assert_num_queries(2):
        current = unit_current_successors(unit=reform["old_1"], day=date(2027, 1, 1))
    assert current == [later]


def test_retiring_needs_successors_that_exist_the_next_day():
    unit = UnitFactory(valid_to=None)
    gone = UnitFactory(valid_to=LAST_DAY)
    cases = [
        ([], RETIRE_NEEDS_SUCCESSOR),
        ([unit], SUCCESSOR_IS_SELF),
        ([gone], SUCCESSOR_NOT_VALID),
    ]
    for successors, message in cases:
        with pytest.raises(ValidationError) as caught:
            unit_retire(unit=unit, last_day=LAST_DAY, successors=successors)
        assert caught.value.message_dict["successors"] == [str(message)]


def test_a_parent_is_retired_after_its_children():
    parent = UnitFactory(province=True)
    UnitFactory(parent=parent)  # still open-ended
    successor = UnitFactory(province=True)
    with pytest.raises(ValidationError) as caught:
        unit_retire(unit=parent, last_day=LAST_DAY, successors=[successor])
    assert caught.value.message_dict["valid_to"] == [str(CHILDREN_STILL_VALID)]


def test_successor_links_cannot_loop():
    a, b = UnitFactory(), UnitFactory()
    # Validity dates alone make loops impossible; a link typed in the admin could still close one.
    b.successors.add(a)
    with pytest.raises(ValidationError) as caught:
        unit_retire(unit=a, last_day=LAST_DAY, successors=[b])
    assert caught.value.message_dict["successors"] == [str(SUCCESSOR_CYCLE)]


def test_retiring_again_with_the_same_arguments_changes_nothing(reform):
    district = reform["district"]
    unit_retire(unit=district, last_day=LAST_DAY, successors=[reform["new_a"], reform["new_b"]])
    district.refresh_from_db()
    assert district.valid_to == LAST_DAY
    assert set(district.successors.all()) == {reform["new_a"], reform["new_b"]}

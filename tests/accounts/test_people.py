"""Citizens and staff: identifiers, roles per unit and their periods."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from motcua.accounts.models import StaffRole
from motcua.accounts.roles import Role
from motcua.accounts.selectors import staff_in_unit, staff_roles_active, user_get_by_cccd
from motcua.accounts.services import (
    DEPARTMENT_OF_OTHER_UNIT,
    ROLE_END_BEFORE_START,
    ROLE_OVERLAP,
    citizen_create,
    staff_create,
    staff_role_end,
    staff_role_grant,
)
from tests.factories.accounts import CitizenFactory, StaffFactory, StaffRoleFactory
from tests.factories.agencies import DepartmentFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_has_cccd_phone_email_and_address():
    citizen = citizen_create(username="an", full_name="Nguyễn Văn An", cccd="099085000001",
                             phone="0100000001", email="an@motcua.example",
                             address="Ấp 1, xã Mẫu", password="motcua-demo")
    assert user_get_by_cccd(cccd=" 099085000001 ") == citizen
    assert citizen.check_password("motcua-demo")
    assert not citizen.staff_roles.exists()


@pytest.mark.parametrize("field, value", [("cccd", "12345678901"), ("cccd", "0990850000AB"),
                                          ("phone", "900000001"), ("phone", "01000")])
def test_malformed_cccd_and_phone_are_refused(field, value):
    with pytest.raises(ValidationError) as caught:
        citizen_create(username="x", full_name="X", **{field: value})
    assert field in caught.value.message_dict


def test_cccd_is_unique_but_many_people_have_none():
    CitizenFactory(cccd="099085000001")
    with pytest.raises(ValidationError):
        citizen_create(username="y", full_name="Y", cccd="099085000001")
    staff_create(username="a", full_name="A", phone="")
    staff_create(username="b", full_name="B", phone=None)  # "" and None both mean none


def test_a_staff_member_holds_roles_per_unit():
    unit_a, unit_b = UnitFactory(), UnitFactory()
    person = StaffFactory(desk_officer=True, unit=unit_a)
    staff_role_grant(user=person, unit=unit_b, role=Role.SPECIALIST)
    roles = staff_roles_active(user=person, day=date(2026, 1, 1))
    assert {(r.unit, r.role) for r in roles} == {(unit_a, "desk_officer"), (unit_b, "specialist")}
    assert list(staff_in_unit(unit=unit_b, day=date(2026, 1, 1), role="specialist")) == [person]
    assert list(staff_in_unit(unit=unit_b, day=date(2026, 1, 1), role="leader")) == []


def test_the_department_belongs_to_the_roles_unit():
    person = StaffFactory(role=None)
    elsewhere = DepartmentFactory()
    with pytest.raises(ValidationError) as caught:
        staff_role_grant(user=person, unit=UnitFactory(), role=Role.SPECIALIST,
                         department=elsewhere)
    assert caught.value.message_dict["department"] == [str(DEPARTMENT_OF_OTHER_UNIT)]


def test_one_active_role_per_person_unit_and_role():
    role = StaffRoleFactory(valid_from=date(2025, 7, 1))
    overlapping = dict(user=role.user, unit=role.unit, role=role.role)
    with pytest.raises(ValidationError) as caught:
        staff_role_grant(**overlapping, valid_from=date(2026, 1, 1))
    assert caught.value.message_dict["role"] == [str(ROLE_OVERLAP)]
    # After the first period ends, the same role may start again.
    staff_role_end(staff_role=role, last_day=date(2025, 12, 31))
    staff_role_grant(**overlapping, valid_from=date(2026, 1, 1))
    # The same role in another unit, or another role in the same unit, is fine.
    staff_role_grant(user=role.user, unit=role.unit, role=Role.LEADER)


def test_the_database_refuses_two_open_ended_copies_of_a_role():
    role = StaffRoleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffRole.objects.create(user=role.user, unit=role.unit, role=role.role)


def test_the_database_refuses_an_unknown_role():
    role = StaffRoleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffRole.objects.filter(pk=role.pk).update(role="mayor")


def test_ending_a_role_keeps_it_for_history():
    role = StaffRoleFactory(valid_from=date(2025, 7, 1))
    staff_role_end(staff_role=role, last_day=date(2026, 3, 31))
    assert StaffRole.objects.get(pk=role.pk).valid_to == date(2026, 3, 31)
    # Ending it later than already planned does nothing: that would be a new grant.
    staff_role_end(staff_role=role, last_day=date(2027, 1, 1))
    assert StaffRole.objects.get(pk=role.pk).valid_to == date(2026, 3, 31)
    with pytest.raises(ValidationError) as caught:
        staff_role_end(staff_role=role, last_day=date(2025, 1, 1))
    assert caught.value.message_dict["valid_to"] == [str(ROLE_END_BEFORE_START)]


@pytest.mark.parametrize("role, admin_site", [(Role.UNIT_ADMIN, True), (Role.SYSTEM_ADMIN, True),
                                              (Role.DESK_OFFICER, False), (Role.LEADER, False)])
def test_administrator_roles_open_the_admin_site(role, admin_site):
    person = StaffFactory(role=role)
    person.refresh_from_db()
    assert person.is_staff is admin_site

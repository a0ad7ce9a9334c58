"""Factories for people: `CitizenFactory()`, `StaffFactory(desk_officer=True, unit=...)`.

A staff member gets one role (desk officer unless a trait says otherwise) in `unit` (a new
commune unless given). More roles: `StaffRoleFactory(user=..., unit=..., leader=True)`.
Passwords are all `PASSWORD`, hashed once per test session to keep factories fast.
"""

from datetime import date
from functools import cache

import factory
from django.contrib.auth.hashers import make_password

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.accounts.services import staff_role_grant
from tests.factories.agencies import UnitFactory

PASSWORD = "motcua-test"


@cache
def _password_hash() -> str:
    return make_password(PASSWORD)


class StaffRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffRole

    user = factory.SubFactory("tests.factories.accounts.StaffFactory", role=None)
    unit = factory.SubFactory(UnitFactory)
    role = Role.DESK_OFFICER

    class Params:
        desk_officer = factory.Trait(role=Role.DESK_OFFICER)
        specialist = factory.Trait(role=Role.SPECIALIST)
        leader = factory.Trait(role=Role.LEADER)
        unit_admin = factory.Trait(role=Role.UNIT_ADMIN)
        system_admin = factory.Trait(role=Role.SYSTEM_ADMIN)
        postal_operator = factory.Trait(role=Role.POSTAL_OPERATOR)
        expired = factory.Trait(valid_from=date(2020, 1, 1), valid_to=date(2025, 6, 30))
        future = factory.Trait(valid_from=date(2099, 1, 1))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the service, so tests meet the same validation as the application.
        return staff_role_grant(**kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    full_name = factory.Sequence(lambda n: f"Người Dùng {n}")
    password = factory.LazyFunction(_password_hash)


class CitizenFactory(UserFactory):
    username = factory.Sequence(lambda n: f"congdan{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Dân {n}")
    # Province code 099 does not exist, so these can never be a real person's CCCD.
    cccd = factory.Sequence(lambda n: f"099090{n:06d}")
    phone = factory.Sequence(lambda n: f"0100{n:06d}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@motcua.example")
    address = "Ấp 1, xã Thử Nghiệm, tỉnh Thử Nghiệm"


class StaffFactory(UserFactory):
    """A person with one role in `unit`; `role=None` makes an account with no role."""

    username = factory.Sequence(lambda n: f"canbo{n}")
    full_name = factory.Sequence(lambda n: f"Trần Thị Cán Bộ {n}")

    class Params:
        unit = factory.SubFactory(UnitFactory)
        role = Role.DESK_OFFICER
        department = None
        role_valid_from = None
        role_valid_to = None
        desk_officer = factory.Trait(role=Role.DESK_OFFICER)
        specialist = factory.Trait(role=Role.SPECIALIST)
        leader = factory.Trait(role=Role.LEADER)
        unit_admin = factory.Trait(role=Role.UNIT_ADMIN)
        system_admin = factory.Trait(role=Role.SYSTEM_ADMIN)
        postal_operator = factory.Trait(role=Role.POSTAL_OPERATOR)
        expired = factory.Trait(role_valid_from=date(2020, 1, 1), role_valid_to=date(2025, 6, 30))
        future = factory.Trait(role_valid_from=date(2099, 1, 1))

    staff_role = factory.Maybe(
        "role",
        yes_declaration=factory.RelatedFactory(
            StaffRoleFactory,
            factory_related_name="user",
            unit=factory.SelfAttribute("..unit"),
            role=factory.SelfAttribute("..role"),
            department=factory.SelfAttribute("..department"),
            valid_from=factory.SelfAttribute("..role_valid_from"),
            valid_to=factory.SelfAttribute("..role_valid_to"),
        ),
    )

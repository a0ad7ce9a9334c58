"""Reads about people and their roles (what a role allows is in `access`, not here)."""

from datetime import date

from django.db.models import QuerySet

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.agencies.models import Unit


def staff_roles_active(*, user: User, day: date) -> QuerySet[StaffRole]:
    """The roles `user` holds on `day`, with their units and departments."""
    return (
        StaffRole.objects.active_on(day)
        .filter(user=user)
        .select_related("unit", "unit__level", "department")
    )


def staff_in_unit(*, unit: Unit, day: date, role: Role | str | None = None) -> QuerySet[User]:
    """The active people holding a role (or `role`) in `unit` on `day`, e.g. the specialists
    a leader may assign a dossier to."""
    roles = StaffRole.objects.active_on(day).filter(unit=unit)
    if role is not None:
        roles = roles.filter(role=Role(role))
    return User.objects.filter(is_active=True, pk__in=roles.values("user_id")).order_by(
        "full_name", "username"
    )


def user_get_by_cccd(*, cccd: str) -> User:
    """The person with this CCCD number (raises User.DoesNotExist)."""
    return User.objects.get(cccd=cccd.strip())

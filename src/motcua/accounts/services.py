"""Writes on people and their roles. Nothing else saves User or StaffRole.

Access is not checked here: the caller (a view, the admin, a command) asks
`motcua.accounts.access` first, then calls a service.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.agencies.models import Department, Unit

ROLE_OVERLAP = _("Người này đã có vai trò này tại đơn vị này trong một khoảng thời gian trùng lặp.")
DEPARTMENT_OF_OTHER_UNIT = _("Phòng ban phải thuộc đơn vị của vai trò.")
ROLE_END_BEFORE_START = _("Ngày kết thúc không được trước ngày bắt đầu của vai trò.")

# Roles whose work happens in the admin site: granting one lets the person sign in there
# (`is_staff`); what they see there is still decided by `access`.
ADMIN_SITE_ROLES = frozenset({Role.UNIT_ADMIN, Role.SYSTEM_ADMIN})
USER_UPDATABLE_FIELDS = frozenset(
    {"full_name", "cccd", "phone", "email", "address", "is_active", "is_sample"}
)


def _blank_to_none(value: str | None) -> str | None:
    """CCCD and phone are unique when present: store "none" as NULL, never as ""."""
    value = (value or "").strip()
    return value or None


def _user_save(user: User, password: str | None) -> User:
    user.cccd = _blank_to_none(user.cccd)
    user.phone = _blank_to_none(user.phone)
    if password is None:
        if not user.password:
            user.set_unusable_password()
    else:
        user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def citizen_create(
    *,
    username: str,
    full_name: str,
    cccd: str | None = None,
    phone: str | None = None,
    email: str = "",
    address: str = "",
    password: str | None = None,
    is_sample: bool = False,
) -> User:
    """A citizen's account (người dân): identified by CCCD number, reachable by phone/e-mail."""
    user = User(username=username, full_name=full_name, cccd=cccd, phone=phone, email=email,
                address=address, is_sample=is_sample)
    return _user_save(user, password)


@transaction.atomic
def staff_create(
    *,
    username: str,
    full_name: str,
    email: str = "",
    phone: str | None = None,
    password: str | None = None,
    is_sample: bool = False,
) -> User:
    """An officer's account; it can do nothing until `staff_role_grant` gives it a role."""
    user = User(username=username, full_name=full_name, email=email, phone=phone,
                is_sample=is_sample)
    return _user_save(user, password)


@transaction.atomic
def user_update(*, user: User, **changes: Any) -> User:
    unknown = set(changes) - USER_UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"user_update() cannot change {sorted(unknown)}")
    for field, value in changes.items():
        setattr(user, field, value)
    return _user_save(user, password=None)


def _overlapping(staff_role: StaffRole):
    others = StaffRole.objects.filter(
        user_id=staff_role.user_id, unit_id=staff_role.unit_id, role=staff_role.role
    ).exclude(pk=staff_role.pk)
    if staff_role.valid_to is not None:
        others = others.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=staff_role.valid_to))
    if staff_role.valid_from is not None:
        others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=staff_role.valid_from))
    return others


@transaction.atomic
def staff_role_save(*, staff_role: StaffRole) -> StaffRole:
    """Validate and save a new or edited role (the admin's inline forms call this too)."""
    # Lock the person: two grants of the same role at once must not both pass the overlap check.
    User.objects.select_for_update().filter(pk=staff_role.user_id).first()
    if staff_role.department is not None and staff_role.department.unit_id != staff_role.unit_id:
        raise ValidationError({"department": [DEPARTMENT_OF_OTHER_UNIT]})
    # Before full_clean, whose generic "constraint violated" would hide this clearer message.
    if _overlapping(staff_role).exists():
        raise ValidationError({"role": [ROLE_OVERLAP]})
    staff_role.full_clean()
    staff_role.save()
    user = staff_role.user
    if staff_role.role in ADMIN_SITE_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return staff_role


@transaction.atomic
def staff_role_grant(
    *,
    user: User,
    unit: Unit,
    role: Role | str,
    department: Department | None = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> StaffRole:
    """Give `user` a `role` in `unit` for a period (open-ended when `valid_to` is None)."""
    staff_role = StaffRole(user=user, unit=unit, role=Role(role), department=department,
                           valid_from=valid_from, valid_to=valid_to)
    return staff_role_save(staff_role=staff_role)


@transaction.atomic
def staff_role_end(*, staff_role: StaffRole, last_day: date) -> StaffRole:
    """End a role after `last_day` (kept for history: who received a dossier in 2024 must stay
    known). Ending it earlier than already planned is allowed, later is a new grant."""
    if staff_role.valid_from is not None and last_day < staff_role.valid_from:
        raise ValidationError({"valid_to": [ROLE_END_BEFORE_START]})
    if staff_role.valid_to is None or last_day < staff_role.valid_to:
        staff_role.valid_to = last_day
        staff_role.save(update_fields=["valid_to"])
    return staff_role


@transaction.atomic
def staff_role_delete(*, staff_role: StaffRole) -> None:
    """Remove a role entered by mistake. A role that ends is ended (`staff_role_end`), not
    deleted, so history keeps who held it."""
    staff_role.delete()

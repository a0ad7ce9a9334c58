"""Reads about people and their roles (what a role allows is in `access`, not here)."""

import re
from datetime import date

from django.db.models import QuerySet

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.agencies.models import Unit

# What a person may type for a phone number: digits with spaces, dots or dashes, maybe "+84".
PHONE_LIKE = re.compile(r"\+?[\d .\-]{9,16}")


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


def phone_normalize(value: str) -> str:
    """A phone number as stored: digits only, "+84"/"84" written as the leading 0
    ("+84 912 345 678" → "0912345678")."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if value.strip().startswith("+84") or (digits.startswith("84") and len(digits) in (11, 12)):
        digits = "0" + digits[2:]
    return digits


def user_find_for_login(*, identifier: str) -> User | None:
    """The account a sign-in identifier names: an e-mail address (has "@"), a phone number
    (digits, spaces, dots, "+84"), else a user name; a user name that looks like either is
    found too when no e-mail address or phone matches. None when nothing, or several accounts,
    match: an e-mail address shared by two accounts (possible for accounts made before e-mail
    addresses were unique) signs nobody in."""
    identifier = identifier.strip()
    if not identifier:
        return None
    if "@" in identifier:
        matches = list(User.objects.filter(email__iexact=identifier)[:2])
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None
    elif PHONE_LIKE.fullmatch(identifier):
        by_phone = User.objects.filter(phone=phone_normalize(identifier)).first()
        if by_phone is not None:
            return by_phone
    return User.objects.filter(username=identifier).first()


def email_taken(*, email: str, exclude: User | None = None) -> bool:
    """Whether another account already uses `email` (case-insensitive): it is a sign-in name."""
    others = User.objects.filter(email__iexact=email.strip())
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return bool(email.strip()) and others.exists()

"""Writes on people and their roles. Nothing else saves User or StaffRole.

Access is not checked here: the caller (a view, the admin, a command) asks
`motcua.accounts.access` first, then calls a service.
"""

import secrets
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.accounts.selectors import email_taken, phone_normalize
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


# --- Citizens' own accounts: sign-up on the portal, profile, sign-in with an identity provider ---

CONTACT_REQUIRED = _("Hãy nhập số điện thoại hoặc địa chỉ email (ít nhất một) để đăng ký.")
PHONE_TAKEN = _("Số điện thoại này đã được dùng cho một tài khoản khác. Nếu đó là tài khoản "
                "của bạn, hãy đăng nhập hoặc lấy lại mật khẩu.")
EMAIL_TAKEN = _("Địa chỉ email này đã được dùng cho một tài khoản khác. Nếu đó là tài khoản "
                "của bạn, hãy đăng nhập hoặc lấy lại mật khẩu.")
CCCD_TAKEN = _("Số CCCD này đã có tài khoản. Nếu đó là tài khoản của bạn, hãy đăng nhập "
               "hoặc lấy lại mật khẩu.")
CCCD_LOCKED = _("Số CCCD đã ghi nhận thì không tự thay đổi được. Vui lòng liên hệ bộ phận một "
                "cửa để được hỗ trợ.")
# Generated user names: no 0/o, 1/l/i, so an officer can read one out over the phone.
USERNAME_PREFIX = "cd-"
_USERNAME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def citizen_username_new() -> str:
    """A fresh user name for a citizen who signed up (e.g. "cd-k7m2x9qa"). Citizens sign in
    with their phone or e-mail; the user name is an internal handle that reveals nothing about
    them, and stays the same when they change their phone number."""
    while True:
        username = USERNAME_PREFIX + "".join(secrets.choice(_USERNAME_ALPHABET) for _ in range(8))
        if not User.objects.filter(username=username).exists():
            return username


def _contacts_check(*, phone: str | None, email: str, cccd: str | None,
                    user: User | None = None) -> None:
    """Refuse a phone, e-mail or CCCD used by another account, with a message per field."""
    others = User.objects.exclude(pk=user.pk) if user is not None else User.objects.all()
    errors = {}
    if phone and others.filter(phone=phone).exists():
        errors["phone"] = [PHONE_TAKEN]
    if email and email_taken(email=email, exclude=user):
        errors["email"] = [EMAIL_TAKEN]
    if cccd and others.filter(cccd=cccd).exists():
        errors["cccd"] = [CCCD_TAKEN]
    if errors:
        raise ValidationError(errors)


def _save_unique(user: User, password: str | None) -> User:
    """Save; a concurrent sign-up with the same phone or CCCD loses at the database's unique
    constraint and gets the same message as if it had come second."""
    try:
        with transaction.atomic():
            return _user_save(user, password)
    except IntegrityError:
        _contacts_check(phone=user.phone, email=user.email, cccd=user.cccd,
                        user=user if user.pk else None)
        raise


@transaction.atomic
def citizen_sign_up(
    *,
    full_name: str,
    cccd: str,
    password: str,
    phone: str = "",
    email: str = "",
    address: str = "",
) -> User:
    """A citizen's own account, made on the portal's sign-up page.

    At least a phone number or an e-mail address: it is what they sign in with, and where the
    unit reaches them. Each of phone, e-mail and CCCD belongs to one account only. The password
    was checked by the caller against AUTH_PASSWORD_VALIDATORS (the form does it, with the
    person's details, which the similarity check needs).
    """
    phone = phone_normalize(phone) if phone.strip() else ""
    email = email.strip()
    if not phone and not email:
        raise ValidationError({"phone": [CONTACT_REQUIRED]})
    _contacts_check(phone=phone, email=email, cccd=cccd.strip())
    user = User(username=citizen_username_new(), full_name=full_name.strip(), cccd=cccd.strip(),
                phone=phone or None, email=email, address=address.strip())
    return _save_unique(user, password)


@transaction.atomic
def citizen_profile_update(
    *,
    user: User,
    full_name: str,
    phone: str = "",
    email: str = "",
    address: str = "",
    cccd: str = "",
) -> User:
    """A person edits their own details. The CCCD number can be given once, when the account
    has none; changing a recorded one is the desk's job (it identifies the applicant of every
    dossier)."""
    phone = phone_normalize(phone) if phone.strip() else ""
    email = email.strip()
    cccd = cccd.strip()
    if not phone and not email:
        raise ValidationError({"phone": [CONTACT_REQUIRED]})
    if user.cccd and cccd and cccd != user.cccd:
        raise ValidationError({"cccd": [CCCD_LOCKED]})
    new_cccd = user.cccd or cccd or None
    _contacts_check(phone=phone, email=email, cccd=None if user.cccd else new_cccd, user=user)
    user.full_name, user.phone, user.email = full_name.strip(), phone or None, email
    user.address, user.cccd = address.strip(), new_cccd
    return _save_unique(user, password=None)


@transaction.atomic
def citizen_from_identity(
    *, full_name: str, cccd: str | None, email: str = "", phone: str = ""
) -> User:
    """A citizen's account made at their first sign-in through the identity provider (VNeID).

    It has no password (they sign in through the provider, or set one with "forgot password").
    A phone or e-mail already used by another account is left out rather than refused: the
    provider vouched for the person, and the other account keeps what it has.
    """
    phone = phone_normalize(phone) if phone else ""
    email = email.strip()
    if phone and User.objects.filter(phone=phone).exists():
        phone = ""
    if email and email_taken(email=email):
        email = ""
    if cccd and User.objects.filter(cccd=cccd).exists():
        raise ValidationError({"cccd": [CCCD_TAKEN]})
    user = User(username=citizen_username_new(), full_name=full_name.strip(), cccd=cccd or None,
                phone=phone or None, email=email)
    return _save_unique(user, password=None)


@transaction.atomic
def citizen_identity_fill(*, user: User, full_name: str, cccd: str | None) -> User:
    """After a sign-in through the identity provider, fill in what the account lacks (the name,
    the CCCD number); what the person typed themselves is never overwritten."""
    changed = False
    if not user.full_name and full_name:
        user.full_name, changed = full_name.strip(), True
    if not user.cccd and cccd and not User.objects.filter(cccd=cccd).exists():
        user.cccd, changed = cccd, True
    return _user_save(user, password=None) if changed else user


@transaction.atomic
def user_password_set(*, user: User, password: str) -> User:
    """A new password, already checked against AUTH_PASSWORD_VALIDATORS (change or reset)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    return user

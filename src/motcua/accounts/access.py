"""Who may do what, where: the one module that reads staff roles.

Every page, API endpoint and service that needs a permission asks here (`has_permission`,
`units_where`, `require_permission`); nobody else looks at `StaffRole` to decide anything. The
rules, also in docs/access.md:

1. A permission is granted by a role held in a unit. `GRANTS` lists, per role, the permissions it
   grants and their scope: `Scope.UNIT` (that unit only) or `Scope.SUBTREE` (that unit and every
   unit below it). Acting on a dossier is a legal act of the competent unit (Decree 118/2025), so
   dossier actions are UNIT-scoped: a commune desk officer acts in its commune only, and a
   province leader does not sign for a commune. Supervision and administration are
   SUBTREE-scoped: a province leader sees reports and dossiers of all its communes, a province's
   unit administrator manages the accounts of its communes.
2. A role grants nothing outside its own validity (`valid_from`..`valid_to`, inclusive, against
   today's date in Vietnam from `motcua.core.clock`), nor once its unit has been retired.
3. The work of a retired unit passes to its successors (DOMAIN.md §0.1: dossiers received before
   1/7/2025 keep their original unit). Whoever holds a permission on a successor holds it on
   the retired predecessors too, transitively, with the same scope.
4. Superusers hold every administrative permission (`ADMIN_PERMISSIONS`) on every unit, but no
   dossier permission: receiving, processing, signing and returning are legal acts that need a
   real role. A system administrator is a role like the others: administrative permissions on
   the subtree of the unit where it is held.
5. Inactive and anonymous users hold nothing. Citizens act on their own dossiers by ownership,
   which the dossier access functions check; they hold no permission here.
6. With MOTCUA_STAFF_OTP_REQUIRED on, a signed-in session holds nothing until its second step
   (the authenticator code, `motcua.accounts.two_factor`) is done: a stolen password alone
   opens no staff page, file or API call. Users that do not come from a request (services,
   tasks, commands) carry no such mark and are not affected.
"""

import enum
from collections.abc import Iterable, Mapping
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import StaffRole
from motcua.accounts.roles import Role
from motcua.agencies.models import Unit
from motcua.core import clock

PERMISSION_DENIED = _("Bạn không có quyền thực hiện thao tác này tại đơn vị này.")
NOT_FOUND = _("Không tìm thấy.")


class Permission(enum.StrEnum):
    """What a person may do. The value is the name used in code and docs."""

    DOSSIER_VIEW = "dossier.view"  # read dossiers of the unit and their history
    DOSSIER_RECEIVE = "dossier.receive"  # receive in person or by post; issue Mẫu 01/02/03
    DOSSIER_ACCEPT_ONLINE = "dossier.accept_online"  # accept or refuse an online submission
    DOSSIER_PROCESS = "dossier.process"  # appraise, request a supplement, propose a result
    DOSSIER_ASSIGN = "dossier.assign"  # assign a dossier to a specialist or department
    DOSSIER_APPROVE = "dossier.approve"  # approve and sign the result
    DOSSIER_RESCHEDULE = "dossier.reschedule"  # apologise with a new appointment (Mẫu 04)
    DOSSIER_STOP = "dossier.stop"  # stop processing (Mẫu 05)
    DOSSIER_RETURN_RESULT = "dossier.return_result"  # hand the result over, record the return
    POSTAL_UPDATE = "postal.update"  # record pick-up and delivery by the public postal service
    CATALOG_MANAGE = "catalog.manage"  # edit procedures, components, fees, internal workflows
    CALENDAR_MANAGE = "calendar.manage"  # edit working days, sessions, swapped days off
    UNIT_MANAGE = "unit.manage"  # create, edit and retire units and their departments
    UNIT_MANAGE_USERS = "unit.manage_users"  # create staff accounts, grant and end roles
    REPORTS_VIEW = "reports.view"  # statistics, the register (Mẫu 07), Decision 766 indicators


class Scope(enum.StrEnum):
    UNIT = "unit"  # the unit where the role is held
    SUBTREE = "subtree"  # that unit and all units below it


P, UNIT, SUBTREE = Permission, Scope.UNIT, Scope.SUBTREE

# Administration never includes dossier actions (rule 4).
ADMIN_PERMISSIONS = frozenset(
    {P.CATALOG_MANAGE, P.CALENDAR_MANAGE, P.UNIT_MANAGE, P.UNIT_MANAGE_USERS, P.REPORTS_VIEW}
)

GRANTS: Mapping[Role, Mapping[Permission, Scope]] = {
    # Cán bộ một cửa: receives, accepts online dossiers, returns results, keeps the register.
    Role.DESK_OFFICER: {
        P.DOSSIER_VIEW: UNIT, P.DOSSIER_RECEIVE: UNIT, P.DOSSIER_ACCEPT_ONLINE: UNIT,
        P.DOSSIER_RETURN_RESULT: UNIT, P.REPORTS_VIEW: UNIT,
    },
    # Chuyên viên: appraises and proposes within its own unit.
    Role.SPECIALIST: {P.DOSSIER_VIEW: UNIT, P.DOSSIER_PROCESS: UNIT},
    # Lãnh đạo: decides for its own unit, supervises the units below it.
    Role.LEADER: {
        P.DOSSIER_VIEW: SUBTREE, P.DOSSIER_ASSIGN: UNIT, P.DOSSIER_APPROVE: UNIT,
        P.DOSSIER_RESCHEDULE: UNIT, P.DOSSIER_STOP: UNIT, P.REPORTS_VIEW: SUBTREE,
    },
    # Quản trị đơn vị: accounts, catalog and calendar of its unit and the units below.
    Role.UNIT_ADMIN: {
        P.UNIT_MANAGE_USERS: SUBTREE, P.CATALOG_MANAGE: SUBTREE, P.CALENDAR_MANAGE: SUBTREE,
        P.REPORTS_VIEW: SUBTREE,
    },
    # Quản trị hệ thống: all administration, including the unit structure itself.
    Role.SYSTEM_ADMIN: dict.fromkeys(sorted(ADMIN_PERMISSIONS), SUBTREE),
    # Nhân viên bưu chính: one post office may serve the desks of many communes.
    Role.POSTAL_OPERATOR: {P.POSTAL_UPDATE: SUBTREE},
}


def permissions_of(role: Role | str) -> Mapping[Permission, Scope]:
    return GRANTS[Role(role)]


def roles_granting(perm: Permission | str) -> dict[Role, Scope]:
    """Role → scope, for every role that grants `perm`."""
    perm = Permission(perm)
    return {role: grants[perm] for role, grants in GRANTS.items() if perm in grants}


def today() -> date:
    """Today's date in Vietnam: role and unit validity are calendar dates there."""
    return clock.local(clock.now()).date()


def _is_active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active
                and _second_factor_done(user))


def _second_factor_done(user) -> bool:
    """Rule 6. django-otp's middleware gives a request's user `is_verified()`."""
    is_verified = getattr(user, "is_verified", None)
    return is_verified is None or not settings.MOTCUA_STAFF_OTP_REQUIRED or is_verified()


def is_staff_member(user) -> bool:
    """Whether `user` is staff: `is_staff` (the admin site) or an officer role in force today,
    in any unit (who must use two-factor sign-in, `motcua.accounts.two_factor`)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return StaffRole.objects.active_on(today()).filter(user=user).exists()


def _widest_scopes(perms: Iterable[Permission]) -> dict[Role, Scope]:
    """Role → the widest scope in which it grants any of `perms` (a subtree covers the unit)."""
    widest: dict[Role, Scope] = {}
    for perm in perms:
        for role, scope in roles_granting(perm).items():
            if widest.get(role) != SUBTREE:
                widest[role] = scope
    return widest


def _grants(user, scopes: Mapping[Role, Scope], day: date) -> list[tuple[int, str, Scope]]:
    """(unit id, unit path, scope) for each role of `user` in force on `day` among `scopes`."""
    rows = (
        StaffRole.objects.active_on(day)
        .filter(user=user, role__in=list(scopes))
        .filter(Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=day))
        .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gte=day))
        .values_list("unit_id", "unit__path", "role")
    )
    return [(unit_id, path, scopes[Role(role)]) for unit_id, path, role in rows]


def _retired_edges(day: date) -> list[tuple[int, str, int, str]]:
    """(predecessor id, path, successor id, path) for every unit retired before `day`."""
    return list(
        Unit.successors.through.objects.filter(from_unit__valid_to__lt=day).values_list(
            "from_unit_id", "from_unit__path", "to_unit_id", "to_unit__path"
        )
    )


def _scope_closure(grants, edges) -> tuple[set[int], set[str]]:
    """Exact unit ids and subtree path prefixes covered, after handing retired units' work to
    their successors (rule 3). Pure Python over the rows already loaded."""
    exact = {unit_id for unit_id, _path, scope in grants if scope == UNIT}
    prefixes = {path for _id, path, scope in grants if scope == SUBTREE}
    changed = True
    while changed:
        changed = False
        for pred_id, pred_path, succ_id, succ_path in edges:
            if any(succ_path.startswith(p) for p in prefixes):
                if not any(pred_path.startswith(p) for p in prefixes):
                    prefixes.add(pred_path)
                    changed = True
            elif succ_id in exact and pred_id not in exact:
                exact.add(pred_id)
                changed = True
    return exact, prefixes


def units_where(user, perm: Permission | str) -> QuerySet[Unit]:
    """The units where `user` holds `perm` today, as a lazy queryset.

    Three queries whatever the number of roles, units or the depth of the tree: the user's
    roles, the successor edges of retired units, then the units themselves.
    """
    return units_where_any(user, (perm,))


def units_where_any(user, perms: Iterable[Permission | str]) -> QuerySet[Unit]:
    """The units where `user` holds at least one of `perms` today, as ONE lazy queryset.

    One queryset rather than an OR of one per permission: used as a subquery, it lets the
    database use its index on the dossier's unit (an OR of several `IN (subquery)` made
    PostgreSQL scan the whole dossier table — bench/bench_dossiers.py measured it).
    """
    perms = [Permission(perm) for perm in perms]
    if not _is_active(user):
        return Unit.objects.none()
    if user.is_superuser and any(perm in ADMIN_PERMISSIONS for perm in perms):
        return Unit.objects.all()
    day = today()
    grants = _grants(user, _widest_scopes(perms), day)
    if not grants:
        return Unit.objects.none()
    exact, prefixes = _scope_closure(grants, _retired_edges(day))
    condition = Q(pk__in=exact)
    for prefix in prefixes:
        condition |= Q(path__startswith=prefix)
    return Unit.objects.filter(condition)


def users_where(perm: Permission | str, unit: Unit) -> QuerySet:
    """Active people who hold `perm` in `unit` today: through a role held in the unit itself,
    or in a unit above it where the role's scope is the whole subtree. The candidates a page
    offers (whom to assign, whom to alert); `has_permission` still decides each action.
    Successors' inheritance of retired units' work is not followed here: a retired unit
    receives no new work to offer."""
    from motcua.accounts.models import User

    grants = roles_granting(perm)
    subtree_roles = [role for role, scope in grants.items() if scope == Scope.SUBTREE]
    ancestor_codes = [code for code in unit.path.split("/") if code]
    condition = Q(role__in=list(grants), unit=unit)
    if subtree_roles:
        condition |= Q(role__in=subtree_roles, unit__code__in=ancestor_codes)
    roles = StaffRole.objects.active_on(today()).filter(condition)
    return User.objects.filter(is_active=True, pk__in=roles.values("user_id"))


def permissions_anywhere(user) -> frozenset[Permission]:
    """Every permission `user` holds today in at least one unit: one query (for menus; what a
    permission allows in a given unit is `has_permission`'s question)."""
    if not _is_active(user):
        return frozenset()
    held = set(ADMIN_PERMISSIONS) if user.is_superuser else set()
    for role in StaffRole.objects.active_on(today()).filter(user=user).values_list(
            "role", flat=True).distinct():
        held |= set(GRANTS.get(Role(role), {}))
    return frozenset(held)


def has_permission(user, perm: Permission | str, unit: Unit) -> bool:
    """Whether `user` may do `perm` in `unit` today."""
    return units_where(user, perm).filter(pk=unit.pk).exists()


def has_permission_anywhere(user, perm: Permission | str) -> bool:
    """Whether `user` holds `perm` in at least one unit (for menus and admin modules)."""
    perm = Permission(perm)
    if _is_active(user) and user.is_superuser and perm in ADMIN_PERMISSIONS:
        return True  # even before the first unit exists: someone has to create it
    return units_where(user, perm).exists()


def has_permission_at_top_level(user, perm: Permission | str) -> bool:
    """Whether `user` holds `perm` in a top-level unit in force today (one with no parent: a
    province).

    For data that belongs to no unit and serves all of them (the procedure catalog, which the
    provincial People's Committee publishes; the national calendar rows): a commune's
    administrator must not change what every unit of the installation uses.
    """
    perm = Permission(perm)
    if _is_active(user) and user.is_superuser and perm in ADMIN_PERMISSIONS:
        return True  # as in has_permission_anywhere: even before the first unit exists
    return units_where(user, perm).filter(parent__isnull=True).valid_on(today()).exists()


def require_permission(
    user, perm: Permission | str, unit: Unit, *, not_found: bool = False
) -> None:
    """Raise unless `user` may do `perm` in `unit`.

    PermissionDenied (403) by default: units are public, so refusing does not leak anything.
    With `not_found=True` it raises Http404 instead, for checks on objects whose very existence
    must stay hidden (another person's dossier, STYLE.md habit 5).
    """
    if has_permission(user, perm, unit):
        return
    if not_found:
        raise Http404(NOT_FOUND)
    raise PermissionDenied(PERMISSION_DENIED)


def can_grant_role(user, role: Role | str, unit: Unit) -> bool:
    """Whether `user` may give `role` in `unit` to someone.

    Managing users is not enough to make a system administrator: that needs `unit.manage`
    too, so a unit administrator cannot raise anyone (or themselves) above their own rights.
    """
    if not has_permission(user, P.UNIT_MANAGE_USERS, unit):
        return False
    return Role(role) != Role.SYSTEM_ADMIN or has_permission(user, P.UNIT_MANAGE, unit)


def can_manage_user(actor, person) -> bool:
    """Whether `actor` may edit `person`'s account (details, password, roles).

    Superusers may edit anyone. Others need `unit.manage_users` in every unit where `person`
    holds a current or future role, and `can_grant_role` for each of those roles; so a
    unit administrator cannot take over a system administrator's account. Superusers,
    citizens and accounts without roles are left to superusers (personal data, Law 91/2025).
    """
    if not _is_active(actor):
        return False
    if actor.is_superuser:
        return True
    if person.is_superuser:
        return False
    roles = list(
        StaffRole.objects.filter(user=person)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today()))
        .values_list("unit_id", "role")
    )
    if not roles:
        return False
    unit_ids = {unit_id for unit_id, _role in roles}
    managed = set(
        units_where(actor, P.UNIT_MANAGE_USERS).filter(pk__in=unit_ids).values_list("pk", flat=True)
    )
    if managed != unit_ids:
        return False
    admin_units = {unit_id for unit_id, role in roles if role == Role.SYSTEM_ADMIN}
    if not admin_units:
        return True
    structured = units_where(actor, P.UNIT_MANAGE).filter(pk__in=admin_units)
    return set(structured.values_list("pk", flat=True)) == admin_units

"""Who may use the one-stop desk's pages: staff holding a desk permission in some unit.

The decision is `motcua.accounts.access`'s (GRANTS: the desk officer's `dossier.receive`,
`dossier.accept_online` and `dossier.return_result`); this module only names the set and turns
"none anywhere" into a 403 for the page. Each action is checked again by the dossier services,
in the dossier's own unit.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.agencies.models import Unit

DESK_PERMISSIONS = (Permission.DOSSIER_RECEIVE, Permission.DOSSIER_ACCEPT_ONLINE,
                    Permission.DOSSIER_RETURN_RESULT)
NOT_DESK = _("Trang này dành cho cán bộ Bộ phận Một cửa.")


def desk_units(user) -> QuerySet[Unit]:
    """The units where `user` holds at least one desk permission (lazy)."""
    return access.units_where_any(user, DESK_PERMISSIONS)


def receiving_units(user) -> list[Unit]:
    """The units where `user` may receive dossiers in person or by post, by name."""
    return list(access.units_where(user, Permission.DOSSIER_RECEIVE).order_by("name"))


def may(user, perm: Permission, unit: Unit) -> bool:
    return access.has_permission(user, perm, unit)


def desk_required(view):
    """Signed-in staff with a desk permission somewhere; others get 403 (units are public,
    so refusing leaks nothing), anonymous visitors the sign-in page."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not desk_units(request.user).exists():
            raise PermissionDenied(NOT_DESK)
        return view(request, *args, **kwargs)

    return wrapper

"""Who may see which dossier: THE one place (STYLE.md habit 5).

Pages and API endpoints fetch a dossier only through `dossier_get_for`; it returns the dossier
or raises Http404 — never 403 — so nobody learns that someone else's dossier exists. What a
visible dossier's reader may then *do* is the transition table's business (statuses.py,
services.transition.check_actor), which answers 403 with a reason.

Rules (docs/access.md):
- a citizen sees the dossiers they own, drafts included;
- staff see the dossiers whose receiving, competent or current unit, or the unit of one of its
  steps (a cooperating agency in liên thông), is among the units where they hold
  `dossier.view` — but never a citizen's unsubmitted draft;
- anyone else, and anonymous or inactive accounts, see nothing.
"""

import enum

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.statuses import Status

NOT_FOUND = access.NOT_FOUND


class For(enum.StrEnum):
    VIEW = "view"  # the owner or staff who may view it
    OWNER = "owner"  # the owner only (a citizen's own actions and drafts)
    STAFF = "staff"  # staff who may view it (desk and processing actions)


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def staff_visible(user) -> Q:
    """The condition for dossiers `user` sees as staff (lazy subqueries, no query here beyond
    the two that `units_where` runs)."""
    units = access.units_where(user, Permission.DOSSIER_VIEW)
    in_step = Exists(DossierStep.objects.filter(dossier=OuterRef("pk"), unit__in=units))
    return ~Q(status=Status.DRAFT) & (
        Q(receiving_unit__in=units) | Q(competent_unit__in=units) | Q(current_unit__in=units)
        | in_step
    )


def visible_to(user, *, for_: For | str = For.VIEW) -> Q:
    for_ = For(for_)
    if for_ is For.OWNER:
        return Q(owner=user)
    if for_ is For.STAFF:
        return staff_visible(user)
    return Q(owner=user) | staff_visible(user)


def dossier_get_for(user, dossier: int | str, *, for_: For | str = For.VIEW,
                    queryset: QuerySet[Dossier] | None = None) -> Dossier:
    """The dossier with id (an int) or code (a str) `dossier`, if `user` may see it for
    `for_`; Http404 otherwise, whether it exists or not."""
    if not _active(user):
        raise Http404(NOT_FOUND)
    key = Q(pk=dossier) if isinstance(dossier, int) else Q(code=dossier)
    found = (queryset if queryset is not None else Dossier.objects.all()).filter(key).filter(
        visible_to(user, for_=for_)
    ).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found

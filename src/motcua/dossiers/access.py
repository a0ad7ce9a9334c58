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
from motcua.dossiers.models import Dossier, DossierFile, DossierStep
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


# Files the applicant may open once the dossier is visible to them: what they handed in, and
# the result once it is signed (Decree 45/2020: the electronic result is the citizen's). Draft
# results and officers' working attachments stay with staff.
_OWNER_PURPOSES = {DossierFile.Purpose.SUBMISSION, DossierFile.Purpose.SUPPLEMENT}
_RESULT_SIGNED = {Status.RESULT_READY, Status.RETURNED}


def file_visible_to(user, dossier: Dossier, stored: DossierFile) -> bool:
    """Whether `user`, who may see `dossier` (dossier_get_for), may open its file `stored`."""
    return bool(files_visible_to(user, dossier, [stored]))


def files_visible_to(user, dossier: Dossier, files) -> list[DossierFile]:
    """The files of `dossier` that `user`, who may see the dossier, may open (one query at
    most, whatever the number of files)."""
    if dossier.owner_id != getattr(user, "pk", None) or staff_may_view(user, dossier):
        return list(files)
    signed = dossier.status in _RESULT_SIGNED
    return [f for f in files if f.purpose in _OWNER_PURPOSES
            or (signed and f.purpose == DossierFile.Purpose.RESULT)]


def staff_may_view(user, dossier: Dossier) -> bool:
    return Dossier.objects.filter(pk=dossier.pk).filter(staff_visible(user)).exists()

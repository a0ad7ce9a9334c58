"""Recording reads of personal data (the controller logs the processing of personal data: Law
91/2025/QH15; Decree 13/2023/NĐ-CP Art. 38 §2 before it). Views call one function after the
access check passed:

    read_record(request, kind=Kind.DOSSIER_PAGE, dossier=dossier)

Who is recorded: anyone signed in reading an applicant's data who is not that applicant (in
practice officers and administrators). A citizen reading their own dossier is not recorded: it
is the data subject exercising their own right, and recording it would fill their page
"who read my data" with themselves. Lists (the desk queue, the inbox) are not recorded either:
they show the name and the procedure an officer needs to pick their work; the detail views, the
files, the API's detail, the CCCD search and the register's exports (Mẫu 06 with phone and
address of every applicant) are (docs/audit.md).

Cost: one SELECT of the reader's roles (to name the unit they acted for, once per request) and
one INSERT, in the request, before the page is rendered: if the log cannot be written, the
request fails (500) and the data is not shown.
"""

from collections.abc import Iterable

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from motcua.accounts.models import StaffRole
from motcua.audit.models import Kind, PersonalDataRead
from motcua.core import clock
from motcua.core.http import client_address
from motcua.dossiers.models import Dossier

_CCCD_SALT = "motcua.audit.cccd"
_BATCH = 1000


def cccd_hash(cccd: str) -> str:
    """A keyed hash of an ID number: the same number gives the same value (a data subject's
    request can be answered by hashing their number), but the log does not reveal it. Keyed
    with SECRET_KEY: rotating the key ends the link with older rows."""
    return salted_hmac(_CCCD_SALT, cccd.strip(), algorithm="sha256").hexdigest()


def _recorded(request: HttpRequest, owner_id: int | None) -> bool:
    user = request.user
    return bool(user.is_authenticated and user.pk != owner_id)


def _acting_role(request: HttpRequest, unit_ids: set[int | None]) -> StaffRole | None:
    """The reader's role in one of the dossier's units, else their first role in force (a
    province officer reading a commune's dossier through the subtree scope)."""
    roles = getattr(request, "_audit_roles", None)
    if roles is None:
        roles = list(StaffRole.objects.active_on(clock.local(clock.now()).date())
                     .filter(user=request.user).select_related("unit").order_by("pk"))
        request._audit_roles = roles
    return next((r for r in roles if r.unit_id in unit_ids), roles[0] if roles else None)


def _row(request: HttpRequest, kind: Kind, *, dossier_id: int | None = None,
         applicant_id: int | None = None, unit_ids=frozenset(), **extra) -> PersonalDataRead:
    user = request.user
    role = _acting_role(request, set(unit_ids))
    return PersonalDataRead(
        at=clock.now(), kind=kind, path=request.path[:300], ip=client_address(request),
        reader=user, reader_username=user.get_username(), reader_name=user.full_name,
        unit=role.unit if role else None, unit_name=role.unit.name if role else "",
        role=role.role if role else "", dossier_id=dossier_id, applicant_id=applicant_id,
        **extra,
    )


def read_record(request: HttpRequest, *, kind: Kind, dossier: Dossier) -> None:
    """Record that the signed-in user read `dossier`'s personal data (unless they own it)."""
    if _recorded(request, dossier.owner_id):
        units = (dossier.receiving_unit_id, dossier.competent_unit_id, dossier.current_unit_id)
        _row(request, kind, dossier_id=dossier.pk, applicant_id=dossier.owner_id,
             unit_ids=units).save(force_insert=True)


def reads_record(request: HttpRequest, *, kind: Kind, dossiers: Iterable[Dossier]) -> None:
    """One row per dossier of a list the user took away (an export), so the citizen's page can
    say "your dossier was in the register exported by …". One SELECT (the list may have been
    read with `.only()`) and batched INSERTs."""
    ids = [d.pk for d in dossiers]
    found = Dossier.objects.filter(pk__in=ids).values_list(
        "pk", "owner_id", "receiving_unit_id", "competent_unit_id", "current_unit_id")
    rows = [_row(request, kind, dossier_id=pk, applicant_id=owner, unit_ids=units)
            for pk, owner, *units in found if _recorded(request, owner)]
    PersonalDataRead.objects.bulk_create(rows, batch_size=_BATCH)


def applicant_search_record(request: HttpRequest, *, cccd: str, found) -> None:
    """The desk looked up an account by CCCD: the account found, or the number's keyed hash."""
    if not _recorded(request, getattr(found, "pk", None)):
        return
    _row(request, Kind.APPLICANT_SEARCH, applicant_id=getattr(found, "pk", None),
         cccd_hash="" if found is not None else cccd_hash(cccd)).save(force_insert=True)

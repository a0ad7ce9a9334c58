"""The processing back office: the inbox, a dossier's page with its actions, the leaders'
overview. Views parse, check access (motcua.dossiers.access, motcua.accounts.access), call a
service and render; the rules are in the services and in `actions.actions_for`."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from motcua.accounts import access
from motcua.audit.models import Kind
from motcua.audit.services import read_record
from motcua.core.paging import page_number
from motcua.dossiers import errors
from motcua.dossiers.access import For, dossier_get_for
from motcua.dossiers.selectors import dossier_detail_queryset, inbox_units
from motcua.processing import actions, selectors
from motcua.processing.page import dossier_context

STALE = _("Hồ sơ đã được người khác cập nhật, vui lòng tải lại trang.")
NOT_STAFF = _("Trang này dành cho cán bộ xử lý hồ sơ (chuyên viên, lãnh đạo).")
NOT_LEADER = _("Trang này dành cho lãnh đạo đơn vị.")
DONE = _("Đã thực hiện: %(action)s.")
SCOPES = ("mine", "unit")


def _refused(request: HttpRequest, reason, *, dossier=None) -> HttpResponse:
    return render(request, "processing/refused.html", {"reason": reason, "dossier": dossier},
                  status=403)


@require_GET
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    units = inbox_units(request.user)
    if not units.exists():
        return _refused(request, NOT_STAFF)
    scope = request.GET.get("pham-vi", "mine")
    scope = scope if scope in SCOPES else "mine"
    procedure = request.GET.get("thu-tuc", "").strip()
    status = request.GET.get("trang-thai", "")
    status = status if status in {s.value for s in selectors.OPEN_STATUSES} else ""
    page = selectors.inbox_page(officer=request.user, scope=scope, procedure=procedure,
                                status=status, page=page_number(request.GET.get("trang")),
                                units=units)
    kept = {"pham-vi": scope, "thu-tuc": procedure, "trang-thai": status}
    return render(request, "processing/inbox.html", {
        "inbox": page, "scope": scope, "procedure": procedure, "status": status,
        "statuses": selectors.OPEN_STATUSES,
        "query": urlencode({name: value for name, value in kept.items() if value}),
    })


def _dossier(request: HttpRequest, code: str):
    return dossier_get_for(request.user, code, for_=For.STAFF,
                           queryset=dossier_detail_queryset())


@require_GET
@login_required
def dossier(request: HttpRequest, code: str) -> HttpResponse:
    found = _dossier(request, code)
    read_record(request, kind=Kind.DOSSIER_PAGE, dossier=found)
    return render(request, "processing/dossier.html", dossier_context(request, found))


@require_POST
@login_required
def act(request: HttpRequest, code: str, action: str) -> HttpResponse:
    spec = actions.BY_SLUG.get(action)
    if spec is None:
        raise Http404(access.NOT_FOUND)
    found = _dossier(request, code)
    form = spec.form(request.POST, request.FILES, dossier=found, user=request.user,
                     prefix=spec.slug)
    if _posted_version(request, spec) != found.version:
        return _page(request, found, stale=True, status=409)
    refused = actions.refusal(request.user, found, spec)
    if refused is not None:
        return _refused(request, refused.text, dossier=found)
    if not form.is_valid():
        return _page(request, found, bound=form, status=422)
    try:
        spec.run(dossier=found, actor=request.user, data=form.cleaned_data, files=request.FILES,
                 version=found.version)
    except errors.StaleDossier:
        return _page(request, _dossier(request, code), stale=True, status=409)
    except (errors.ActionForbidden, errors.NotAssigned) as error:
        return _refused(request, error.text, dossier=found)
    except errors.DossierError as error:
        form.add_error(error.field if error.field in form.fields else None, error.text)
        return _page(request, found, bound=form, status=error.status)
    messages.success(request, DONE % {"action": spec.label})
    return redirect("processing:dossier", code=found.code)


def _posted_version(request: HttpRequest, spec) -> int | None:
    try:
        return int(request.POST.get(f"{spec.slug}-expected_version", ""))
    except ValueError:
        return None


def _page(request, found, *, bound=None, stale=False, status=200) -> HttpResponse:
    context = dossier_context(request, found, bound=bound)
    context["stale"] = STALE if stale else None
    return render(request, "processing/dossier.html", context, status=status)


@require_GET
@login_required
def leader(request: HttpRequest) -> HttpResponse:
    units = selectors.leader_units(request.user)
    if not units:
        return _refused(request, NOT_LEADER)
    overview = selectors.leader_overview(units=units)
    return render(request, "processing/leader.html", {"overview": overview})


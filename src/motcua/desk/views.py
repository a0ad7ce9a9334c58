"""The desk's queue and a dossier's page with its actions (accept, ask to complete — Mẫu 02,
refuse — Mẫu 03, forward to processing). Each action goes through the dossier services, which
check again who may act and on which version (StaleDossier: someone acted in between)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from motcua.accounts.access import Permission
from motcua.audit.models import Kind
from motcua.audit.services import read_record
from motcua.catalog.models import Component
from motcua.core.paging import page_number
from motcua.desk import selectors
from motcua.desk.access import desk_required, may
from motcua.desk.forms import CompletionForm, NoteForm, RefuseForm, service_field
from motcua.desk.printed import printed_forms
from motcua.dossiers.access import dossier_get_for
from motcua.dossiers.errors import DossierError, StaleDossier
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_detail_queryset, dossier_events
from motcua.dossiers.services import intake, processing
from motcua.dossiers.statuses import Status

STALE = _("Hồ sơ đã được người khác cập nhật trong lúc bạn thao tác. Trang đã được tải lại với "
          "dữ liệu mới nhất; thao tác của bạn chưa được ghi, vui lòng xem lại.")
DONE = {
    "accept": _("Đã tiếp nhận hồ sơ {code}. Hãy in giấy tiếp nhận (Mẫu 01) cho công dân."),
    "completion": _("Đã gửi yêu cầu hoàn thiện hồ sơ {code} (Mẫu 02)."),
    "refuse": _("Đã từ chối tiếp nhận hồ sơ {code} (Mẫu 03)."),
    "forward": _("Đã chuyển hồ sơ {code} đến đơn vị giải quyết."),
}

TABS = (
    ("cho-tiep-nhan", _("Chờ tiếp nhận trực tuyến"), selectors.desk_online_queue),
    ("da-tiep-nhan", _("Đã tiếp nhận, chưa chuyển xử lý"), selectors.desk_received_queue),
    ("co-ket-qua", _("Có kết quả, chờ trả"), selectors.desk_results_queue),
)


@desk_required
def queue(request: HttpRequest) -> HttpResponse:
    active = request.GET.get("tab") or TABS[0][0]
    if active not in {slug for slug, _label, _select in TABS}:
        active = TABS[0][0]
    tabs = []
    for slug, label, select in TABS:
        # The other tabs show only their counts: one row is the least a queue reads.
        found = select(officer=request.user, **(
            {"page": page_number(request.GET.get("trang"))} if slug == active else {"limit": 1}))
        tabs.append({"slug": slug, "label": label, "queue": found, "active": slug == active})
    current = next(tab for tab in tabs if tab["active"])
    return render(request, "desk/queue.html", {
        "tabs": tabs, "current": current, "desk_nav": "queue",
        "query": urlencode({"tab": active}),
    })


def _dossier(request: HttpRequest, code: str) -> Dossier:
    # 404 for a dossier outside the officer's units (never 403: it must not leak).
    return dossier_get_for(request.user, code, for_="staff", queryset=dossier_detail_queryset())


def _checklist(dossier: Dossier) -> tuple[list[dict], list]:
    """The procedure's components beside what the dossier holds, and the dossier's extras."""
    held = {c.component_id: c for c in dossier.components.all() if c.component_id}
    files = {}
    for stored in dossier.files.all():
        files.setdefault(stored.component_id, []).append(stored)
    rows = []
    wanted: list[Component] = list(dossier.procedure_version.components.all())
    for component in wanted:
        got = held.get(component.pk)
        rows.append({"component": component, "held": got,
                     "files": files.get(got.pk, []) if got else [],
                     "present": bool(got and (got.originals or got.copies
                                              or files.get(got.pk)))})
    extras = [{"held": c, "files": files.get(c.pk, [])} for c in dossier.components.all()
              if not c.component_id]
    loose = files.get(None, [])
    return rows, extras + ([{"held": None, "files": loose}] if loose else [])


def _context(request: HttpRequest, dossier: Dossier, **forms) -> dict:
    user, unit, status = request.user, dossier.receiving_unit, dossier.status
    online = status == Status.SUBMITTED and may(user, Permission.DOSSIER_ACCEPT_ONLINE, unit)
    initial = {"expected_version": dossier.version}
    checklist, extras = _checklist(dossier)
    return {
        "dossier": dossier, "checklist": checklist, "extras": extras,
        "events": list(dossier_events(dossier=dossier)),
        "printed": printed_forms(dossier),
        "can_accept": online,
        "can_forward": status == Status.RECEIVED and may(user, Permission.DOSSIER_RECEIVE, unit),
        "can_return": status == Status.RESULT_READY
        and may(user, Permission.DOSSIER_RETURN_RESULT, unit),
        "accept_form": forms.get("accept_form") or NoteForm(initial=initial, prefix="accept"),
        "completion_form": forms.get("completion_form") or CompletionForm(initial=initial),
        "refuse_form": forms.get("refuse_form") or RefuseForm(initial=initial),
        "forward_form": forms.get("forward_form") or NoteForm(initial=initial, prefix="forward"),
        "stale": forms.get("stale", False),
        "desk_nav": "queue",
    }


@desk_required
def dossier_page(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _dossier(request, code)
    read_record(request, kind=Kind.DOSSIER_PAGE, dossier=dossier)
    return render(request, "desk/dossier.html", _context(request, dossier))


def _act(request, code, *, form, form_key, done, call) -> HttpResponse:
    """Run one action from its form: a redirect when done, the page with the form's errors (or
    the stale-page notice over fresh data) otherwise."""
    dossier = _dossier(request, code)
    refused = None
    if form.is_valid():
        try:
            call(dossier, form.cleaned_data)
        except StaleDossier:
            fresh = _dossier(request, code)
            return render(request, "desk/dossier.html", _context(request, fresh, stale=True),
                          status=409)
        except DossierError as error:
            # A field's message goes by the field; the others (not allowed in this status, no
            # permission) at the top of the page, where they show even without the form.
            field = service_field(form, error)
            if field:
                form.add_error(field, error.text)
            else:
                refused = error.text
        else:
            messages.success(request, str(DONE[done]).format(code=dossier.code))
            return redirect("desk:dossier", code=dossier.code)
    context = _context(request, dossier, **{form_key: form})
    context["refused"] = refused
    return render(request, "desk/dossier.html", context, status=422)


@require_POST
@desk_required
def accept(request: HttpRequest, code: str) -> HttpResponse:
    return _act(request, code, form=NoteForm(request.POST, prefix="accept"),
                form_key="accept_form", done="accept",
                call=lambda d, data: intake.dossier_accept(
                    dossier=d, actor=request.user, expected_version=data["expected_version"],
                    note=data["note"]))


@require_POST
@desk_required
def request_completion(request: HttpRequest, code: str) -> HttpResponse:
    return _act(request, code, form=CompletionForm(request.POST), form_key="completion_form",
                done="completion",
                call=lambda d, data: intake.dossier_request_completion(
                    dossier=d, actor=request.user, reason=data["reason"], items=data["items"],
                    expected_version=data["expected_version"]))


@require_POST
@desk_required
def refuse(request: HttpRequest, code: str) -> HttpResponse:
    return _act(request, code, form=RefuseForm(request.POST), form_key="refuse_form",
                done="refuse",
                call=lambda d, data: intake.dossier_refuse(
                    dossier=d, actor=request.user, reason=data["reason"],
                    expected_version=data["expected_version"]))


@require_POST
@desk_required
def forward(request: HttpRequest, code: str) -> HttpResponse:
    return _act(request, code, form=NoteForm(request.POST, prefix="forward"),
                form_key="forward_form", done="forward",
                call=lambda d, data: processing.dossier_forward(
                    dossier=d, actor=request.user, expected_version=data["expected_version"],
                    note=data["note"]))

"""The citizen's own dossiers: /ho-so/ (the list) and /ho-so/<code>/ (one dossier, its
timeline, files and the actions open now), with the action pages beside it.

Dossiers are fetched only through `dossier_get_for(..., for_="owner")`: another person's code
is a 404, as an unknown one. Every action calls a dossier service with the version the page
showed (`expected_version`); a refusal is shown in Vietnamese and writes nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from motcua.core.templatetags.motcua import vndatetime
from motcua.documents.forms import form_links
from motcua.dossiers import errors
from motcua.dossiers.access import For, dossier_get_for
from motcua.dossiers.models import Dossier, DossierFile
from motcua.dossiers.services.intake import dossier_cancel
from motcua.dossiers.services.processing import dossier_request_withdrawal
from motcua.dossiers.statuses import Action, Status
from motcua.portal import citizen_status, timeline
from motcua.portal.my_forms import ConfirmForm, SupplementForm, WithdrawalForm
from motcua.portal.my_selectors import (
    dossier_is_rated,
    my_dossier_detail_queryset,
    my_dossier_events,
    my_dossier_list,
)
from motcua.portal.my_services import dossier_answer_completion, dossier_answer_supplement
from motcua.postal.selectors import postal_orders_for

# The submission pages (another app) resume a draft here; linked by path, not by URL name,
# so this page does not depend on that app's URL names.
DRAFT_RESUME_PATH = "/nop-ho-so/ho-so/{id}/"

SUPPLEMENTED = _("Đã nhận hồ sơ bổ sung. Thời hạn giải quyết tiếp tục; ngày hẹn trả kết quả "
                 "mới: {date}.")
SUPPLEMENTED_NO_DATE = _("Đã nhận hồ sơ bổ sung. Thời hạn giải quyết tiếp tục.")
RESUBMITTED = _("Đã nộp lại hồ sơ đã hoàn thiện. Bộ phận Một cửa sẽ xem xét tiếp nhận trước "
                "{date}.")
WITHDRAWAL_SENT = _("Đã gửi yêu cầu rút hồ sơ. Cơ quan giải quyết sẽ xem xét và thông báo "
                    "cho bạn.")
CANCELLED = _("Đã hủy hồ sơ.")
NOTHING_TO_SUPPLEMENT = _("Hồ sơ hiện không cần bổ sung.")
CANNOT_WITHDRAW = _("Hồ sơ ở trạng thái hiện tại không thể rút.")
CANNOT_CANCEL = _("Hồ sơ ở trạng thái hiện tại không thể hủy.")


def _own(request: HttpRequest, code: str, *, detail: bool = False) -> Dossier:
    queryset = my_dossier_detail_queryset() if detail else None
    return dossier_get_for(request.user, code, for_=For.OWNER, queryset=queryset)


@login_required
def my_dossiers(request: HttpRequest) -> HttpResponse:
    found = my_dossier_list(citizen=request.user)
    rows = [
        {"dossier": d, "status": citizen_status.plain_status(d),
         "badges": citizen_status.badges(d, owes_fee=d.owes_fee, rated=d.rated)}
        for d in found.dossiers
    ]
    drafts = [{"dossier": d, "resume": DRAFT_RESUME_PATH.format(id=d.pk)} for d in found.drafts]
    return render(request, "portal/my_dossiers.html", {"rows": rows, "drafts": drafts})


@login_required
def my_dossier(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own(request, code, detail=True)
    return render(request, "portal/my_dossier.html", _detail(dossier))


HANDED_IN = {DossierFile.Purpose.SUBMISSION, DossierFile.Purpose.SUPPLEMENT}


def _detail(dossier: Dossier) -> dict:
    events = my_dossier_events(dossier=dossier)
    rated = dossier_is_rated(dossier=dossier)
    actions = citizen_status.actions_for(dossier, rated=rated)
    # What the applicant handed in only: officers' working papers stay with staff (the file
    # view refuses them to the owner, dossiers.access.file_visible_to), results are listed
    # apart once signed.
    files = [f for f in dossier.files.all() if f.purpose in HANDED_IN]
    return {
        "dossier": dossier, "status": citizen_status.plain_status(dossier),
        "badges": citizen_status.badges(dossier, owes_fee=actions.pay, rated=rated),
        "standing": timeline.standing(dossier, events),
        "timeline": list(reversed(timeline.timeline_build(events))),
        "waybills": timeline.postal_waybills(dossier, events, tracked=frozenset(
            order.item_code for order in postal_orders_for(dossier=dossier))),
        "files": files, "results": list(dossier.results.all()), "actions": actions,
        "pay_url": reverse("payments:dossier", args=[dossier.code]),
        "printed": form_links(dossier),
        "request": timeline.open_request(events, dossier),
    }


@login_required
@require_http_methods(["GET", "POST"])
def supplement(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own(request, code, detail=True)
    completing = dossier.status == Status.COMPLETION_REQUESTED
    if request.method == "GET" and dossier.status != Status.SUPPLEMENT_REQUESTED and (
            not completing):
        messages.info(request, NOTHING_TO_SUPPLEMENT)
        return redirect("portal:my-dossier", code=dossier.code)
    form = SupplementForm(request.POST or None, initial={"version": dossier.version})
    context = {**_detail(dossier), "form": form, "completing": completing}
    if request.method == "GET" or not form.is_valid():
        return _render_form(request, "portal/my_dossier_supplement.html", context, form)
    uploads = request.FILES.getlist("files")
    version = form.cleaned_data["version"]
    try:
        if completing:
            done = dossier_answer_completion(dossier=dossier, actor=request.user, uploads=uploads,
                                             expected_version=version)
            messages.success(request, RESUBMITTED.format(
                date=vndatetime(done.acceptance_due_at)))
        else:
            done = dossier_answer_supplement(dossier=dossier, actor=request.user,
                                             uploads=uploads, note=form.cleaned_data["note"],
                                             expected_version=version)
            messages.success(request, SUPPLEMENTED.format(date=vndatetime(done.appointment_at))
                             if done.appointment_at else SUPPLEMENTED_NO_DATE)
    except errors.DossierError as error:
        return _refused(request, "portal/my_dossier_supplement.html", context, error)
    return redirect("portal:my-dossier", code=dossier.code)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own(request, code)
    if request.method == "GET" and not citizen_status.may(dossier, Action.REQUEST_WITHDRAWAL):
        messages.info(request, CANNOT_WITHDRAW)
        return redirect("portal:my-dossier", code=dossier.code)
    form = WithdrawalForm(request.POST or None, initial={"version": dossier.version})
    context = {"dossier": dossier, "form": form}
    if request.method == "GET" or not form.is_valid():
        return _render_form(request, "portal/my_dossier_withdraw.html", context, form)
    if not form.cleaned_data["confirm"]:
        # The confirmation step: the same reason, sent again with confirm set.
        return render(request, "portal/my_dossier_withdraw.html", {**context, "confirming": True})
    try:
        dossier_request_withdrawal(dossier=dossier, actor=request.user,
                                   reason=form.cleaned_data["reason"],
                                   expected_version=form.cleaned_data["version"])
    except errors.DossierError as error:
        return _refused(request, "portal/my_dossier_withdraw.html", context, error)
    messages.success(request, WITHDRAWAL_SENT)
    return redirect("portal:my-dossier", code=dossier.code)


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own(request, code)
    if request.method == "GET" and not citizen_status.may(dossier, Action.CANCEL):
        messages.info(request, CANNOT_CANCEL)
        return redirect("portal:my-dossier", code=dossier.code)
    form = ConfirmForm(request.POST or None, initial={"version": dossier.version})
    context = {"dossier": dossier, "form": form}
    if request.method == "GET" or not form.is_valid():
        return _render_form(request, "portal/my_dossier_cancel.html", context, form)
    try:
        dossier_cancel(dossier=dossier, actor=request.user,
                       expected_version=form.cleaned_data["version"])
    except errors.DossierError as error:
        return _refused(request, "portal/my_dossier_cancel.html", context, error)
    messages.success(request, CANCELLED)
    return redirect("portal:my-dossier", code=dossier.code)


def _render_form(request, template: str, context: dict, form) -> HttpResponse:
    return render(request, template, context, status=422 if form.errors else 200)


def _refused(request, template: str, context: dict, error: errors.DossierError) -> HttpResponse:
    """The service refused: say why, keep what was typed, write nothing (the service ran in
    one transaction). A stale page gets its own heading and a link to reload."""
    context = {**context, "error": error.text, "error_field": error.field,
               "stale": isinstance(error, errors.StaleDossier)}
    return render(request, template, context, status=error.status)

"""Returning results (trả kết quả): find the dossier by its code — typed, or the look-up URL
the receipt's QR code holds —, record who collected it, then print the acknowledgement."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from motcua.audit.models import Kind
from motcua.audit.services import read_record
from motcua.desk import selectors
from motcua.desk.access import desk_required
from motcua.desk.forms import FindForm, ReturnForm, service_error_to_form
from motcua.dossiers.access import dossier_get_for
from motcua.dossiers.errors import DossierError, StaleDossier
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.selectors import dossier_detail_queryset
from motcua.dossiers.services import processing
from motcua.dossiers.statuses import Action, Status

NOT_FOUND = _("Không tìm thấy hồ sơ có mã “{code}” trong các đơn vị bạn phụ trách.")
NOT_READY = _("Hồ sơ {code} đang ở trạng thái “{status}”: chưa có kết quả để trả.")
RETURNED = _("Đã ghi nhận trả kết quả hồ sơ {code}.")
STALE = _("Hồ sơ đã được người khác cập nhật trong lúc bạn thao tác. Trang đã được tải lại với "
          "dữ liệu mới nhất; thao tác của bạn chưa được ghi, vui lòng xem lại.")


def _find(request: HttpRequest, code: str) -> Dossier | None:
    try:
        return dossier_get_for(request.user, code, for_="staff",
                               queryset=dossier_detail_queryset())
    except Http404:
        return None


@desk_required
def return_result(request: HttpRequest) -> HttpResponse:
    params = request.POST if request.method == "POST" else request.GET
    context = {"desk_nav": "return"}
    if "ma" not in params:
        return render(request, "desk/return.html", {**context, "find_form": FindForm()})
    find_form = FindForm(params)
    context["find_form"] = find_form
    if not find_form.is_valid():
        return render(request, "desk/return.html", context, status=422)
    code = selectors.code_from_input(find_form.cleaned_data["ma"])
    dossier = _find(request, code)
    if dossier is None:
        context["problem"] = str(NOT_FOUND).format(code=code)
        return render(request, "desk/return.html", context, status=404)
    context["dossier"] = dossier
    # The page shows the applicant's name and ID number (Law 91/2025, docs/audit.md).
    read_record(request, kind=Kind.DOSSIER_PAGE, dossier=dossier)
    if dossier.status != Status.RESULT_READY:
        context["problem"] = str(NOT_READY).format(code=dossier.code,
                                                   status=dossier.get_status_display())
        return render(request, "desk/return.html", context)
    if request.method != "POST":
        context["form"] = ReturnForm(delivery=dossier.delivery,
                                     initial={"expected_version": dossier.version})
        return render(request, "desk/return.html", context)
    return _record(request, dossier, context)


def _record(request: HttpRequest, dossier: Dossier, context: dict) -> HttpResponse:
    form = ReturnForm(request.POST, delivery=dossier.delivery)
    if form.is_valid():
        data = form.cleaned_data
        try:
            processing.dossier_return_result(
                dossier=dossier, actor=request.user,
                collected_by=form.collected_by(dossier.applicant_name),
                waybill=data["waybill"], note=data["note"],
                expected_version=data["expected_version"])
        except StaleDossier:
            messages.error(request, STALE)
            return redirect(f"{request.path}?{urlencode({'ma': dossier.code})}")
        except DossierError as error:
            service_error_to_form(form, error)
        else:
            messages.success(request, str(RETURNED).format(code=dossier.code))
            return redirect("desk:acknowledgement", code=dossier.code)
    return render(request, "desk/return.html", {**context, "form": form}, status=422)


@desk_required
def acknowledgement(request: HttpRequest, code: str) -> HttpResponse:
    """The printable acknowledgement that the result was handed over (Phiếu biên nhận trả kết
    quả), from the return's event."""
    dossier = dossier_get_for(request.user, code, for_="staff",
                              queryset=dossier_detail_queryset())
    event = (DossierEvent.objects.filter(dossier=dossier, action=Action.RETURN_RESULT)
             .select_related("actor", "unit").order_by("-at", "-pk").first())
    if event is None:
        raise Http404
    delivery = (event.data or {}).get("delivery") or {}
    return render(request, "desk/acknowledgement.html", {
        "dossier": dossier, "event": event, "delivery": delivery, "desk_nav": "return",
    })

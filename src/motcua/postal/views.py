"""The postal pages: VNPost's status callback, and the citizen's pick-up registration
(/buu-chinh/thu-gom/), its confirmation and the list of their pick-ups."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from motcua.core.clock import local, now
from motcua.postal.forms import PickupForm, ProcedureForm
from motcua.postal.selectors import (
    postal_pickup_get_for,
    postal_pickups_for,
    postal_procedures,
)
from motcua.postal.services import CallbackRejected, postal_pickup_request, postal_status_record
from motcua.submission.selectors import receiving_units

REGISTERED = _("Đã gửi yêu cầu thu gom hồ sơ. Bưu điện sẽ liên hệ với bạn theo số điện thoại "
               "đã cho.")


@csrf_exempt  # server to server, authenticated by the HMAC signature instead
@require_POST
def status_callback(request):
    try:
        new = postal_status_record(body=request.body,
                                   signature=request.headers.get("X-VNPost-Signature", ""))
    except CallbackRejected as rejected:
        return JsonResponse({"Status": "400", "Message": str(rejected)}, status=400)
    return JsonResponse({"Status": "200", "Message": "OK" if new else "duplicate"})


@login_required
@require_http_methods(["GET", "POST"])
def pickup(request: HttpRequest) -> HttpResponse:
    """Step 1 (`?thu_tuc=` missing or not a postal procedure): choose the procedure. Step 2:
    the receiving unit, the address, the phone and a note; saved, it goes to VNPost."""
    procedures = postal_procedures()
    choice = ProcedureForm(request.GET if "thu_tuc" in request.GET else None,
                           procedures=procedures)
    if not choice.is_valid():
        return render(request, "postal/pickup_procedure.html", {"form": choice},
                      status=422 if choice.errors else 200)
    procedure = next(p for p in procedures if p.code == choice.cleaned_data["thu_tuc"])
    units = receiving_units(version=procedure.current_version, day=local(now()).date())
    user = request.user
    form = PickupForm(request.POST if request.method == "POST" else None, units=units, initial={
        "unit": units[0].pk if len(units) == 1 else None, "address": user.address,
        "phone": user.phone or "", "key": uuid.uuid4().hex})
    context = {"form": form, "procedure": procedure, "units": units}
    if request.method == "GET" or not form.is_valid():
        return render(request, "postal/pickup.html", context,
                      status=422 if form.errors else 200)
    order = postal_pickup_request(
        owner=user, procedure_version=procedure.current_version,
        unit=next(u for u in units if u.pk == form.cleaned_data["unit"]),
        address=form.cleaned_data["address"], phone=form.cleaned_data["phone"],
        note=form.cleaned_data["note"], key=form.cleaned_data["key"] or None)
    messages.success(request, REGISTERED)
    return redirect("postal:order", number=order.order_number)


@login_required
def order(request: HttpRequest, number: str) -> HttpResponse:
    found = postal_pickup_get_for(owner=request.user, order_number=number)
    if found is None:  # another person's order is as unknown as a made-up number
        raise Http404
    return render(request, "postal/order.html", {"order": found})


@login_required
def my_orders(request: HttpRequest) -> HttpResponse:
    return render(request, "postal/my_orders.html",
                  {"orders": postal_pickups_for(owner=request.user)})

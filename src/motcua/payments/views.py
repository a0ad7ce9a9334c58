"""The payment pages: the dossier's fees, the return from the gateway, the IPN, the receipt."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from motcua.dossiers.access import dossier_get_for
from motcua.payments import selectors, services
from motcua.payments.gateway import gateway


def _gateway_form_action(response: HttpResponse) -> HttpResponse:
    """The pay form posts here and is redirected to the gateway: the site's CSP says
    `form-action 'self'`, which browsers also apply to that redirect, so this page's policy
    names the gateway's origin too (and nothing else changes)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(settings.MOTCUA_PAYMENT_URL))
    for attribute, policy in (("_csp_config", settings.SECURE_CSP),
                              ("_csp_ro_config", settings.SECURE_CSP_REPORT_ONLY)):
        if policy:
            actions = [*policy.get("form-action", []), origin]
            setattr(response, attribute, {**policy, "form-action": actions})
    return response


@login_required
@require_http_methods(["GET", "POST"])
def dossier_fees(request: HttpRequest, code: str) -> HttpResponse:
    dossier = dossier_get_for(request.user, code, for_="owner")
    error = None
    if request.method == "POST":
        try:
            url = services.payment_start(
                dossier=dossier, payer=request.user,
                return_url=request.build_absolute_uri(reverse("payments:return")),
                ip_address=request.META.get("REMOTE_ADDR") or services.SERVER_IP)
        except services.PaymentError as failure:
            error = failure.message
        else:
            return redirect(url)
        dossier.refresh_from_db()
    return _gateway_form_action(render(request, "payments/dossier.html", {
        "dossier": dossier, "payments": selectors.payments_of(dossier), "error": error,
        "payable": selectors.fee_payable_online(dossier),
    }, status=409 if error else 200))


@require_GET
def payment_return(request: HttpRequest) -> HttpResponse:
    """Where the gateway sends the browser back. The parameters only say which payment; what
    the page shows is the payment's state in the database, after the signed result (if any)
    has been applied exactly like an IPN."""
    params = request.GET.dict()
    if not gateway().verify(params):
        return render(request, "payments/result.html", {"invalid": True}, status=400)
    result = services.payment_confirm(params)
    if result.payment is None:
        return render(request, "payments/result.html", {"invalid": True}, status=404)
    payment = result.payment
    payment.refresh_from_db()
    return render(request, "payments/result.html", {
        "payment": payment, "dossier": payment.dossier, "amount_refused": result.code == "04",
        "gateway_message": services.protocol.response_message(params.get("vnp_ResponseCode")),
    })


@csrf_exempt  # called server-to-server by the gateway; authenticated by its SecureHash
@require_GET  # the protocol notifies with GET and the signed parameters in the query
def ipn(request: HttpRequest) -> JsonResponse:
    return JsonResponse(services.payment_confirm(request.GET.dict()).as_ipn())


@login_required
def receipt(request: HttpRequest, reference: str) -> HttpResponse:
    payment = selectors.payment_get_for_receipt(user=request.user, reference=reference)
    return render(request, "payments/receipt.html", {"payment": payment,
                                                     "dossier": payment.dossier})

"""The public look-up page, /tra-cuu/ (DOMAIN.md §1.2 "Publicity").

Anyone holding a dossier's code and the last 4 digits of its applicant's phone or ID number
reads its procedure, status, dates and steps through `dossier_lookup`, which returns no personal
data and answers an unknown code and wrong digits alike; the page keeps them alike too (one
message, the same status). Each attempt counts against the API's limit (`LookupThrottle`:
MOTCUA_LOOKUP_RATE per client address, in the shared cache), so the page and the API share one
budget of guesses. Showing the empty form, or the form pre-filled from a receipt's QR code
(`?ma=<code>`), is not an attempt.
"""

import math

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from motcua.api.throttling import LookupThrottle
from motcua.dossiers.lookup import dossier_lookup
from motcua.portal.forms import LookupForm

NOT_FOUND = _("Không tìm thấy hồ sơ phù hợp với mã hồ sơ và 4 chữ số đã nhập. Vui lòng kiểm "
              "tra lại mã trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")


def lookup(request: HttpRequest) -> HttpResponse:
    params = request.GET
    # The form sends both fields; a link from the receipt's QR code carries only the code.
    submitted = "so" in params
    if not submitted:
        code = params.get("ma", "").strip()
        form = LookupForm(initial={"ma": code})
        return render(request, "portal/lookup.html", {"form": form, "code_given": code})

    form = LookupForm(params)
    context = {"form": form}
    if form.is_valid():
        throttle = LookupThrottle()
        if not throttle.allow_request(request):
            return _limited(request, throttle.wait())
        result = dossier_lookup(code=form.cleaned_data["ma"], digits=form.cleaned_data["so"])
        context.update(result=result, not_found=NOT_FOUND if result is None else None)
    response = render(request, "portal/lookup.html", context)
    # What a look-up shows belongs to one dossier: no shared cache keeps it.
    add_never_cache_headers(response)
    return response


def _limited(request: HttpRequest, wait: float | None) -> HttpResponse:
    seconds = max(1, math.ceil(wait)) if wait else None
    response = render(request, "portal/lookup_limited.html", {"seconds": seconds}, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response

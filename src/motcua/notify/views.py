"""/tai-khoan/thong-bao/: the channels a person hears on, and the messages sent to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from motcua.notify.forms import NO_ADDRESS, PreferenceForm
from motcua.notify.selectors import channels_chosen, notifications_for
from motcua.notify.services import NoChannelChosen, preference_set

SAVED = _("Đã lưu kênh nhận thông báo.")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user = request.user
    chosen = channels_chosen(user=user)
    form = PreferenceForm(request.POST if request.method == "POST" else None,
                          initial={name: name in chosen for name in ("email", "sms", "zalo")})
    if request.method == "POST" and form.is_valid():
        try:
            preference_set(user=user, **form.cleaned_data)
        except NoChannelChosen as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, SAVED)
            return redirect("notify:preferences")
    return render(request, "notify/preferences.html", {
        "form": form, "rows": _rows(form, user), "log": notifications_for(user=user),
    }, status=422 if form.errors else 200)


def _rows(form, user) -> list[dict]:
    """Each channel with the address it uses, or why it cannot be used yet."""
    addresses = {"email": user.email, "sms": user.phone or "", "zalo": user.phone or ""}
    return [{"field": form[name], "address": addresses[name],
             "missing": "" if addresses[name] else NO_ADDRESS[name]}
            for name in ("email", "sms", "zalo")]

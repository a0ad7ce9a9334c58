"""The rating page, /ho-so/<code>/danh-gia/ (URL name `portal:rate`, wired in the portal)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from motcua.dossiers import errors
from motcua.dossiers.access import For, dossier_get_for
from motcua.ratings.forms import RatingForm
from motcua.ratings.selectors import rating_for
from motcua.ratings.services import RATEABLE, rating_submit

THANKS = _("Cảm ơn bạn đã đánh giá. Ý kiến của bạn giúp cơ quan phục vụ tốt hơn.")


@login_required
def rate(request: HttpRequest, code: str) -> HttpResponse:
    dossier = dossier_get_for(request.user, code, for_=For.OWNER)
    existing = rating_for(dossier=dossier)
    context = {"dossier": dossier, "rating": existing, "rateable": dossier.status in RATEABLE}
    if existing is not None or not context["rateable"]:
        return render(request, "ratings/rate.html", context)
    form = RatingForm(request.POST or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            rating_submit(dossier=dossier, actor=request.user, scores=form.scores(),
                          satisfaction=form.cleaned_data["satisfaction"],
                          comment=form.cleaned_data["comment"])
        except errors.DossierError as error:
            context.update(error=error.text, rating=rating_for(dossier=dossier))
            return render(request, "ratings/rate.html", context, status=error.status)
        messages.success(request, THANKS)
        return redirect("portal:my-dossier", code=dossier.code)
    return render(request, "ratings/rate.html", context, status=422 if form.errors else 200)

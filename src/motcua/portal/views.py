from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static

from motcua.portal.home import CATALOG_URL, home_sections, statistics_teaser


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {
        "sections": home_sections(), "catalog_url": CATALOG_URL,
        "results": statistics_teaser(),
    })


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages that name no icon (the admin, the API docs)."""
    return HttpResponsePermanentRedirect(static("motcua/favicon.svg"))

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static

from motcua.portal.home import CATALOG_URL, home_data


def home(request: HttpRequest) -> HttpResponse:
    sections, results = home_data()
    return render(request, "portal/home.html", {
        "sections": sections, "catalog_url": CATALOG_URL, "results": results,
    })


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages that name no icon (the admin, the API docs)."""
    return HttpResponsePermanentRedirect(static("motcua/favicon.svg"))

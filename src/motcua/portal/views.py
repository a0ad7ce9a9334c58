from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from motcua.portal.home import CATALOG_URL, home_sections


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "portal/home.html", {"sections": home_sections(), "catalog_url": CATALOG_URL}
    )

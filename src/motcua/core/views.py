"""The health check a load balancer polls, and the answer to an uncaught error
(docs/operations.md)."""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

RETRY_AFTER_SECONDS = 30
DATABASE_AWAY = "Hệ thống tạm gián đoạn, vui lòng thử lại sau ít phút."
API_NOT_FOUND = "Không tìm thấy."


def _api_error(code: str, message: str, status: int) -> JsonResponse:
    # The API's error shape (motcua.api.errors, docs/api.md "Errors").
    return JsonResponse({"code": code, "message": message, "field": None}, status=status)


@require_GET
@never_cache
def health(request):
    """200 "ok" when this process can reach the database; otherwise the database error makes
    `server_error` answer 503."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def server_error(request):
    """Django's handler500, called while the uncaught exception is being handled, wherever it
    was raised (a view or a middleware reading the session or the user).

    The database away (a restart, a failover, a network cut) is 503 with `Retry-After`, since
    trying again shortly will work: every change runs in one transaction, which the database
    rolled back when the connection dropped, so nothing is half-written. Pages render without a
    request context: they must not need the database."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        if request.path.startswith("/api/"):
            response = _api_error("service_unavailable", DATABASE_AWAY, 503)
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponseServerError(render_to_string("500.html"))
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request, exception):
    """Django's handler404: an address under /api/ that matches no route (a dossier id that is
    not a number) answers in the API's JSON shape, like the routes' own 404s; pages get the
    site's 404 page."""
    if request.path.startswith("/api/"):
        return _api_error("not_found", API_NOT_FOUND, 404)
    return defaults.page_not_found(request, exception)

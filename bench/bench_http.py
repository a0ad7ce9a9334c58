"""Throughput of the home page against a ceiling measured in the same run.

The ceiling is a bare Django view ("ok", no template, no database) behind the same middleware,
so the ratio says what the home page itself costs, whatever the machine. Both are called through
Django's WSGI handler in a loop, without sockets or an HTTP server: this measures Motcua, not
granian or the kernel. One process, one core; each measurement is bounded in time.
"""

import time
from io import BytesIO
from types import ModuleType
from wsgiref.util import setup_testing_defaults

from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse
from django.test.utils import override_settings
from django.urls import path

SECONDS = 1.0  # per measurement; each page is measured ROUNDS times, alternating, best kept
ROUNDS = 2
WARM_UP = 20
BARE_PATH = "/__bench__/bare"
# One core should serve the home page at least this often (2.5 ms a page; measured ~600-800 on
# the 2-core CI machine with an empty catalog), leaving room for the catalog queries the home
# page will make and for the HTTP server in front.
HOME_TARGET = 400.0


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


def _urlconf() -> ModuleType:
    """The site's URLs plus the bare view (a module: Django caches resolvers by urlconf)."""
    from motcua.urls import urlpatterns

    urlconf = ModuleType("bench_http_urls")
    urlconf.urlpatterns = [path(BARE_PATH.lstrip("/"), bare), *urlpatterns]
    return urlconf


def _environ(path_info: str) -> dict:
    environ = {"PATH_INFO": path_info, "REQUEST_METHOD": "GET", "wsgi.input": BytesIO()}
    setup_testing_defaults(environ)  # host 127.0.0.1, which ALLOWED_HOSTS accepts
    return environ


def _get(app: WSGIHandler, path_info: str) -> None:
    statuses = []
    body = app(_environ(path_info), lambda status, headers: statuses.append(status))
    for _ in body:
        pass
    body.close()
    if not statuses[0].startswith("200"):
        raise RuntimeError(f"GET {path_info} answered {statuses[0]}")


def requests_per_second(app: WSGIHandler, path_info: str, seconds: float = SECONDS) -> float:
    for _ in range(WARM_UP):
        _get(app, path_info)
    count, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        _get(app, path_info)
        count += 1
    return count / elapsed


def run() -> list[dict]:
    with override_settings(ROOT_URLCONF=_urlconf()):
        app = WSGIHandler()
        best = {BARE_PATH: 0.0, "/": 0.0}
        for _ in range(ROUNDS):
            for path_info in best:
                best[path_info] = max(best[path_info], requests_per_second(app, path_info))
    ceiling, home = best[BARE_PATH], best["/"]
    return [
        _row("http.bare_view", ceiling, target=None, ceiling=None, ratio=None),
        _row("http.home", home, target=HOME_TARGET, ceiling=ceiling, ratio=home / ceiling),
    ]


def _row(name, value, *, target, ceiling, ratio) -> dict:
    return {
        "name": name,
        "value": round(value, 1),
        "unit": "req/s",
        "target": target,
        "ceiling": None if ceiling is None else round(ceiling, 1),
        "ratio": None if ratio is None else round(ratio, 3),
    }

"""The WSGI application the load test serves: Motcua, plus the bare view of
`bench/bench_http.py` at `/__bench__/bare` (the ceiling the public look-up is compared with),
and two floors beside it, views that do nothing but one round trip: `/__bench__/one-query`
(one SQL statement, a dossier's status by its unique code) and `/__bench__/cache-get` (one read
of the shared cache). What they reach is the most any look-up can, since a look-up must read
the dossier and count the caller in the shared cache (docs/performance.md).

The bare view is added at run time, as `bench_http` does (a urlconf module in ROOT_URLCONF),
so the site's own URLs — and the authorization matrix over them — stay as shipped. Served by
granian from `bench/load/run.py`:
`granian --interface wsgi --working-dir bench/load app:application`.
"""

import os
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BENCH_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")

from django.conf import settings  # noqa: E402 - after the path and settings module are set
from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402

from bench_http import _urlconf  # noqa: E402 - needs Django set up (it imports motcua.urls)

ONE_QUERY_PATH = "/__bench__/one-query"
CACHE_GET_PATH = "/__bench__/cache-get"


def one_query(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM dossiers_dossier WHERE code = %s",
                       [request.GET.get("code", "")])
        row = cursor.fetchone()
    return JsonResponse({"status": row[0] if row else None})


def cache_get(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"found": cache.get(f"bench:{request.GET.get('code', '')}") is not None})


urlconf = _urlconf()
urlconf.urlpatterns[:0] = [path(ONE_QUERY_PATH.lstrip("/"), one_query),
                           path(CACHE_GET_PATH.lstrip("/"), cache_get)]
settings.ROOT_URLCONF = urlconf

"""The WSGI application the load test serves: Motcua, plus the bare view of
`bench/bench_http.py` at `/__bench__/bare` (the ceiling the public look-up is compared with).

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

from bench_http import _urlconf  # noqa: E402 - needs Django set up (it imports motcua.urls)

settings.ROOT_URLCONF = _urlconf()

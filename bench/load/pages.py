"""CPU cost of each page the load test visits, in process (no HTTP server, no other client):
what a request costs Motcua itself, whatever the machine's load. For docs/performance.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load MOTCUA_STAFF_OTP_REQUIRED=false \\
        MOTCUA_NUM_PROXIES=1 .venv/bin/python bench/load/pages.py

Reads the plan of `bench/load/prepare.py` (var/load/plan.json). GET pages only: each is
requested 3 times to warm up, then `--repeat` times; prints process CPU, wall time, queries and
their time per request.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", default=str(ROOT / "var" / "load" / "plan.json"))
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from motcua.accounts.models import User

    plan = json.loads(Path(args.plan).read_text())

    def client(username: str | None = None) -> Client:
        c = Client(HTTP_X_FORWARDED_FOR="10.9.9.9")
        if username:
            c.force_login(User.objects.get(username=username))
        return c

    anon, citizen = client(), client(plan["citizens"][0])
    specialist = client(plan["specialists"][0]["username"])
    desk = client(plan["desk_officers"][0]["username"])
    code, digits = plan["lookups"][0]
    pages = [
        (anon, f"/api/v1/lookup?code={code}&digits={digits}", "look-up API"),
        (anon, f"/tra-cuu/?ma={code}&so={digits}", "look-up page"),
        (anon, "/thu-tuc/?q=khai+sinh", "catalog search"),
        (anon, f"/thu-tuc/{plan['online_procedure']}/", "procedure page"),
        (citizen, f"/nop-ho-so/{plan['online_procedure']}/", "wizard start"),
        (citizen, "/ho-so/", "my dossiers"),
        (specialist, "/xu-ly/?pham-vi=unit", "inbox (unit)"),
        (specialist, "/xu-ly/", "inbox (mine)"),
        (desk, "/mot-cua/", "desk queue"),
        (desk, f"/mot-cua/tiep-nhan/?procedure={plan['desk_procedure']}", "receipt form"),
    ]
    print(f"{'page':<22} {'status':>6} {'CPU ms':>7} {'wall ms':>8} {'queries':>7} "
          f"{'SQL ms':>7}")
    for c, path, name in pages:
        for _ in range(3):
            response = c.get(path)
        with CaptureQueriesContext(connection) as queries:
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(args.repeat):
                c.get(path)
            cpu = (time.process_time() - cpu) / args.repeat * 1000
            wall = (time.perf_counter() - wall) / args.repeat * 1000
        sql = sum(float(q["time"]) for q in queries.captured_queries) / args.repeat * 1000
        print(f"{name:<22} {response.status_code:>6} {cpu:>7.1f} {wall:>8.1f} "
              f"{len(queries.captured_queries) // args.repeat:>7} {sql:>7.1f}")


if __name__ == "__main__":
    main()

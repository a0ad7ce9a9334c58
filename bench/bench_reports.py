"""Reports at 1,000,000 dossiers (issue #6): Biểu 06 for a whole province and year in ≤ 1 s and
within 2× of a hand-written SQL aggregate measured in the same run; the public statistics page
in ≤ 200 ms.

Seeding a million dossiers takes minutes, too long for every `make bench`, so this benchmark
measures a database seeded once with `motcua seed --dossiers 1000000` (the sample province
`S42.00.00.H99`): BENCH_REPORTS_DB names it (default `motcua_bench_reports`, on the server of
DATABASE_URL). The default connection is pointed at it for the measurements and back after.
On SQLite, or when that database is missing or holds fewer than MIN_DOSSIERS dossiers, the
figures are reported as skipped (no value) with the reason on stderr. Prepare it with:

    createdb -h 127.0.0.1 -U postgres motcua_bench_reports
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench_reports \
        .venv/bin/motcua migrate && .venv/bin/motcua seed --dossiers 1000000

* `reports.bieu06_province_year_ms` — `bieu06_report` for the province and the last complete
  calendar year, median of REPEATS; target ≤ 1000 ms.
* `reports.bieu06_vs_raw` — that ÷ the median of hand-written SQL computing the same 11
  columns per procedure version with COUNT … FILTER (checked equal before timing); ≤ 2×.
* `reports.public_page_ms` — GET /thong-ke/ for the province and the last complete month
  through the test client (rollups only); target ≤ 200 ms.
"""

import os
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta

from django.db import connection, connections
from django.test import Client

MIN_DOSSIERS = 1_000_000
REPEATS = 7
DEFAULT_DB = "motcua_bench_reports"
PROVINCE = "S42.00.00.H99"
BIEU06_TARGET_MS = 1000.0
RATIO_TARGET = 2.0
PAGE_TARGET_MS = 200.0

RAW = """
SELECT d.procedure_version_id,
  COUNT(*) FILTER (WHERE d.received_at >= %(start)s AND d.channel = 2),
  COUNT(*) FILTER (WHERE d.received_at >= %(start)s AND d.channel IN (1, 3)),
  COUNT(*) FILTER (WHERE d.received_at < %(start)s),
  COUNT(*) FILTER (WHERE d.finished_at < %(cutoff)s AND d.status <> 'stopped'
      AND d.due_at IS NOT NULL AND d.finished_at <= d.due_at
      AND (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
          < (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
  COUNT(*) FILTER (WHERE d.finished_at < %(cutoff)s AND (d.status = 'stopped'
      OR d.due_at IS NULL OR (d.finished_at <= d.due_at
      AND (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
          >= (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date))),
  COUNT(*) FILTER (WHERE d.finished_at < %(cutoff)s AND d.status <> 'stopped'
      AND d.finished_at > d.due_at),
  COUNT(*) FILTER (WHERE (d.finished_at IS NULL OR d.finished_at >= %(cutoff)s)
      AND NOT COALESCE(CASE WHEN d.paused_at < %(cutoff)s THEN d.paused_at > d.due_at
                            ELSE d.due_at < %(cutoff)s END, false)),
  COUNT(*) FILTER (WHERE (d.finished_at IS NULL OR d.finished_at >= %(cutoff)s)
      AND COALESCE(CASE WHEN d.paused_at < %(cutoff)s THEN d.paused_at > d.due_at
                        ELSE d.due_at < %(cutoff)s END, false))
FROM dossiers_dossier d
WHERE d.competent_unit_id = ANY(%(units)s) AND d.received_at < %(end)s
  AND (d.finished_at IS NULL OR d.finished_at >= %(start)s)
GROUP BY d.procedure_version_id
"""


def run() -> list[dict]:
    name = os.environ.get("BENCH_REPORTS_DB", DEFAULT_DB)
    reason = _unavailable(name)
    if reason:
        print(f"  bench_reports skipped: {reason}", file=sys.stderr)
        return _rows(None, None, None)
    with _database(name):
        count = _count()
        if count < MIN_DOSSIERS:
            print(f"  bench_reports skipped: {name} has {count:,} dossiers "
                  f"(< {MIN_DOSSIERS:,}); run `motcua seed`", file=sys.stderr)
            return _rows(None, None, None)
        print(f"  {name}: {count:,} dossiers", file=sys.stderr)
        report_ms, raw_ms = _bieu06()
        page_ms = _page()
    return _rows(report_ms, raw_ms, page_ms)


def _rows(report_ms, raw_ms, page_ms) -> list[dict]:
    ratio = None if not raw_ms else round(report_ms / raw_ms, 3)
    return [
        {"name": "reports.bieu06_province_year_ms", "value": report_ms, "unit": "ms",
         "target": BIEU06_TARGET_MS, "ceiling": raw_ms, "ratio": ratio, "better": "lower"},
        {"name": "reports.bieu06_vs_raw", "value": ratio, "unit": "×", "target": RATIO_TARGET,
         "ceiling": None, "ratio": None, "better": "lower"},
        {"name": "reports.public_page_ms", "value": page_ms, "unit": "ms",
         "target": PAGE_TARGET_MS, "ceiling": None, "ratio": None, "better": "lower"},
    ]


def _unavailable(name: str) -> str | None:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            return f"no database {name}"
    return None


@contextmanager
def _database(name: str):
    """Point the default connection at `name` for the measurements."""
    conn = connections["default"]
    saved = conn.settings_dict["NAME"]
    conn.close()
    conn.settings_dict["NAME"] = name
    try:
        yield
    finally:
        conn.close()
        conn.settings_dict["NAME"] = saved


def _count() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM dossiers_dossier")
        return cursor.fetchone()[0]


def _year() -> tuple[int, date]:
    from motcua.core.clock import local, now

    today = local(now()).date()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return today.year - 1, last_month


def _bieu06() -> tuple[float, float]:
    from motcua.agencies.models import Unit
    from motcua.reports.bieu06 import bieu06_report, subtree_ids
    from motcua.reports.db import without_jit
    from motcua.reports.periods import Period

    year, _month = _year()
    unit = Unit.objects.get(code=PROVINCE)
    period = Period(date(year, 1, 1), date(year, 12, 31))
    params = {"start": period.start, "end": period.end, "cutoff": period.cutoff(),
              "units": subtree_ids(unit)}

    def raw() -> list:
        with without_jit(), connection.cursor() as cursor:
            cursor.execute(RAW, params)
            return cursor.fetchall()

    report = bieu06_report(unit=unit, period=period)
    raw_total = [sum(r[i] for r in raw()) for i in range(1, 9)]
    t = report.total
    expected = [t.online, t.direct_postal, t.carried_over, t.early, t.on_time, t.late,
                t.within, t.overdue]
    if raw_total != expected:
        raise AssertionError(f"raw SQL {raw_total} != Biểu 06 {expected}")
    print(f"  Biểu 06 {year}: {t.columns()}", file=sys.stderr)
    report_times, raw_times = [], []
    for _ in range(REPEATS):
        report_times.append(_ms(lambda: bieu06_report(unit=unit, period=period)))
        raw_times.append(_ms(raw))
    return round(statistics.median(report_times), 1), round(statistics.median(raw_times), 1)


def _page() -> float:
    _, month = _year()
    client = Client()
    url = f"/thong-ke/?unit={PROVINCE}&month={month:%m/%Y}"
    response = client.get(url)
    if response.status_code != 200 or b'data-figure="received"' not in response.content:
        raise AssertionError(f"{url}: {response.status_code}")
    times = [_ms(lambda: client.get(url)) for _ in range(REPEATS)]
    return round(statistics.median(times), 1)


def _ms(work) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000

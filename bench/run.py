"""Run every benchmark in bench/, print a table, write bench/results.json.

Each `bench/bench_*.py` has `run() -> list[dict]`; every dict is one figure (see README.md):
name, value, unit, target, ceiling, ratio, and optionally `better` ("higher", the default, or
"lower") saying which side of the target passes.

Benchmarks run with Django set up, in a throwaway database created and migrated for the run
(like the test suite's), so they may use the ORM without touching the demo data. DATABASE_URL
picks the server (the Makefile passes PostgreSQL when one answers, else SQLite in memory).

Exit status: 1 if a benchmark raised (the others still run and are reported); a figure that
misses its target only shows FAIL, unless --strict is given, because a busy machine can make a
good build miss by a little.
"""

import argparse
import importlib.util
import json
import os
import sys
import time
import traceback
import warnings
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results.json"
KEYS = ("name", "value", "unit", "target", "ceiling", "ratio")


def setup_django() -> None:
    sys.path.insert(0, str(BENCH_DIR.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()


def throwaway_database():
    """Create and migrate a database for this run; returns the function that drops it."""
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    # Its own name, so a bench run never collides with a test run's test_<name> database.
    test = settings.DATABASES["default"].setdefault("TEST", {})
    if _is_server_database() and not test.get("NAME"):
        test["NAME"] = f"bench_{os.getpid()}"
    config = setup_databases(verbosity=0, interactive=False)
    return lambda: teardown_databases(config, verbosity=0)


def _is_server_database() -> bool:
    from django.conf import settings

    return "sqlite" not in settings.DATABASES["default"]["ENGINE"]


def discover(pattern: str | None) -> list[Path]:
    paths = sorted(BENCH_DIR.glob("bench_*.py"))
    return [p for p in paths if pattern is None or pattern in p.stem]


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    # Registered so a benchmark can name itself (e.g. as a ROOT_URLCONF) while it runs.
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def verdict(row: dict) -> str:
    target, value = row.get("target"), row.get("value")
    if target is None or value is None:
        return "-"
    if row.get("better", "higher") == "lower":
        return "pass" if value <= target else "FAIL"
    return "pass" if value >= target else "FAIL"


def run_one(path: Path) -> tuple[list[dict], str | None]:
    """The benchmark's rows, or no rows and the traceback if it raised or broke the contract."""
    try:
        rows = load(path).run()
        for row in rows:
            missing = [key for key in KEYS if key not in row]
            if missing:
                raise ValueError(f"{path.name}: {row.get('name')!r} lacks {', '.join(missing)}")
        return rows, None
    except Exception:
        # Whatever it is: one broken benchmark must not hide the figures of the others.
        return [], traceback.format_exc()


def fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def print_table(rows: list[dict]) -> None:
    header = ("name", "value", "unit", "target", "ceiling", "ratio", "result")
    lines = [header] + [
        (r["name"], fmt(r["value"]), r["unit"] or "", fmt(r["target"]), fmt(r["ceiling"]),
         fmt(r["ratio"]), verdict(r))
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * width for width in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", dest="pattern", help="run only bench_*.py files whose name has this")
    parser.add_argument("--strict", action="store_true", help="exit 2 when a target is missed")
    args = parser.parse_args(argv)
    # whitenoise notes that collectstatic has not run; benchmarks serve no static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

    setup_django()
    drop_database = throwaway_database()
    rows, failures = [], []
    try:
        for path in discover(args.pattern):
            started = time.perf_counter()
            print(f"running {path.name} …", file=sys.stderr, flush=True)
            found, error = run_one(path)
            rows += found
            if error:
                failures.append((path.name, error))
            print(f"  {path.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        drop_database()

    print_table(rows)
    RESULTS.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(BENCH_DIR.parent)} ({len(rows)} figures)")
    for name, error in failures:
        print(f"\n{name} raised:\n{error}", file=sys.stderr)
    if failures:
        return 1
    if args.strict and any(verdict(r) == "FAIL" for r in rows):
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

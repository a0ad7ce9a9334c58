"""The load test of issue #8, bounded in time: `make load` (docs/performance.md).

1. The database (`--database`, default `motcua_load`): used as it is when it exists; else
   copied from a seeded template (`--template motcua_bench_reports`: `createdb -T`, retried
   while someone is connected to the template), else created, migrated and seeded
   (`motcua seed --dossiers N`, `--seed-dossiers`, default 1,000,000: about half an hour).
2. `migrate`, then `bench/load/prepare.py` (idempotent): accounts, look-up codes, the plan.
3. `collectstatic` into a temporary directory; granian serves `bench/load/app.py` (Motcua plus
   the bare view of bench/bench_http.py) with DEBUG off, the production cache (database), the
   database task backend, the look-up rate limit raised out of the way (all the load comes from
   127.0.0.1) and staff two-factor sign-in off (the scenarios sign officers in with a password).
4. The baseline, closed loop (no think time): the bare view, then the look-up API, then the
   look-up page, `--baseline-seconds` each, with wrk (`apt-get install wrk`) or else locust;
   with wrk also two floors, views that make one SQL statement or one read of the shared cache
   and nothing else (bench/load/app.py).
5. The mix: locust, `--users` simulated people with think time, `--run-time` seconds measured
   after every user has spawned and signed in.
6. A table on stdout and `bench/load/results.json`. Exit status 0 when every target is met,
   2 when one is missed, 1 when something broke.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOAD_DIR = ROOT / "bench" / "load"
VAR = ROOT / "var" / "load"
BIN = ROOT / ".venv" / "bin"
RESULTS = LOAD_DIR / "results.json"
READ_P95_MS, WRITE_P95_MS, LOOKUP_RATIO = 150.0, 300.0, 0.5
SCENARIOS = ("LookupVisitor", "CatalogVisitor", "Citizen", "Specialist", "DeskOfficer")
# The server's environment: everything that changes what is measured is set here, explicitly.
SERVER_ENV = {
    "MOTCUA_DEBUG": "false",
    "MOTCUA_CACHE_BACKEND": "database",  # the production default (docs/operations.md)
    "MOTCUA_TASKS_BACKEND": "database",
    # Behind one reverse proxy: each simulated visitor sends its own X-Forwarded-For address,
    # so the look-up's limit counts per visitor as in production, not all of them as 127.0.0.1.
    "MOTCUA_NUM_PROXIES": "1",
    "MOTCUA_LOOKUP_RATE": "1000000/min",  # the limit is not what is measured
    "MOTCUA_STAFF_OTP_REQUIRED": "false",  # officers sign in with a password only
    "MOTCUA_LOG_LEVEL": "WARNING",
    "MOTCUA_EMAIL_BACKEND": "console",
    "MOTCUA_SMS_BACKEND": "console",
}


def _cache_env(cache: str) -> dict[str, str]:
    if cache == "redis":
        return {"MOTCUA_CACHE_BACKEND": "redis",
                "MOTCUA_CACHE_LOCATION": "redis://127.0.0.1:6379/2"}
    return {"MOTCUA_CACHE_BACKEND": "database"}


def main() -> int:
    if sys.argv[1:2] == ["--markdown"]:
        print(markdown(json.loads(Path(sys.argv[2]).read_text())), end="")
        return 0
    args = _arguments()
    started = time.time()
    url = f"{args.server.rstrip('/')}/{args.database}"
    env = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    VAR.mkdir(parents=True, exist_ok=True)
    _database(args, env)
    _say("migrate")
    _run([BIN / "motcua", "migrate", "--noinput", "--verbosity", "0"], env)
    _say("prepare")
    plan = VAR / "plan.json"
    _run([BIN / "python", LOAD_DIR / "prepare.py", "--out", plan], env)
    static = Path(tempfile.mkdtemp(prefix="motcua-load-static-"))
    SERVER_ENV.update(_cache_env(args.cache))
    server_env = {**env, **SERVER_ENV, "MOTCUA_STATIC_ROOT": str(static),
                  "MOTCUA_MEDIA_ROOT": str(VAR / "media")}
    _say("collectstatic")
    # No post-processing (compression): the scenarios fetch no static file, and compressing
    # every file took a minute and a half of the bounded run on a busy machine.
    _run([BIN / "motcua", "collectstatic", "--noinput", "--no-post-process", "--verbosity", "0"],
         server_env)
    host = f"http://127.0.0.1:{args.port}"
    server = _serve(args, server_env)
    try:
        _wait_ready(host, server)
        load_before = os.getloadavg()
        baseline = _baseline(args, host, plan, server.pid)
        mix = _mix(args, host, plan, server.pid)
        load_after = os.getloadavg()
    finally:
        _stop(server)
        shutil.rmtree(static, ignore_errors=True)
    report = _report(args, plan, baseline, mix, load_before, load_after, started)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    (VAR / "table.md").write_text(markdown(report))
    _print(report)
    print(f"\nwritten: {RESULTS.relative_to(ROOT)} ({time.time() - started:.0f} s in all)")
    return 0 if report["all_met"] else 2


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get(
        "MOTCUA_LOAD_SERVER", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server URL without the database name")
    parser.add_argument("--database", default=os.environ.get("MOTCUA_LOAD_DB", "motcua_load"))
    parser.add_argument("--template", default=os.environ.get("MOTCUA_LOAD_TEMPLATE", ""),
                        help="a seeded database to copy when --database does not exist")
    parser.add_argument("--seed-dossiers", type=int, default=1_000_000)
    parser.add_argument("--port", type=int, default=int(os.environ.get("MOTCUA_LOAD_PORT", 8400)))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="granian blocking threads")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", type=int, default=60, help="measured seconds of the mix")
    parser.add_argument("--baseline-seconds", type=int, default=15)
    parser.add_argument("--baseline-connections", type=int, default=50)
    parser.add_argument("--cache", choices=("database", "redis"), default="database",
                        help="the shared cache (MOTCUA_CACHE_BACKEND); redis: 127.0.0.1:6379/2")
    return parser.parse_args()


def _say(what: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {what}", flush=True)


def _run(command, env) -> None:
    subprocess.run([str(c) for c in command], env=env, check=True, cwd=ROOT)


# --- The database ----------------------------------------------------------------------------


def _psql(args, sql: str) -> str:
    out = subprocess.run(["psql", f"{args.server}/postgres", "-Atc", sql], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


def _database(args, env) -> None:
    name = args.database
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise SystemExit(f"database name {name!r}: lower-case letters, digits and _ only")
    if _psql(args, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1":
        _say(f"database {name} exists: using it")
        return
    if args.template:
        _say(f"copying {args.template} into {name}")
        for attempt in range(60):  # CREATE DATABASE … TEMPLATE needs nobody on the template
            try:
                _psql(args, f'CREATE DATABASE "{name}" TEMPLATE "{args.template}"')
                return
            except subprocess.CalledProcessError as error:
                if "being accessed by other users" not in error.stderr or attempt == 59:
                    raise SystemExit(error.stderr) from error
                time.sleep(5)
    _say(f"creating {name} and seeding {args.seed_dossiers:,} dossiers (long)")
    _psql(args, f'CREATE DATABASE "{name}"')
    _run([BIN / "motcua", "migrate", "--noinput", "--verbosity", "0"], env)
    _run([BIN / "motcua", "seed", "--dossiers", args.seed_dossiers], env)


# --- The report ------------------------------------------------------------------------------


def _percentile(values: list[float], pct: float) -> float:
    """Nearest rank: the smallest value with at least pct % of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return round(ordered[int(rank) - 1], 1)


def _row(name: str, times: list[float], failures: int, seconds: float, *, users=None,
         target=None) -> dict:
    row = {"scenario": name, "users": users, "requests": len(times), "failures": failures,
           "median_ms": round(statistics.median(times), 1) if times else None,
           "p95_ms": _percentile(times, 95) if times else None,
           "p99_ms": _percentile(times, 99) if times else None,
           "rps": round(len(times) / seconds, 1) if seconds else None,
           "target_p95_ms": target}
    row["met"] = None if target is None else bool(
        times and failures == 0 and row["p95_ms"] <= target)
    return row


def _report(args, plan: Path, baseline: dict, mix: dict, load_before, load_after,
            started: float) -> dict:
    seconds = mix["stopped"] - mix["started"]
    samples, failures, users = mix["samples"], mix["failures"], mix.get("users", {})
    targets = {"read": READ_P95_MS, "write": WRITE_P95_MS}
    rows = []
    for scenario in SCENARIOS:
        for kind, target in targets.items():
            key = f"{scenario} · {kind}"
            if key in samples:
                rows.append(_row(key, samples[key], failures.get(key, 0), seconds,
                                 users=users.get(scenario), target=target))
    for kind, target in targets.items():
        rows.append(_row(f"all · {kind}", samples.get(kind, []), failures.get(kind, 0),
                         seconds, users=sum(users.values()) or None, target=target))
    detail = [_row(name, times, failures.get(name, 0), seconds)
              for name, times in sorted(samples.items())
              if " · " in name and name.split(" · ")[0] in ("read", "write", "setup")]
    ratio = baseline["ratio_api"]
    baseline["target_ratio"] = LOOKUP_RATIO
    baseline["met"] = bool(ratio is not None and ratio >= LOOKUP_RATIO and not any(
        r["failures"] for r in baseline["results"].values()))
    plan_data = json.loads(plan.read_text())
    return {
        "when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started)),
        "machine": _machine(args),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "dossiers": plan_data["dossiers"],
        "server": {"workers": args.workers, "blocking_threads": args.threads,
                   "env": SERVER_ENV},
        "measured_seconds": round(seconds, 1),
        "server_cpu": mix.get("cpu"),
        "rows": rows, "detail": detail, "baseline": baseline,
        "all_met": baseline["met"] and all(r["met"] for r in rows),
    }


def _machine(args) -> dict:
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    versions = {}
    for tool in ("granian", "locust"):
        out = subprocess.run([str(BIN / tool), "--version"], capture_output=True, text=True)
        versions[tool] = (out.stdout or out.stderr).strip().splitlines()[0]
    return {"cpus": os.cpu_count(), "cpu": cpu.group(1) if cpu else platform.processor(),
            "memory_gib": round(int(memory.group(1)) / 2**20, 1) if memory else None,
            "system": platform.platform(), "python": platform.python_version(),
            "postgresql": _psql(args, "SHOW server_version"), **versions}


def _print(report: dict) -> None:
    m = report["machine"]
    print(f"\nMotcua load test, {report['when']}: {report['dossiers']:,} dossiers, "
          f"{m['cpus']} CPUs ({m['cpu']}), load average before "
          f"{report['load_average_before'][0]}, after {report['load_average_after'][0]}; "
          f"{report['measured_seconds']} s measured\n")
    head = (f"{'scenario':<30} {'users':>5} {'requests':>8} {'fail':>4} {'median':>7} "
            f"{'p95':>7} {'p99':>7} {'req/s':>7} {'target':>7}  met")
    print(head)
    print("-" * len(head))
    for row in report["rows"] + [None] + report["detail"]:
        if row is None:
            print("-" * len(head))
            continue
        target = f"{row['target_p95_ms']:.0f}" if row["target_p95_ms"] else ""
        met = {True: "yes", False: "NO", None: ""}[row["met"]]
        print(f"{row['scenario'][:30]:<30} {row['users'] or '':>5} {row['requests']:>8} "
              f"{row['failures']:>4} {_ms(row['median_ms']):>7} {_ms(row['p95_ms']):>7} "
              f"{_ms(row['p99_ms']):>7} {row['rps'] or 0:>7.1f} {target:>7}  {met}")
    b = report["baseline"]
    print(f"\nBaseline, closed loop ({b['tool']}, {b['connections']} connections, "
          f"{b['seconds']} s each):")
    for name, r in b["results"].items():
        print(f"  {name:<14} {r['rps']:>8.1f} req/s  median {_ms(r['median_ms'])} ms  "
              f"p99 {_ms(r['p99_ms'])} ms  failures {r['failures']}  server CPU "
              f"{r.get('cpu_ms_per_request')} ms/request, {r.get('cores_busy')} cores busy")
    print(f"  look-up API / bare view = {b['ratio_api']:.2f} (target ≥ {b['target_ratio']}: "
          f"{'met' if b['met'] else 'NOT met'}); look-up page / bare view = "
          f"{b['ratio_page']:.2f}")
    for name, ratio in b.get("ratio_floors", {}).items():
        print(f"  {name} / bare view = {ratio:.2f} (the most a view making that round trip "
              "reaches)")
    if cpu := report.get("server_cpu"):
        print(f"\nServer CPU during the mix: granian {cpu['granian_cpu_s']} s, PostgreSQL "
              f"{cpu['postgres_cpu_s']} s = {cpu['cores_busy']} cores busy on average, "
              f"{cpu['cpu_ms_per_request']} ms of CPU per request")
    print(f"\nAll targets met: {'yes' if report['all_met'] else 'NO'}")


def markdown(report: dict) -> str:
    """The table of docs/performance.md, from a report (`run.py --markdown results.json`)."""
    lines = ["| scenario | users | requests | failures | median ms | p95 ms | p99 ms | req/s "
             "| target p95 | met? |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
             "| ---: | --- |"]
    for row in report["rows"]:
        target = f"≤ {row['target_p95_ms']:.0f} ms" if row["target_p95_ms"] else ""
        met = {True: "yes", False: "**no**", None: ""}[row["met"]]
        lines.append(f"| {row['scenario']} | {row['users'] or ''} | {row['requests']} | "
                     f"{row['failures']} | {_ms(row['median_ms'])} | {_ms(row['p95_ms'])} | "
                     f"{_ms(row['p99_ms'])} | {row['rps'] or 0:.1f} | {target} | {met} |")
    lines += ["", "| request | requests | failures | median ms | p95 ms | p99 ms | req/s |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in report["detail"]:
        lines.append(f"| {row['scenario']} | {row['requests']} | {row['failures']} | "
                     f"{_ms(row['median_ms'])} | {_ms(row['p95_ms'])} | {_ms(row['p99_ms'])} | "
                     f"{row['rps'] or 0:.1f} |")
    b = report["baseline"]
    lines += ["", f"| closed loop ({b['tool']}, {b['connections']} connections, {b['seconds']} s)"
              " | req/s | median ms | p99 ms | failures | server CPU ms/request | cores busy |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in b["results"].items():
        lines.append(f"| {name} | {r['rps']:.1f} | {_ms(r['median_ms'])} | {_ms(r['p99_ms'])} "
                     f"| {r['failures']} | {r.get('cpu_ms_per_request')} | "
                     f"{r.get('cores_busy')} |")
    lines.append(f"| **look-up API / bare view** | **{b['ratio_api']:.2f}** (target ≥ "
                 f"{b['target_ratio']}: {'met' if b['met'] else '**not met**'}) | | | | | |")
    lines.append(f"| look-up page / bare view | {b['ratio_page']:.2f} | | | | | |")
    for name, ratio in b.get("ratio_floors", {}).items():
        lines.append(f"| {name} / bare view | {ratio:.2f} | | | | | |")
    return "\n".join(lines) + "\n"


def _ms(value) -> str:
    return "" if value is None else f"{value:.0f}"


# --- The server ------------------------------------------------------------------------------


def _serve(args, env) -> subprocess.Popen:
    command = [BIN / "granian", "--interface", "wsgi", "--workers", args.workers,
               "--blocking-threads", args.threads, "--host", "127.0.0.1", "--port", args.port,
               "--no-access-log", "--working-dir", LOAD_DIR, "app:application"]
    _say("granian: " + " ".join(str(c) for c in command[1:]))
    log = (VAR / "granian.log").open("w")
    return subprocess.Popen([str(c) for c in command], env=env, cwd=ROOT, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


def _wait_ready(host: str, server: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"granian exited ({server.returncode}): see {VAR / 'granian.log'}")
        try:
            # Every worker answers a few times, so none starts cold under measurement.
            for path in ["/__bench__/bare"] * 4 + ["/", "/tra-cuu/", "/thu-tuc/"] * 2:
                with urllib.request.urlopen(host + path, timeout=10) as response:
                    response.read()
            return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"granian did not answer within {timeout:.0f} s")


def _cpu_seconds(server_pid: int, database: str) -> dict:
    """CPU time used so far by granian (its workers) and by PostgreSQL's backends serving the
    load database, per process: what the server itself consumed, whatever else runs on the
    machine."""
    import psutil

    def times(processes) -> dict[int, float]:
        seconds = {}
        for process in processes:
            try:
                cpu = process.cpu_times()
                seconds[process.pid] = cpu.user + cpu.system
            except psutil.Error:
                pass
        return seconds

    root = psutil.Process(server_pid)
    backends = [p for p in psutil.process_iter(["cmdline"])
                if f" {database} " in " ".join(p.info["cmdline"] or []) + " "]
    return {"granian": times([root, *root.children(recursive=True)]),
            "postgres": times(backends)}


def _cpu_used(before: dict, after: dict, seconds: float, requests: int) -> dict:
    """Per process, the time used between the two snapshots (a process gone meanwhile, e.g. a
    database connection closed, is left out; a new one counts from zero)."""
    used = {kind: sum(t - before[kind].get(pid, 0.0) for pid, t in after[kind].items())
            for kind in before}
    both = sum(used.values())
    return {"granian_cpu_s": round(used["granian"], 1),
            "postgres_cpu_s": round(used["postgres"], 1),
            "cores_busy": round(both / seconds, 2) if seconds else None,
            "cpu_ms_per_request": round(1000 * both / requests, 1) if requests else None}


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)  # our own session: granian and its workers
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


# --- The baseline: maximum throughput, closed loop -------------------------------------------


def _baseline(args, host: str, plan: Path, server_pid: int) -> dict:
    lookups = json.loads(plan.read_text())["lookups"][:2000]
    targets = {
        "bare view": ["/__bench__/bare"],
        "look-up API": [f"/api/v1/lookup?code={c}&digits={d}" for c, d in lookups],
        "look-up page": [f"/tra-cuu/?ma={c}&so={d}" for c, d in lookups],
    }
    tool = "wrk" if shutil.which("wrk") else "locust"
    if tool == "wrk":  # the floors (bench/load/app.py): what one round trip leaves of the bare view
        targets["one SQL statement"] = [f"/__bench__/one-query?code={c}" for c, _ in lookups]
        targets["one cache read"] = [f"/__bench__/cache-get?code={c}" for c, _ in lookups]
    results = {}
    for name, paths in targets.items():
        _say(f"baseline, closed loop ({tool}, {args.baseline_connections} connections, "
             f"{args.baseline_seconds} s): {name}")
        before = _cpu_seconds(server_pid, args.database)
        if tool == "wrk":
            results[name] = _wrk(args, host, paths)
        else:
            results[name] = _locust_max(args, host, plan, name)
        results[name].update(_cpu_used(before, _cpu_seconds(server_pid, args.database),
                                       args.baseline_seconds, results[name]["requests"]))
    bare, api = results["bare view"]["rps"], results["look-up API"]["rps"]
    page = results["look-up page"]["rps"]
    return {"tool": tool, "connections": args.baseline_connections,
            "seconds": args.baseline_seconds, "results": results,
            "ratio_api": round(api / bare, 3) if bare else None,
            "ratio_page": round(page / bare, 3) if bare else None,
            "ratio_floors": {name: round(results[name]["rps"] / bare, 3)
                             for name in ("one SQL statement", "one cache read")
                             if name in results and bare}}


def _wrk(args, host: str, paths: list[str]) -> dict:
    script = VAR / "wrk-paths.lua"
    quoted = ",\n".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{\n{quoted}\n}}\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        "  local address = '10.' .. math.random(0, 255) .. '.' .. math.random(0, 255) .. '.'\n"
        "    .. math.random(1, 254)\n"
        "  return wrk.format('GET', paths[math.random(#paths)],\n"
        "    {['X-Forwarded-For'] = address})\n"
        "end\n")
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(args.baseline_connections), "--timeout", "10s", "-d",
         f"{args.baseline_seconds}s", "--latency", "-s", str(script), host],
        check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       out)
    latency = {p: _wrk_ms(m) for p, m in re.findall(r"\s+(50|90|99)%\s+([\d.]+\w+)", out)}
    return {"rps": round(rps, 1), "requests": requests,
            "failures": (int(bad.group(1)) if bad else 0)
            + (sum(map(int, errors.groups())) if errors else 0),
            "median_ms": latency.get("50"), "p99_ms": latency.get("99")}


def _wrk_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 2)


def _locust_max(args, host: str, plan: Path, name: str) -> dict:
    user = "BareMax" if name == "bare view" else "LookupMax"
    data = _locust(args, host, plan, [user], users=args.baseline_connections,
                   seconds=args.baseline_seconds, label="max")
    times = next(v for k, v in data["samples"].items() if k.startswith("max · "))
    took = data["stopped"] - data["started"]
    return {"rps": round(len(times) / took, 1), "requests": len(times),
            "failures": sum(data["failures"].values()), "median_ms": statistics.median(times),
            "p99_ms": _percentile(times, 99)}


# --- The mix ---------------------------------------------------------------------------------


def _mix(args, host: str, plan: Path, server_pid: int) -> dict:
    _say(f"the mix: {args.users} users, {args.run_time} s measured once all have signed in")
    return _locust(args, host, plan, list(SCENARIOS), users=args.users, seconds=args.run_time,
                   label="mix", server_pid=server_pid)


def _locust(args, host: str, plan: Path, classes: list[str], *, users: int, seconds: int,
            label: str, server_pid: int | None = None) -> dict:
    """Run locust until the locustfile has measured `seconds` of steady state (it quits by
    itself; `-t` is only a bound); return its samples, with the server's CPU time over the
    measured window when `server_pid` is given (the locustfile marks the window's start with
    a file `<samples>.started`)."""
    samples = VAR / f"samples-{label}.json"
    samples.unlink(missing_ok=True)
    bound = seconds + int(users / args.spawn_rate) + 120
    command = [BIN / "locust", "-f", LOAD_DIR / "locustfile.py", "--headless",
               "-u", users, "-r", args.spawn_rate, "-t", f"{bound}s", "--reset-stats",
               "--only-summary", "--stop-timeout", "10", "-H", host,
               "--json-file", VAR / f"locust-{label}", *classes]
    env = {**os.environ, "MOTCUA_LOAD_PLAN": str(plan), "MOTCUA_LOAD_SAMPLES": str(samples),
           "MOTCUA_LOAD_MEASURE": str(seconds)}
    started = Path(f"{samples}.started")
    started.unlink(missing_ok=True)
    output = VAR / f"locust-{label}.txt"
    with output.open("w") as log:
        process = subprocess.Popen([str(c) for c in command], env=env, cwd=ROOT, stdout=log,
                                   stderr=subprocess.STDOUT)
        cpu_before = None
        while process.poll() is None:
            if cpu_before is None and server_pid and started.exists():
                cpu_before = _cpu_seconds(server_pid, args.database)
            time.sleep(0.2)
    cpu_after = _cpu_seconds(server_pid, args.database) if cpu_before else None
    if not samples.exists():
        raise SystemExit(f"locust wrote no samples (exit {process.returncode}):\n"
                         + output.read_text()[-3000:])
    data = json.loads(samples.read_text())
    if cpu_before:
        requests = sum(len(v) for k, v in data["samples"].items() if k in ("read", "write"))
        data["cpu"] = _cpu_used(cpu_before, cpu_after, data["stopped"] - data["started"],
                                requests)
    return data


if __name__ == "__main__":
    sys.exit(main())

"""Start the real programs of a deployment (granian web processes, `motcua db_worker`,
`motcua scheduler`) against the test database, for the scale-out and fault tests.

Each program runs in its own process group with its output in a file; `Processes.stop_all()`
kills every group (SIGTERM, then SIGKILL), and `Processes.logs()` is what a failing test
shows (pytest prints a fixture's teardown output when the test failed).

The processes see the rows the test wrote only if the test commits them: use
`pytest.mark.django_db(transaction=True)`, and stop the processes before pytest-django empties
the tables (request the database fixtures before this one)."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
SECRET_KEY = "scale-out-test-key-shared-by-every-process-0123456789abcdef"


def database_url(settings_dict: dict | None = None) -> str:
    """The URL of the database this test runs on (pytest-django's `test_…` database)."""
    s = settings_dict or connection.settings_dict
    user = urllib.parse.quote(s.get("USER") or "")
    password = s.get("PASSWORD") or ""
    auth = f"{user}:{urllib.parse.quote(password)}@" if password else (f"{user}@" if user else "")
    return f"postgres://{auth}{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def base_environment(*, media_root: Path, sms_file: Path, **extra: str) -> dict[str, str]:
    """What every process of one test deployment shares: the database, the secret key, the
    task backend, the media directory (an NFS mount in production), DEBUG off."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "GRANIAN_"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": "motcua.settings",
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "PYTHONUNBUFFERED": "1",
        "DATABASE_URL": database_url(),
        "MOTCUA_SECRET_KEY": SECRET_KEY,
        "MOTCUA_DEBUG": "0",
        "MOTCUA_ALLOWED_HOSTS": "127.0.0.1",
        "MOTCUA_TASKS_BACKEND": "database",
        "MOTCUA_MEDIA_ROOT": str(media_root),
        "MOTCUA_SMS_BACKEND": "file",
        "MOTCUA_SMS_FILE": str(sms_file),
        "MOTCUA_EMAIL_BACKEND": "console",
        "MOTCUA_LOOKUP_RATE": "100000/min",
        "MOTCUA_LOG_LEVEL": "WARNING",
    })
    env.update(extra)
    return env


@dataclass
class Program:
    name: str
    argv: list[str]
    log: Path
    process: subprocess.Popen
    port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self, tail: int = 6000) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return text[-tail:]

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Kill the whole process group (granian forks its workers)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)

    def stop(self, grace: float = 5.0) -> None:
        if self.alive():
            self.kill(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(grace)
        self.kill(signal.SIGKILL)  # whatever of the group is left (forked children)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(grace)


@dataclass
class Processes:
    """The programs one test started; `stop_all` in the fixture's teardown."""

    directory: Path
    env: dict[str, str]
    programs: list[Program] = field(default_factory=list)

    def start(self, name: str, argv: list[str], *, port: int | None = None,
              env: dict[str, str] | None = None) -> Program:
        log = self.directory / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                argv, cwd=ROOT, env={**self.env, **(env or {})}, stdout=out,
                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )
        program = Program(name=name, argv=argv, log=log, process=process, port=port)
        self.programs.append(program)
        return program

    def web(self, name: str, port: int, *, env: dict[str, str] | None = None,
            threads: int = 4, wait: bool = True) -> Program:
        """A granian WSGI process on `port`, answering HTTP before this returns (unless
        `wait` is false: then call `wait_until_serving`)."""
        with socket.socket() as probe:  # else we would test whoever already listens there
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise RuntimeError(f"port {port} is already in use")
        program = self.start(name, [
            str(VENV_BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(port), "--workers", "1", "--blocking-threads", str(threads),
            "--no-ws", "--log-level", "warning", "motcua.wsgi:application",
        ], port=port, env=env)
        if wait:
            self.wait_until_serving(program)
        return program

    def wait_until_serving(self, program: Program, *, timeout: float = 60.0) -> None:
        self.wait_for_port(program, timeout=timeout)
        self.wait_for_http(program, timeout=timeout)

    def worker(self, name: str, *, env: dict[str, str] | None = None,
               interval: float = 0.2) -> Program:
        return self.start(name, [
            str(VENV_BIN / "motcua"), "db_worker", "--worker-id", name, "--interval",
            str(interval), "--no-startup-delay", "--no-reload", "--verbosity", "1",
        ], env=env)

    def command(self, name: str, *args: str, env: dict[str, str] | None = None) -> Program:
        return self.start(name, [str(VENV_BIN / "motcua"), *args], env=env)

    def wait_for_port(self, program: Program, *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not program.alive():
                raise RuntimeError(f"{program.name} exited before listening:\n{self.logs()}")
            try:
                with socket.create_connection(("127.0.0.1", program.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"{program.name} did not listen on {program.port}:\n{self.logs()}")

    def wait_for_http(self, program: Program, *, timeout: float) -> None:
        """The port opens before the application is loaded: wait for an HTTP answer (any
        status; a 404 page needs no database)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not program.alive():
                raise RuntimeError(f"{program.name} exited:\n{self.logs()}")
            try:
                urllib.request.urlopen(f"{program.url}/khong-co-trang-nay/", timeout=timeout)
                return
            except urllib.error.HTTPError:
                return  # the application answered
            except (OSError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"{program.name} did not answer HTTP:\n{self.logs()}")

    def wait(self, program: Program, timeout: float = 60.0) -> int:
        try:
            return program.process.wait(timeout)
        except subprocess.TimeoutExpired as error:
            raise AssertionError(f"{program.name} still running:\n{self.logs()}") from error

    def logs(self) -> str:
        return "\n".join(f"----- {p.name} (exit {p.process.poll()}) -----\n{p.output()}"
                         for p in self.programs)

    def stop_all(self, grace: float = 5.0) -> None:
        """SIGTERM to every group at once, then SIGKILL to what is left after `grace`."""
        for program in self.programs:
            if program.alive():
                program.kill(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for program in self.programs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                program.process.wait(max(deadline - time.monotonic(), 0.1))
        for program in self.programs:
            program.stop(grace=1.0)


def wait_until(condition, *, timeout: float, interval: float = 0.2, explain=lambda: ""):
    """Poll `condition()` until it returns something truthy; fail with `explain()`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s\n{explain()}")
        time.sleep(interval)


def started(directory: Path, **extra: str):
    """A generator for a fixture: yields `Processes`, stops them all afterwards and prints
    their output (shown by pytest when the test failed)."""
    (directory / "static").mkdir(parents=True, exist_ok=True)
    env = base_environment(media_root=directory / "media", sms_file=directory / "sms.jsonl",
                           MOTCUA_STATIC_ROOT=str(directory / "static"), **extra)
    processes = Processes(directory=directory, env=env)
    try:
        yield processes
    finally:
        processes.stop_all()
        sys.stdout.write(processes.logs() + "\n")

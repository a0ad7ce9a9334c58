"""Make PostgreSQL go away and come back, for the fault tests.

By default only the test's own database goes away: its server connections are terminated and
new ones refused for a few seconds (`ALLOW_CONNECTIONS false`), which is what a restart looks
like to the application, without disturbing the other databases of a shared server.
`MOTCUA_FAULTS_REAL_RESTART=1` stops and starts the whole PostgreSQL cluster instead
(`pg_ctlcluster`; needs root and a server no one else is using)."""

import os
import subprocess
import time
from pathlib import Path

import psycopg
from django.db import connection
from psycopg import sql

REAL_RESTART = os.environ.get("MOTCUA_FAULTS_REAL_RESTART", "").strip() in {"1", "true", "yes"}


def _admin_connection() -> psycopg.Connection:
    s = connection.settings_dict
    return psycopg.connect(host=s.get("HOST") or "127.0.0.1", port=s.get("PORT") or 5432,
                           user=s.get("USER") or "postgres", password=s.get("PASSWORD") or None,
                           dbname="postgres", autocommit=True)


def _cluster() -> tuple[str, str]:
    versions = sorted(Path("/etc/postgresql").iterdir(), key=lambda p: int(p.name))
    version = versions[-1]
    return version.name, sorted(p.name for p in version.iterdir())[0]


def database_down(seconds: float) -> None:
    """The database is unreachable for about `seconds`, then back."""
    if REAL_RESTART:
        version, cluster = _cluster()
        pg_ctl = ["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster]
        subprocess.run([*pg_ctl, "stop", "-m", "fast"], check=True, timeout=60)
        time.sleep(seconds)
        subprocess.run([*pg_ctl, "start"], check=True, timeout=60)
        return
    name = connection.settings_dict["NAME"]
    quoted = sql.Identifier(name)
    with _admin_connection() as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false")
                      .format(quoted))
        try:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = %s AND pid <> pg_backend_pid()", [name])
            time.sleep(seconds)
        finally:
            admin.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true")
                          .format(quoted))


def reconnect() -> None:
    """The test process's own connection was cut too: drop it, the next query opens a new one."""
    try:
        connection.close()
    except Exception:
        connection.connection = None

"""Suite-wide rules: no network, a frozen clock when asked, PostgreSQL-only tests skip on SQLite."""

import os
import shutil
import socket
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
import time_machine

from motcua.core.clock import VIETNAM

# The dossier world (a commune, its officers, a citizen, procedures) for every test directory.
pytest_plugins = ["tests.dossier_world"]

CHROMIUM = "/usr/bin/chromium"
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Tests talk to loopback only (the database, live servers, fakes of external services)."""
    real_connect = socket.socket.connect

    def guarded_connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in _LOOPBACK and not host.startswith("/"):
            raise RuntimeError(f"network access in a test: {address!r}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture
def frozen_now():
    """Freeze the clock at Thursday 26/11/2026 09:00 in Vietnam; returns the traveller."""
    with time_machine.travel(datetime(2026, 11, 26, 9, 0, tzinfo=VIETNAM), tick=False) as t:
        yield t


def pytest_configure(config):
    from django.conf import settings

    # A fast hasher: password strength is not what these tests measure, and PBKDF2's
    # deliberate slowness would cost seconds per login.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run in the test process right after commit; outbox tests that need a
    # worker's view of things use the database backend explicitly.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # Text messages (SMS, Zalo) go to a file no test shares with a demo.
    settings.MOTCUA_SMS_BACKEND = "file"
    settings.MOTCUA_SMS_FILE = Path(tempfile.mkdtemp(prefix="motcua-sms-")) / "sms.jsonl"
    # Staff's two-factor sign-in is off by default here, so a test may `force_login` an officer
    # and open their pages; tests/accounts (two-factor), tests/security and the two-factor
    # journey turn it on (MOTCUA_STAFF_OTP_REQUIRED is on by default in production).
    settings.MOTCUA_STAFF_OTP_REQUIRED = False
    # Cache rows outlive a transactional test (the cache table is no model: flush leaves it),
    # and a frozen clock in the past finds them fresh: the home page computes its data on each
    # visit here; tests/portal/test_home_sections.py turns its minute back on.
    settings.MOTCUA_HOME_CACHE_SECONDS = 0


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    on_postgres = connection.vendor == "postgresql"
    has_browser = shutil.which(CHROMIUM) is not None
    if not has_browser and os.environ.get("MOTCUA_REQUIRE_BROWSER"):
        raise pytest.UsageError(f"MOTCUA_REQUIRE_BROWSER is set but {CHROMIUM} is missing")
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL to a PostgreSQL server)")
    skip_browser = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium`"
    )
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
        if "e2e" in item.keywords and not has_browser:
            item.add_marker(skip_browser)

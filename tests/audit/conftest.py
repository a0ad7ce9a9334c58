"""Fixtures of the access-log tests: signed-in clients on a working-day clock (the commune,
people and procedures come from tests/dossier_world.py)."""

import pytest
from django.test import Client

from tests.factories.dossiers import vn


@pytest.fixture(autouse=True)
def _clock(travel):
    """Monday 09/03/2026 10:00 in Vietnam, a working day."""
    travel(vn(2026, 3, 9, 10))


def client_for(user) -> Client:
    client = Client(REMOTE_ADDR="203.0.113.7")
    client.force_login(user)
    return client

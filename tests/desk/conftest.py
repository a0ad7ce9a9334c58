"""Fixtures of the desk's page tests: signed-in clients and a frozen working-day clock (the
commune, people and procedures come from tests/dossier_world.py)."""

import pytest
from django.test import Client

from tests.factories.dossiers import vn


@pytest.fixture(autouse=True)
def _clock(travel):
    """Monday 09/03/2026 10:00 in Vietnam, a working day (moved on with `travel(...)`)."""
    travel(vn(2026, 3, 9, 10))


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def desk(desk_officer) -> Client:
    return client_for(desk_officer)


@pytest.fixture
def other_desk(other_desk_officer) -> Client:
    return client_for(other_desk_officer)

"""Fixtures of the processing pages (the dossier world comes from tests/dossier_world.py)."""

import pytest


@pytest.fixture
def as_user(client):
    """`as_user(person)` signs `person` in on the test client and returns the client."""

    def sign_in(person):
        client.force_login(person)
        return client

    return sign_in

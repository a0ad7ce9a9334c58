import pytest

from tests.factories.accounts import CitizenFactory


@pytest.fixture
def citizen(db):
    return CitizenFactory(email="an@motcua.example", phone="0912345678")


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client

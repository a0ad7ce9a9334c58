"""The matrix's world is built once for this package inside a transaction that is rolled back
when the package's tests are done (each test runs in a savepoint of it): fast, and it leaves
nothing behind for the rest of the suite."""

import tempfile

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from tests.security.scene import scene_build


@pytest.fixture(scope="package")
def scene(django_db_setup, django_db_blocker):
    media = tempfile.TemporaryDirectory(prefix="motcua-security-")
    with override_settings(MEDIA_ROOT=media.name), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield scene_build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
    media.cleanup()


@pytest.fixture(autouse=True)
def _second_factor_on(settings):
    """As in production: staff sessions count only after the authenticator code (the rest of
    the suite turns it off; the scene's staff sessions have passed it)."""
    settings.MOTCUA_STAFF_OTP_REQUIRED = True


@pytest.fixture(autouse=True)
def _media_root():
    """The scene's files stay where the scene stored them (the dossier world would give every
    test a fresh MEDIA_ROOT)."""


@pytest.fixture
def as_actor(scene, client, db):
    """`as_actor(name)`: the test client signed in as that actor (anonymous: not signed in)."""

    def sign_in(name: str):
        if name in scene.sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = scene.sessions[name]
        return client

    return sign_in

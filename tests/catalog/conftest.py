import pytest
from django.db import transaction

from motcua.catalog.importer import DEFAULT_CATALOG_FILE, catalog_import


@pytest.fixture
def shipped_catalog(db):
    """The catalog shipped with Motcua, freshly imported (55 procedures, version 1 each)."""
    return catalog_import(path=DEFAULT_CATALOG_FILE)


@pytest.fixture(scope="module")
def loaded_catalog(django_db_setup, django_db_blocker):
    """The shipped catalog imported once per module, for tests that only read it.

    The import runs in an outer transaction rolled back after the module; each test still runs
    in its own savepoint (the `db` fixture), so a test's writes do not leak into the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield catalog_import(path=DEFAULT_CATALOG_FILE)
        transaction.set_rollback(True)


@pytest.fixture
def catalog(loaded_catalog, db):
    return loaded_catalog


@pytest.fixture
def shipped_text() -> str:
    return DEFAULT_CATALOG_FILE.read_text(encoding="utf-8")

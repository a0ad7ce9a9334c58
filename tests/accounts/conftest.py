import pytest
from django.core.cache import cache


@pytest.fixture
def fresh_limits(db):
    """The sign-in limit's counters live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()

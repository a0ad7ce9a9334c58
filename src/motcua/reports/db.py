"""Database details of the report queries."""

from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def without_jit():
    """PostgreSQL's JIT compiles the wide conditional aggregates of the reports for ~0.4 s per
    query (measured: 415 ms of JIT for a 50 ms month of rollups), more than it ever saves on
    them; switch it off for the enclosed queries (SET LOCAL lasts until the transaction ends)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        yield

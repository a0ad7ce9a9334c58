"""Concurrency on PostgreSQL: many desks receiving at once never share a code, and a doubled
submission makes one dossier. Each thread has its own database connection (Django's are
per thread), so these are real concurrent transactions."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from motcua.dossiers.models import DailySequence, Dossier, DossierEvent
from motcua.dossiers.services import intake
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import components_for, procedure_create, world_create

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 20
RECEIPTS_PER_THREAD = 5


def run_together(workers: list[Callable[[], object]]) -> tuple[list, list]:
    """Start every worker at the same instant; return (results, errors)."""
    barrier = threading.Barrier(len(workers))
    results, failures, lock = [], [], threading.Lock()

    def run(work):
        try:
            barrier.wait()
            outcome = work()
            with lock:
                results.append(outcome)
        except Exception as error:  # collected and asserted on by the test
            with lock:
                failures.append(error)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, failures


def test_concurrent_receipts_get_distinct_contiguous_codes():
    # Given one commune with 20 desk officers (committed: the threads see it)
    world = world_create()
    procedure = procedure_create()
    officers = [StaffFactory(desk_officer=True, unit=world.unit) for _ in range(THREADS)]
    version, components = procedure.current_version, components_for(procedure)

    def receipts_by(officer):
        def work():
            return [
                intake.dossier_receive(
                    actor=officer, procedure_version=version, receiving_unit=world.unit,
                    applicant=world.applicant(), components=components).code
                for _ in range(RECEIPTS_PER_THREAD)
            ]
        return work

    # When they all receive at once
    results, failures = run_together([receipts_by(officer) for officer in officers])

    # Then every receipt got its own code, numbered 0001..0100 without a gap
    assert failures == []
    codes = [code for batch in results for code in batch]
    total = THREADS * RECEIPTS_PER_THREAD
    assert len(codes) == len(set(codes)) == total
    prefixes = {code.rsplit("-", 1)[0] for code in codes}
    assert len(prefixes) == 1  # one unit, one local day
    assert sorted(int(code.rsplit("-", 1)[1]) for code in codes) == list(range(1, total + 1))
    assert Dossier.objects.count() == total
    assert DailySequence.objects.get(unit=world.unit).last == total


def test_a_doubled_submission_makes_one_dossier():
    # Given a citizen whose browser sends the same submission twice at the same instant
    world = world_create()
    procedure = procedure_create()

    def submit():
        return intake.dossier_submit_new(
            owner=world.citizen, procedure_version=procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant(),
            idempotency_key="nop-ho-so-7f3a")

    # When both requests run together
    results, failures = run_together([submit, submit])

    # Then both answer with the same dossier, submitted once, with one code taken
    assert failures == []
    assert len(results) == 2 and results[0].pk == results[1].pk
    assert results[0].code == results[1].code
    assert Dossier.objects.count() == 1
    assert DossierEvent.objects.count() == 2  # created, submitted
    assert DailySequence.objects.get(unit=world.unit).last == 1


def test_many_retries_of_a_submission_make_one_dossier():
    world = world_create()
    procedure = procedure_create()

    def submit():
        return intake.dossier_submit_new(
            owner=world.citizen, procedure_version=procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant(), idempotency_key="k-many")

    results, failures = run_together([submit] * 8)
    assert failures == []
    assert len({dossier.pk for dossier in results}) == 1
    assert Dossier.objects.count() == 1

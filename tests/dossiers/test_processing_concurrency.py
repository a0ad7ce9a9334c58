"""Two people act on the same dossier at the same moment (PostgreSQL, real row locks): exactly
one succeeds, the other is told in Vietnamese that the dossier was already handled, and only
one event is written."""

import threading

import pytest
from django.db import connection

from motcua.dossiers.errors import ActionNotAllowed, StaleDossier
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import DossierEvent, DossierResult
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from tests.dossiers.processing_support import fresh
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*attempts):
    """Run the attempts in threads released together; returns what each returned or raised."""
    barrier = threading.Barrier(len(attempts))
    outcomes = [None] * len(attempts)

    def run(index, attempt):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = attempt()
        except Exception as error:  # the outcome under test
            outcomes[index] = error
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _one_won(outcomes, *, refused_with=(ActionNotAllowed, StaleDossier)):
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == len(outcomes) - 1, outcomes
    assert all(isinstance(error, refused_with) for error in refused), refused
    return refused[0]


def test_two_desk_officers_forward_at_once(world, five_day_procedure, travel):
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure)
    colleague = StaffFactory(desk_officer=True, unit=world.unit)

    outcomes = _race(lambda: P.dossier_forward(dossier=dossier, actor=world.desk_officer),
                     lambda: P.dossier_forward(dossier=dossier, actor=colleague))

    error = _one_won(outcomes)
    assert isinstance(error, ActionNotAllowed)  # the second saw it already in processing
    assert "Đang xử lý" in error.text
    assert DossierEvent.objects.filter(dossier=dossier, action=Action.FORWARD).count() == 1
    dossier = fresh(dossier)
    assert dossier.status == Status.PROCESSING
    assert dossier.version == 2  # received (1), forwarded (2): nothing overwritten


def test_two_leaders_approve_at_once(world, five_day_procedure, travel):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure)
    deputy = StaffFactory(leader=True, unit=world.unit)
    version = dossier.version

    def approve(leader, name):
        return P.dossier_approve(dossier=dossier, actor=leader, expected_version=version,
                                 results=[ResultData(name=name)])

    outcomes = _race(lambda: approve(world.leader, "Bản của chủ tịch"),
                     lambda: approve(deputy, "Bản của phó chủ tịch"))

    error = _one_won(outcomes)
    assert isinstance(error, StaleDossier)
    assert error.code == "dossier_changed" and "người khác xử lý" in error.text
    assert DossierEvent.objects.filter(dossier=dossier, action=Action.APPROVE).count() == 1
    assert DossierResult.objects.filter(dossier=dossier).count() == 1
    assert fresh(dossier).status == Status.RESULT_READY


def test_two_leaders_assign_different_specialists_from_the_same_page(world, five_day_procedure,
                                                                     travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    deputy = StaffFactory(leader=True, unit=world.unit)
    other = StaffFactory(specialist=True, unit=world.unit)
    version = dossier.version

    outcomes = _race(
        lambda: P.dossier_assign(dossier=dossier, actor=world.leader, handler=world.specialist,
                                 expected_version=version),
        lambda: P.dossier_assign(dossier=dossier, actor=deputy, handler=other,
                                 expected_version=version),
    )

    _one_won(outcomes, refused_with=(StaleDossier,))
    winner = next(o for o in outcomes if not isinstance(o, Exception))
    dossier = fresh(dossier)
    assert dossier.handler == winner.handler
    assert dossier.events.filter(action=Action.ASSIGN).count() == 2  # dossier_in's and the winner's


def test_the_citizen_withdraws_while_the_leader_approves(world, five_day_procedure, travel):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure,
                         owner=world.citizen)

    outcomes = _race(
        lambda: P.dossier_approve(dossier=dossier, actor=world.leader,
                                  results=[ResultData(name="Giấy chứng nhận")]),
        lambda: P.dossier_request_withdrawal(dossier=dossier, actor=world.citizen,
                                             reason="Không cần nữa"),
    )

    _one_won(outcomes, refused_with=(ActionNotAllowed,))
    dossier = fresh(dossier)
    assert dossier.status in {Status.RESULT_READY, Status.WITHDRAWAL_REQUESTED}
    latest = dossier.events.order_by("-id").first()
    assert latest.to_status == dossier.status
    raced = [Action.APPROVE, Action.REQUEST_WITHDRAWAL]
    assert dossier.events.filter(action__in=raced).count() == 1

"""Deadline alerts to officers: queued once a day per dossier and person, by the scheduler."""

from datetime import timedelta

import pytest

from motcua.dossiers.statuses import Status
from motcua.notify.alerts import acceptance_alerts_queue, deadline_alerts_queue
from motcua.outbox.models import OutboxMessage
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def processing(world, five_day_procedure, travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    assert dossier.handler_id is not None
    return dossier


def alerts(kind: str):
    return OutboxMessage.objects.filter(topic="notify.staff", key__startswith=f"alert:{kind}:")


def test_a_handler_hears_once_a_day_when_a_working_day_is_left(processing, travel):
    travel(processing.due_at - timedelta(hours=2))

    assert deadline_alerts_queue() == 1
    assert deadline_alerts_queue() == 0  # the scheduler ran again the same day
    (alert,) = alerts("deadline")
    assert alert.payload == {"dossier_id": processing.pk, "user_id": processing.handler_id,
                             "kind": "deadline"}

    travel(processing.due_at + timedelta(days=1))  # overdue the next day: told again
    assert deadline_alerts_queue() == 1


def test_no_alert_while_more_than_a_working_day_is_left(processing, travel):
    travel(processing.due_at - timedelta(days=5))  # Wednesday: 3 working days left

    assert deadline_alerts_queue() == 0


def test_the_desk_hears_of_online_dossiers_close_to_their_acceptance_deadline(
        world, five_day_procedure, travel):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    travel(dossier.acceptance_due_at - timedelta(hours=3))
    assert acceptance_alerts_queue() == 0

    travel(dossier.acceptance_due_at - timedelta(hours=1))

    assert acceptance_alerts_queue() == 1
    (alert,) = alerts("acceptance")
    assert alert.payload["user_id"] == world.desk_officer.pk

"""System administrators see what background work failed and retry it; nobody else sees it."""

import pytest

from motcua.core.clock import now
from motcua.outbox.models import OutboxMessage
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/outbox/outboxmessage/"


@pytest.fixture
def failed(db):
    return OutboxMessage.objects.create(
        topic="notify.dossier", key="notify:1", payload={}, state=OutboxMessage.State.FAILED,
        attempts=8, next_attempt_at=now(), created_at=now(), last_error="OSError: SMTP down")


def staff(**trait):
    return StaffFactory(is_staff=True, unit=UnitFactory(), **trait)


def test_a_system_administrator_sees_why_it_failed_and_retries_it(client, failed):
    client.force_login(staff(system_admin=True))

    page = client.get(LIST + "?state__exact=failed")
    assert page.status_code == 200
    assert "OSError: SMTP down" in page.content.decode()

    response = client.post(LIST, {"action": "retry", "_selected_action": [failed.pk]})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.state == OutboxMessage.State.PENDING
    assert failed.attempts == 0


def test_a_desk_officer_does_not_see_the_outbox(client, failed):
    client.force_login(staff(desk_officer=True))

    assert client.get(LIST).status_code == 403
    client.post(LIST, {"action": "retry", "_selected_action": [failed.pk]})
    failed.refresh_from_db()
    assert failed.state == OutboxMessage.State.FAILED

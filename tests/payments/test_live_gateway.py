"""The whole protocol over real HTTP both ways: the fake gateway notifies the live server's IPN
endpoint itself, on time, twice, late, or with a failure after the success."""

import time

import pytest

from motcua.dossiers.models import Dossier
from motcua.payments.models import Payment, PaymentStatus
from tests.payments.conftest import gateway_choose, start_payment

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_fake(fake, live_server):
    fake.ipn_url = f"{live_server.url}/thanh-toan/ipn/"
    fake.faults = set()
    return fake


def _wait_paid(payment, seconds=5.0) -> Payment:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        payment.refresh_from_db()
        if payment.status == PaymentStatus.PAID:
            break
        time.sleep(0.05)
    return payment


@pytest.mark.parametrize(("faults", "answers"), [
    (set(), ["00"]),
    ({"duplicate_ipn"}, ["00", "02"]),
    ({"failed_after_paid"}, ["00", "02"]),
    ({"late_ipn"}, ["00"]),
])
def test_the_gateway_notifies_the_site_and_it_counts_once(citizen_client, dossier, live_fake,
                                                          faults, answers):
    live_fake.faults = faults
    gateway_choose(start_payment(citizen_client, dossier))
    live_fake.wait_for_notifications()

    payment = _wait_paid(Payment.objects.get(dossier=dossier))

    assert [entry["answer"]["RspCode"] for entry in live_fake.ipn_log] == answers
    assert payment.status == PaymentStatus.PAID
    assert Dossier.objects.get(pk=dossier.pk).fee_paid == dossier.fee_due


def test_the_citizen_returning_before_a_late_ipn_sees_the_same_result(
        citizen_client, dossier, live_fake):
    live_fake.faults = {"late_ipn"}
    return_path = gateway_choose(start_payment(citizen_client, dossier))

    page = citizen_client.get(return_path).content.decode()
    live_fake.wait_for_notifications()

    assert "Đã thanh toán" in page
    assert [entry["answer"]["RspCode"] for entry in live_fake.ipn_log] == ["02"]
    assert Dossier.objects.get(pk=dossier.pk).fee_paid == dossier.fee_due


@pytest.mark.postgres
def test_two_notifications_at_the_same_instant_count_once(citizen_client, dossier, fake):
    """Two IPN deliveries racing in two database sessions: the row locks let one through."""
    import threading

    from django.db import connection

    from motcua.payments import services

    gateway_choose(start_payment(citizen_client, dossier))
    params = fake.signed_result(Payment.objects.get(dossier=dossier).reference)
    answers, barrier = [], threading.Barrier(2)

    def deliver():
        barrier.wait()
        answers.append(services.payment_confirm(params).code)
        connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert sorted(answers) == ["00", "02"]
    assert Dossier.objects.get(pk=dossier.pk).fee_paid == dossier.fee_due

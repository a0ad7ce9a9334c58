"""When the notification never comes (reconciliation with querydr), when the gateway is down,
and refunds."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from motcua.core import clock
from motcua.dossiers.models import Dossier
from motcua.payments import services
from motcua.payments.gateway import UNAVAILABLE, GatewayError
from motcua.payments.models import Payment, PaymentStatus, Refund, RefundStatus
from tests.payments.conftest import gateway_choose, start_payment


def _fee_paid(dossier) -> int:
    return Dossier.objects.get(pk=dossier.pk).fee_paid


@pytest.fixture
def paid_without_notice(citizen_client, dossier, fake):
    """The citizen paid on the gateway, but neither the IPN nor the browser came back."""
    gateway_choose(start_payment(citizen_client, dossier))
    return Payment.objects.get(dossier=dossier)


def test_a_lost_notification_is_found_by_reconciliation(paid_without_notice, dossier):
    assert paid_without_notice.status == PaymentStatus.PENDING

    counts = services.payments_reconcile_pending(older_than=timedelta(0))

    assert counts == {"paid": 1}
    paid_without_notice.refresh_from_db()
    assert paid_without_notice.status == PaymentStatus.PAID
    assert _fee_paid(dossier) == dossier.fee_due
    # A second run finds nothing left to do and counts nothing again.
    assert services.payments_reconcile_pending(older_than=timedelta(0)) == {}
    assert _fee_paid(dossier) == dossier.fee_due


def test_reconciliation_waits_for_young_payments(paid_without_notice):
    assert services.payments_reconcile_pending(older_than=timedelta(minutes=15)) == {}


def test_the_command_reconciles(paid_without_notice):
    out = StringIO()
    call_command("payments_reconcile", "--older-than", "0", stdout=out)
    assert "paid: 1" in out.getvalue()


def test_an_order_the_gateway_never_saw_expires_after_its_deadline(citizen_client, dossier, fake):
    start_payment(citizen_client, dossier)  # the citizen never opens the gateway's page
    payment = Payment.objects.get(dossier=dossier)
    assert services.payment_reconcile(payment=payment).status == PaymentStatus.PENDING

    with time_machine.travel(clock.now() + timedelta(minutes=16)):
        assert services.payment_reconcile(payment=payment).status == PaymentStatus.EXPIRED


@pytest.mark.parametrize("fault", ["error_500", "timeout"])
def test_a_failing_gateway_leaves_the_payment_pending_with_a_clear_message(
        paid_without_notice, fake, fault):
    fake.faults = {fault}

    with pytest.raises(GatewayError) as failure:
        services.payment_reconcile(payment=paid_without_notice)

    assert str(failure.value.message) == str(UNAVAILABLE)
    assert "không cần thanh toán lại" in str(failure.value.message)
    paid_without_notice.refresh_from_db()
    assert paid_without_notice.status == PaymentStatus.PENDING
    assert services.payments_reconcile_pending(older_than=timedelta(0)) == {"errors": 1}


def test_an_answer_with_a_bad_signature_is_not_trusted(paid_without_notice, fake, settings):
    settings.MOTCUA_PAYMENT_SECRET = "not-the-gateway-secret"
    with pytest.raises(GatewayError):
        services.payment_reconcile(payment=paid_without_notice)


def test_the_pending_payment_shows_on_the_fee_page(citizen_client, paid_without_notice, dossier):
    page = citizen_client.get(f"/thanh-toan/ho-so/{dossier.code}/").content.decode()
    assert "Đang chờ kết quả từ cổng thanh toán." in page


@pytest.fixture
def paid(paid_without_notice):
    services.payments_reconcile_pending(older_than=timedelta(0))
    paid_without_notice.refresh_from_db()
    return paid_without_notice


def test_the_desk_refunds_a_payment(paid, dossier, world, fake):
    refund = services.payment_refund(payment=paid, actor=world.desk_officer,
                                     reason="Hồ sơ bị từ chối tiếp nhận")

    assert refund.status == RefundStatus.DONE and refund.amount == paid.amount
    assert _fee_paid(dossier) == 0
    sent = fake.api_log[-1]
    assert sent["vnp_Command"] == "refund" and sent["vnp_TransactionType"] == "02"
    assert sent["vnp_Amount"] == str(paid.amount * 100)


def test_a_partial_refund_and_no_more_than_was_paid(paid, dossier, world, fake):
    services.payment_refund(payment=paid, actor=world.desk_officer, reason="Hoàn một phần",
                            amount=2_000)
    assert _fee_paid(dossier) == dossier.fee_due - 2_000
    assert fake.api_log[-1]["vnp_TransactionType"] == "03"

    with pytest.raises(services.PaymentError):
        services.payment_refund(payment=paid, actor=world.desk_officer, reason="Quá nhiều",
                                amount=paid.amount)
    assert Refund.objects.filter(payment=paid).count() == 1


def test_a_refund_the_gateway_cannot_take_records_nothing(paid, world, fake, dossier):
    fake.faults = {"error_500"}
    with pytest.raises(GatewayError):
        services.payment_refund(payment=paid, actor=world.desk_officer, reason="Thử")
    assert not Refund.objects.exists() and _fee_paid(dossier) == dossier.fee_due


def test_a_citizen_cannot_refund(paid, world):
    with pytest.raises(PermissionDenied):
        services.payment_refund(payment=paid, actor=world.citizen, reason="Tôi muốn hoàn")


def test_only_a_paid_payment_is_refunded(paid_without_notice, world):
    with pytest.raises(services.PaymentError):
        services.payment_refund(payment=paid_without_notice, actor=world.desk_officer,
                                reason="Chưa thanh toán")

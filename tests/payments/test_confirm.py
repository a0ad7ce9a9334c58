"""Paying a dossier's fees through the fake gateway: the citizen's browser round trip, the
gateway's notification (IPN) and what can go wrong with it."""

from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.payments.models import Payment, PaymentStatus
from tests.payments.conftest import gateway_choose, start_payment

IPN = "/thanh-toan/ipn/"


def _fee_paid(dossier) -> int:
    return Dossier.objects.get(pk=dossier.pk).fee_paid


def test_the_fee_is_due_and_payable_online(citizen_client, dossier):
    assert dossier.fee_due > 0 and dossier.fee_paid == 0
    page = citizen_client.get(reverse("payments:dossier", args=[dossier.code])).content.decode()
    assert "Thanh toán trực tuyến" in page
    assert "Còn phải nộp" in page


def test_paying_and_coming_back_marks_the_payment_paid(citizen_client, dossier, fake):
    return_path = gateway_choose(start_payment(citizen_client, dossier))

    page = citizen_client.get(return_path).content.decode()

    assert "Đã thanh toán" in page
    payment = Payment.objects.get(dossier=dossier)
    assert payment.status == PaymentStatus.PAID and payment.gateway_transaction_no
    assert _fee_paid(dossier) == dossier.fee_due == payment.amount
    assert reverse("payments:receipt", args=[payment.reference]) in page


def test_the_ipn_confirms_once_and_a_replay_counts_nothing(citizen_client, dossier, fake):
    start_payment_and_pay = gateway_choose(start_payment(citizen_client, dossier))
    assert start_payment_and_pay
    payment = Payment.objects.get(dossier=dossier)
    params = fake.signed_result(payment.reference)

    first = citizen_client.get(IPN, params).json()
    second = citizen_client.get(IPN, params).json()

    assert first == {"RspCode": "00", "Message": "Confirm Success"}
    assert second == {"RspCode": "02", "Message": "Order already confirmed"}
    assert _fee_paid(dossier) == dossier.fee_due


def test_the_browser_return_after_the_ipn_does_not_count_twice(citizen_client, dossier, fake):
    return_path = gateway_choose(start_payment(citizen_client, dossier))
    payment = Payment.objects.get(dossier=dossier)
    citizen_client.get(IPN, fake.signed_result(payment.reference))

    page = citizen_client.get(return_path).content.decode()

    assert "Đã thanh toán" in page
    assert _fee_paid(dossier) == dossier.fee_due


def test_a_failure_arriving_after_the_success_is_ignored(citizen_client, dossier, fake):
    gateway_choose(start_payment(citizen_client, dossier))
    payment = Payment.objects.get(dossier=dossier)
    citizen_client.get(IPN, fake.signed_result(payment.reference))

    late = citizen_client.get(IPN, fake.signed_result(payment.reference, code="99")).json()

    assert late["RspCode"] == "02"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert _fee_paid(dossier) == dossier.fee_due


def test_an_amount_that_differs_from_the_order_is_refused(citizen_client, dossier, fake):
    gateway_choose(start_payment(citizen_client, dossier))
    payment = Payment.objects.get(dossier=dossier)
    wrong = fake.signed_result(payment.reference, vnp_Amount="100000")  # 1.000 đ, signed

    answer = citizen_client.get(IPN, wrong).json()

    assert answer == {"RspCode": "04", "Message": "Invalid amount"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert _fee_paid(dossier) == 0


def test_tampered_parameters_are_refused_by_the_ipn_and_the_return_page(
        citizen_client, dossier, fake):
    return_path = gateway_choose(start_payment(citizen_client, dossier))
    payment = Payment.objects.get(dossier=dossier)
    tampered = {**fake.signed_result(payment.reference), "vnp_Amount": "100"}

    answer = citizen_client.get(IPN, tampered).json()
    page = citizen_client.get(return_path.replace("vnp_ResponseCode=00",
                                                  "vnp_ResponseCode=24"))

    assert answer == {"RspCode": "97", "Message": "Invalid Checksum"}
    assert page.status_code == 400
    assert "sai chữ ký" in page.content.decode()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING and _fee_paid(dossier) == 0


def test_an_unknown_order_is_not_found(citizen_client, dossier, fake):
    gateway_choose(start_payment(citizen_client, dossier))
    payment = Payment.objects.get(dossier=dossier)
    Payment.objects.filter(pk=payment.pk).update(reference="OTHER")

    answer = citizen_client.get(IPN, fake.signed_result(payment.reference)).json()

    assert answer == {"RspCode": "01", "Message": "Order not Found"}


def test_cancelling_on_the_gateway_says_so_and_counts_nothing(citizen_client, dossier, fake):
    return_path = gateway_choose(start_payment(citizen_client, dossier), action="cancel")

    page = citizen_client.get(return_path).content.decode()

    assert "Đã hủy thanh toán" in page and "Bạn đã hủy giao dịch." in page
    assert Payment.objects.get(dossier=dossier).status == PaymentStatus.CANCELLED
    assert _fee_paid(dossier) == 0
    again = citizen_client.get(reverse("payments:dossier", args=[dossier.code]))
    assert "Thanh toán trực tuyến" in again.content.decode()


def test_the_gateway_receives_the_amount_times_100_and_a_signed_url(citizen_client, dossier,
                                                                     fake):
    url = start_payment(citizen_client, dossier)

    assert f"vnp_Amount={dossier.fee_due * 100}&" in url
    assert "vnp_Command=pay" in url and "vnp_SecureHash=" in url
    assert "vnp_ReturnUrl=http%3A%2F%2Ftestserver%2Fthanh-toan%2Fket-qua%2F" in url

"""Who sees the fee page and the receipt, what the receipt says, and the partial other pages
include."""

from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from motcua.dossiers.statuses import Status
from motcua.payments import services
from motcua.payments.models import Payment
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.dossiers import dossier_in, procedure_create
from tests.payments.conftest import gateway_choose, start_payment


@pytest.fixture
def paid(citizen_client, dossier, fake, frozen_now):
    gateway_choose(start_payment(citizen_client, dossier))
    services.payments_reconcile_pending(older_than=timedelta(0))
    return Payment.objects.get(dossier=dossier)


def test_another_citizen_gets_404_on_the_fee_page_and_cannot_pay(client, dossier):
    client.force_login(CitizenFactory())
    url = reverse("payments:dossier", args=[dossier.code])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Payment.objects.exists()


def test_staff_get_404_on_the_fee_page_it_is_the_owners(client, dossier, world):
    client.force_login(world.desk_officer)
    assert client.get(reverse("payments:dossier", args=[dossier.code])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, dossier):
    response = client.get(reverse("payments:dossier", args=[dossier.code]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_the_receipt_says_what_was_paid_for_and_when(citizen_client, paid, dossier, world):
    page = citizen_client.get(reverse("payments:receipt", args=[paid.reference]))
    text = page.content.decode()

    assert page.status_code == 200
    assert "Biên lai thu phí, lệ phí điện tử" in text and "Đã thanh toán" in text
    assert paid.reference in text and dossier.code in text
    assert dossier.procedure_version.name in text
    assert world.citizen.full_name in text
    assert "10.000 đ" in text and "Mười nghìn đồng" in text
    assert "26/11/2026 09:00" in text  # the gateway's pay date, in Vietnam's time
    assert paid.gateway_transaction_no in text


def test_staff_who_may_see_the_dossier_see_the_receipt_others_do_not(client, paid, world):
    url = reverse("payments:receipt", args=[paid.reference])
    client.force_login(world.desk_officer)
    assert client.get(url).status_code == 200
    client.force_login(StaffFactory())  # staff of another unit
    assert client.get(url).status_code == 404
    client.force_login(CitizenFactory())
    assert client.get(url).status_code == 404


def test_an_unpaid_payment_has_no_receipt(citizen_client, dossier, fake):
    start_payment(citizen_client, dossier)
    payment = Payment.objects.get(dossier=dossier)
    assert citizen_client.get(
        reverse("payments:receipt", args=[payment.reference])).status_code == 404


def test_a_dossier_without_fees_has_nothing_to_pay(client, world):
    free = dossier_in(Status.SUBMITTED, procedure=procedure_create("same_day"), world=world)
    client.force_login(world.citizen)
    url = reverse("payments:dossier", args=[free.code])

    page = client.get(url).content.decode()
    refused = client.post(url)

    assert free.fee_due == 0
    assert "không phải nộp phí, lệ phí" in page
    assert "Thanh toán trực tuyến" not in page
    assert refused.status_code == 409
    assert "không còn phí, lệ phí phải nộp" in refused.content.decode()
    assert not Payment.objects.exists()


def test_once_paid_the_page_offers_the_receipt_not_another_payment(citizen_client, paid, dossier):
    page = citizen_client.get(reverse("payments:dossier", args=[dossier.code])).content.decode()
    assert "Đã thanh toán" in page
    assert reverse("payments:receipt", args=[paid.reference]) in page
    assert 'type="submit"' not in page.split('id="main"')[1]


def _partial(dossier, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("payments/partials/fee_status.html", {"dossier": dossier},
                            request=request)


def test_the_partial_offers_payment_to_the_owner_only(dossier, world):
    owner_view = _partial(dossier, world.citizen)
    staff_view = _partial(dossier, world.desk_officer)

    assert "10.000 đ" in owner_view and "Thanh toán trực tuyến" in owner_view
    assert reverse("payments:dossier", args=[dossier.code]) in owner_view
    assert "10.000 đ" in staff_view and "Thanh toán trực tuyến" not in staff_view


def test_the_partial_links_the_receipt_once_paid(paid, dossier, world):
    dossier.refresh_from_db()
    html = _partial(dossier, world.desk_officer)
    assert "Đã thanh toán" in html
    assert reverse("payments:receipt", args=[paid.reference]) in html


def test_the_partial_for_a_counter_dossier_says_to_pay_at_the_desk(world):
    counter = dossier_in(Status.RECEIVED, procedure=procedure_create("five_day"), world=world,
                         owner=world.citizen)
    html = _partial(counter, world.citizen)
    assert counter.fee_due == 10_000 and counter.fee_paid == 0
    assert "Nộp phí, lệ phí tại Bộ phận Một cửa" in html
    assert "Thanh toán trực tuyến" not in html

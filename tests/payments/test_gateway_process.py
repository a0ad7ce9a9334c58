"""The fake gateway as the demo runs it — its own process (`motcua fake_gateway`) — takes a
payment and notifies the site over loopback, with duplicated notifications counted once."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from motcua.dossiers.models import Dossier
from motcua.payments import fake_gateway
from motcua.payments.models import Payment, PaymentStatus
from tests.payments.conftest import SECRET, TMN, gateway_choose, start_payment

pytestmark = pytest.mark.django_db(transaction=True)
MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_listening(port: int, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"the fake gateway did not start on port {port}")


@pytest.fixture
def gateway_process(live_server, settings):
    port = free_port()
    env = {**os.environ, "MOTCUA_PAYMENT_TMN_CODE": TMN, "MOTCUA_PAYMENT_SECRET": SECRET}
    process = subprocess.Popen(
        [sys.executable, str(MANAGE), "fake_gateway", "--port", str(port),
         "--ipn-url", f"{live_server.url}/thanh-toan/ipn/", "--faults", "duplicate_ipn"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_listening(port)
        base = f"http://127.0.0.1:{port}"
        settings.MOTCUA_PAYMENT_URL = base + fake_gateway.PAY_PATH
        settings.MOTCUA_PAYMENT_API_URL = base + fake_gateway.API_PATH
        settings.MOTCUA_PAYMENT_TMN_CODE = TMN
        settings.MOTCUA_PAYMENT_SECRET = SECRET
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_payment_through_the_gateway_process_is_counted_once(citizen_client, dossier,
                                                               gateway_process):
    gateway_choose(start_payment(citizen_client, dossier))

    deadline = time.monotonic() + 10
    payment = Payment.objects.get(dossier=dossier)
    while payment.status != PaymentStatus.PAID and time.monotonic() < deadline:
        time.sleep(0.1)
        payment.refresh_from_db()

    assert payment.status == PaymentStatus.PAID
    time.sleep(1)  # the duplicated notification arrives too
    assert Dossier.objects.get(pk=dossier.pk).fee_paid == dossier.fee_due
    assert Payment.objects.filter(dossier=dossier, status=PaymentStatus.PAID).count() == 1

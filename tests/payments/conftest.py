"""Payments tests: a fake gateway serving real HTTP on an ephemeral loopback port, pointed at by
the `MOTCUA_PAYMENT_*` settings, and a citizen's submitted online dossier with a fee."""

import re
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest

from motcua.dossiers.statuses import Status
from motcua.payments import fake_gateway
from tests.factories.dossiers import dossier_in, procedure_create, world_create

SECRET = "test-secret-for-payments"
TMN = "TESTMC01"


@pytest.fixture
def fake(settings):
    """The fake gateway, running; its IPN goes nowhere until a test points it somewhere
    (by default the notification is "lost": tests deliver it through the test client)."""
    gateway = fake_gateway.FakeGateway(tmn_code=TMN, secret=SECRET, ipn_url="",
                                       ipn_delay=0.3, hang_seconds=1.5)
    gateway.faults = {"lose_ipn"}
    with fake_gateway.running(gateway) as base:
        settings.MOTCUA_PAYMENT_URL = base + fake_gateway.PAY_PATH
        settings.MOTCUA_PAYMENT_API_URL = base + fake_gateway.API_PATH
        settings.MOTCUA_PAYMENT_TMN_CODE = TMN
        settings.MOTCUA_PAYMENT_SECRET = SECRET
        settings.MOTCUA_PAYMENT_TIMEOUT = 0.5
        gateway.base_url = base
        yield gateway


@pytest.fixture
def world(db):
    return world_create()


@pytest.fixture
def dossier(world):
    """Submitted online by the world's citizen, with the procedure's 10.000 đ levy due."""
    return dossier_in(Status.SUBMITTED, procedure=procedure_create("five_day"), world=world)


@pytest.fixture
def citizen_client(client, world):
    client.force_login(world.citizen)
    return client


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def gateway_choose(pay_url: str, action: str = "pay") -> str:
    """Be the citizen's browser on the gateway: open the payment page, press "Thanh toán"
    (or "Hủy"); returns the return URL the gateway redirects to (path and query)."""
    with urllib.request.urlopen(pay_url, timeout=5) as response:
        page = response.read().decode()
    assert "Thanh toán" in page and "Hủy" in page
    reference = re.search(r'name="vnp_TxnRef" value="([^"]+)"', page).group(1)
    base = "{0.scheme}://{0.netloc}".format(urlsplit(pay_url))
    opener = urllib.request.build_opener(_NoRedirect)
    data = urlencode({"vnp_TxnRef": reference, "action": action}).encode()
    try:
        opener.open(base + fake_gateway.SUBMIT_PATH, data=data, timeout=10)
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 302
        parts = urlsplit(redirect.headers["Location"])
        return f"{parts.path}?{parts.query}"
    raise AssertionError("the gateway did not redirect back")


def start_payment(client, dossier) -> str:
    """Press "Thanh toán trực tuyến" on the dossier's fee page; returns the gateway URL."""
    response = client.post(f"/thanh-toan/ho-so/{dossier.code}/")
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]

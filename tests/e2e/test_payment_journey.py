"""Issue #4, journey 5: a citizen pays the fee of a submitted online dossier. From the
dossier's fee page to the (fake) gateway's page, "Thanh toán", back to the site, the receipt
with the amount and "Đã thanh toán" — at a phone's width. The gateway also notifies the site
server-to-server over real HTTP, and the fee is counted once."""

import pytest
from playwright.sync_api import expect

from motcua.catalog.content import FeeRule
from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Status
from motcua.payments import fake_gateway
from tests.e2e.session import sign_in
from tests.factories.catalog import ProcedureFactory
from tests.factories.dossiers import dossier_in, world_create

pytestmark = pytest.mark.e2e




@pytest.fixture
def gateway(live_server, settings):
    fake = fake_gateway.FakeGateway(tmn_code=settings.MOTCUA_PAYMENT_TMN_CODE,
                                    secret=settings.MOTCUA_PAYMENT_SECRET,
                                    ipn_url=f"{live_server.url}/thanh-toan/ipn/")
    with fake_gateway.running(fake) as base:
        settings.MOTCUA_PAYMENT_URL = base + fake_gateway.PAY_PATH
        settings.MOTCUA_PAYMENT_API_URL = base + fake_gateway.API_PATH
        yield fake


@pytest.fixture
def dossier(transactional_db):
    procedure = ProcedureFactory(online_partial=True,
                                 fees=(FeeRule("Lệ phí cấp bản sao trích lục", "le_phi", 8_000),))
    return dossier_in(Status.SUBMITTED, procedure=procedure, world=world_create())


def test_a_citizen_pays_the_fee_and_gets_the_receipt(page, context, live_server, gateway,
                                                      dossier, screenshot, console_errors):
    assert dossier.fee_due == 8_000
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(context, live_server, dossier.owner)

    page.goto(f"{live_server.url}/thanh-toan/ho-so/{dossier.code}/")
    expect(page.get_by_role("heading", name="Thanh toán phí, lệ phí")).to_be_visible()
    expect(page.locator(".fee-status")).to_contain_text("8.000 đ")
    screenshot("1-fees-due-375")
    page.get_by_role("button", name="Thanh toán trực tuyến").click()

    # The gateway's own page, in another origin: the amount and its two buttons.
    expect(page.locator("#amount")).to_have_text("8.000 đ")
    screenshot("2-gateway-375")
    page.get_by_role("button", name="Thanh toán", exact=True).click()

    expect(page.get_by_role("heading", name="Đã thanh toán")).to_be_visible()
    screenshot("3-result-375")
    page.get_by_role("link", name="Xem biên lai điện tử").click()

    receipt = page.locator(".receipt")
    expect(receipt).to_contain_text("Biên lai thu phí, lệ phí điện tử")
    expect(receipt).to_contain_text("Đã thanh toán")
    expect(receipt).to_contain_text("8.000 đ")
    expect(receipt).to_contain_text("Tám nghìn đồng")
    expect(receipt).to_contain_text(dossier.code)
    screenshot("4-receipt-375")

    assert [entry["answer"]["RspCode"] for entry in gateway.ipn_log] == ["00"]
    assert Dossier.objects.get(pk=dossier.pk).fee_paid == 8_000
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []

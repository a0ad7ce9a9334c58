"""One commune with every kind of page filled: a citizen's draft and dossiers in the states the
citizen's pages need, the desk's and the processing officers' work, a paid fee with its receipt.
`pages` (tests/quality/pages.py) names every page and who opens it."""

from datetime import timedelta

import pytest
from django.test import Client

from motcua.dossiers.statuses import Channel, Status
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in, procedure_create, vn, world_create


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clock():
    """Monday 09/03/2026 10:00 in Vietnam, a working day."""
    import time_machine

    with time_machine.travel(vn(2026, 3, 9, 10), tick=False):
        yield


class Site:
    """What the pages show: filled lazily, so a test builds only the dossiers it opens."""

    def __init__(self, settings):
        self.settings = settings
        self.world = world_create(unit=UnitFactory(with_desk=True, name="UBND xã Chất Lượng"))
        self.procedure = procedure_create("five_day")
        self._made: dict[str, object] = {}
        self._last = None

    def _once(self, key, make):
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def dossier(self, status: Status, channel: Channel = Channel.ONLINE):
        made = self._once(("dossier", status, channel), lambda: dossier_in(
            status, channel=channel, world=self.world, procedure=self.procedure))
        self._last = made
        return made

    def last_dossier(self):
        """The dossier the page opened last, re-read (its version moves on)."""
        return type(self._last).objects.get(pk=self._last.pk)

    def client_for(self, who: str | None) -> Client:
        client = Client()
        if who is not None:
            client.force_login(getattr(self.world, who))
        return client


    def paid_reference(self) -> str:
        """A fee paid online through the fake gateway; returns the payment's reference."""
        return self._once("paid", self._pay)

    def _pay(self) -> str:
        from motcua.payments import fake_gateway, services
        from motcua.payments.models import Payment
        from tests.payments.conftest import SECRET, TMN, gateway_choose, start_payment

        gateway = fake_gateway.FakeGateway(tmn_code=TMN, secret=SECRET, ipn_url="",
                                           ipn_delay=0.3, hang_seconds=1.5)
        gateway.faults = {"lose_ipn"}
        dossier = self.dossier(Status.SUBMITTED)
        settings = self.settings
        with fake_gateway.running(gateway) as base:
            settings.MOTCUA_PAYMENT_URL = base + fake_gateway.PAY_PATH
            settings.MOTCUA_PAYMENT_API_URL = base + fake_gateway.API_PATH
            settings.MOTCUA_PAYMENT_TMN_CODE = TMN
            settings.MOTCUA_PAYMENT_SECRET = SECRET
            settings.MOTCUA_PAYMENT_TIMEOUT = 0.5
            gateway_choose(start_payment(self.client_for("citizen"), dossier))
            services.payments_reconcile_pending(older_than=timedelta(0))
        return Payment.objects.get(dossier=dossier).reference


@pytest.fixture
def site(db, settings) -> Site:
    return Site(settings)



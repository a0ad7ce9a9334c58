"""`motcua fake_gateway --port 8301`: run the fake payment gateway as its own process."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from motcua.payments import fake_gateway


class Command(BaseCommand):
    help = ("Chạy cổng thanh toán giả lập (giao thức kiểu VNPay) cho bản demo; không bao giờ "
            "dùng trong môi trường thật.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8301)
        parser.add_argument("--ipn-url", default="",
                            help="merchant IPN URL (default: MOTCUA_PAYMENT_IPN_BASE_URL + "
                                 "/thanh-toan/ipn/)")
        parser.add_argument("--faults", default="",
                            help="comma-separated faults: "
                                 + ", ".join(sorted(fake_gateway.FAULTS)))

    def handle(self, *args, host: str, port: int, ipn_url: str, faults: str, **options):
        ipn_url = ipn_url or settings.MOTCUA_PAYMENT_IPN_BASE_URL.rstrip("/") + reverse(
            "payments:ipn")
        gateway = fake_gateway.FakeGateway(
            tmn_code=settings.MOTCUA_PAYMENT_TMN_CODE, secret=settings.MOTCUA_PAYMENT_SECRET,
            ipn_url=ipn_url)
        gateway.faults = {name.strip() for name in faults.split(",") if name.strip()}
        unknown = gateway.faults - fake_gateway.FAULTS
        if unknown:
            self.stderr.write(f"unknown faults: {', '.join(sorted(unknown))}")
            return
        server = fake_gateway.make(gateway, host=host, port=port, quiet=False)
        self.stdout.write(f"fake gateway on http://{host}:{port}{fake_gateway.PAY_PATH}, "
                          f"IPN to {ipn_url}, faults: {sorted(gateway.faults) or 'none'}")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()

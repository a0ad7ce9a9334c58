import contextlib

from django.core.management.base import BaseCommand

from motcua.sync.fake_portal import FakePortal


class Command(BaseCommand):
    help = "Run the fake national-portal sync receiver on loopback (demo and manual tests)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8302)
        parser.add_argument("--token", default="")

    def handle(self, *args, port: int, token: str, **options):
        portal = FakePortal(token=token, port=port)
        self.stdout.write(f"fake national portal on {portal.url}")
        with contextlib.suppress(KeyboardInterrupt):
            portal.server.serve_forever()

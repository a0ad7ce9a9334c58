import contextlib

from django.conf import settings
from django.core.management.base import BaseCommand

from motcua.postal.fake_vnpost import FakeVNPost


class Command(BaseCommand):
    help = "Run the fake postal-service order API on loopback (demo and manual tests)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8303)
        parser.add_argument("--callback-url",
                            default="http://127.0.0.1:8000/buu-chinh/trang-thai/")

    def handle(self, *args, port: int, callback_url: str, **options):
        fake = FakeVNPost(callback_url=callback_url, port=port,
                          secret=settings.MOTCUA_VNPOST_CALLBACK_SECRET,
                          token=settings.MOTCUA_VNPOST_TOKEN)
        self.stdout.write(f"fake VNPost on {fake.url}")
        with contextlib.suppress(KeyboardInterrupt):
            fake.server.serve_forever()

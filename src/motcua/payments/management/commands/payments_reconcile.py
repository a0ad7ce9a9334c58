"""`motcua payments_reconcile`: ask the gateway about payments whose notification never came."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from motcua.payments.services import payments_reconcile_pending


class Command(BaseCommand):
    help = ("Đối soát các giao dịch thanh toán còn chờ quá N phút với cổng thanh toán "
            "(querydr).")

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=15,
                            help="minutes since the payment started (default 15)")

    def handle(self, *args, older_than: int, **options):
        counts = payments_reconcile_pending(older_than=timedelta(minutes=older_than))
        summary = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
        self.stdout.write(f"reconciled {sum(counts.values())} payment(s) {summary}".strip())

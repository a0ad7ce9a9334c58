import time

from django.core.management.base import BaseCommand

from motcua.outbox.periodic import JOBS, jobs_run_due


class Command(BaseCommand):
    help = ("Run the periodic jobs (outbox retries, deadline alerts, …) when they are due; "
            "several schedulers may run at once, each job still runs once per period.")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once and exit")
        parser.add_argument("--interval", type=float, default=10.0,
                            help="seconds between checks (default 10)")

    def handle(self, *args, once: bool, interval: float, **options):
        names = ", ".join(job.name for job in JOBS)
        self.stdout.write(f"scheduler: {names}")
        while True:
            for name in jobs_run_due():
                self.stdout.write(f"ran {name}")
            if once:
                return
            time.sleep(interval)

"""`motcua seed --dossiers N [--years 3] [--seed 42]`: sample history (motcua.reports.seeding)."""

import time

from django.core.management.base import BaseCommand

from motcua.reports.seeding import seed_dossiers


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: N hồ sơ với lịch sử xử lý trong các năm qua (đánh dấu là mẫu)."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, required=True)
        parser.add_argument("--years", type=int, default=3)
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, dossiers, years, seed, **options):
        started = time.perf_counter()
        result = seed_dossiers(n=dossiers, years=years, seed=seed,
                               progress=lambda m: self.stderr.write(f"  {m}"))
        took = time.perf_counter() - started
        self.stdout.write(f"{result.dossiers} hồ sơ mẫu trong {took:.0f} s: "
                          + ", ".join(f"{k} {v}" for k, v in sorted(result.counts.items())))

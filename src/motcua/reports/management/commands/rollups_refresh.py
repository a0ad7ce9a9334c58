"""`motcua rollups_refresh [--unit CODE] [--months N | --from YYYY-MM]`: recount the statistics
rollups. Default: every unit, this month and the previous one — what a periodic task runs so
that "in progress" figures follow the clock and ratings are counted."""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError

from motcua.agencies.models import Unit
from motcua.core.clock import local, now
from motcua.reports.rollups import months_between, rollup_refresh


class Command(BaseCommand):
    help = "Cập nhật số liệu tổng hợp thống kê theo tháng."

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="mã định danh (kèm các đơn vị cấp dưới)")
        parser.add_argument("--months", type=int, default=2, help="số tháng gần nhất")
        parser.add_argument("--from", dest="first", help="từ tháng YYYY-MM")

    def handle(self, *args, unit, months, first, **options):
        today = local(now()).date()
        if first:
            try:
                year, month = (int(p) for p in first.split("-"))
                start = date(year, month, 1)
            except ValueError:
                raise CommandError("--from: YYYY-MM") from None
        else:
            start = today.replace(day=1)
            for _ in range(months - 1):
                start = start.replace(day=1) - timedelta(days=1)
            start = start.replace(day=1)
        unit_ids = None
        if unit:
            found = Unit.objects.filter(code=unit).first()
            if found is None:
                raise CommandError(f"Không có đơn vị mã {unit}")
            unit_ids = list(Unit.objects.filter(path__startswith=found.path)
                            .values_list("pk", flat=True))
        written = rollup_refresh(unit_ids=unit_ids, months=months_between(start, today))
        self.stdout.write(f"{written} dòng tổng hợp")

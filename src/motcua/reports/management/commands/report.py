"""`motcua report bieu06 --unit CODE --from DATE --to DATE --xlsx FILE`: Biểu số 06 as Excel,
the same file the page's download gives (motcua.reports.excel)."""

from datetime import date, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.agencies.models import AdministrativeLevel, Unit
from motcua.catalog.models import Field
from motcua.reports.bieu06 import bieu06_report
from motcua.reports.excel import bieu06_workbook
from motcua.reports.periods import Period


def parse_day(text: str) -> date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise CommandError(f"Ngày không hợp lệ: {text} (dd/mm/yyyy hoặc yyyy-mm-dd)")


def _one(model, code: str | None):
    if code is None:
        return None
    found = model.objects.filter(code=code).first()
    if found is None:
        raise CommandError(f"Không có {model._meta.verbose_name} mã {code}")
    return found


class Command(BaseCommand):
    help = "Xuất báo cáo định kỳ (Biểu số 06, TT 01/2020/TT-VPCP) ra tệp Excel."

    def add_arguments(self, parser):
        parser.add_argument("form", choices=["bieu06"])
        parser.add_argument("--unit", required=True, help="mã định danh của đơn vị")
        parser.add_argument("--from", dest="first", required=True)
        parser.add_argument("--to", dest="last", required=True)
        parser.add_argument("--xlsx", required=True, help="tệp Excel để ghi")
        parser.add_argument("--receiver", default="", help="đơn vị nhận báo cáo")
        parser.add_argument("--field", help="mã lĩnh vực (mặc định: tất cả)")
        parser.add_argument("--level", help="mã cấp thực hiện, ví dụ xa, tinh")

    def handle(self, *args, form, unit, first, last, xlsx, receiver, field, level, **options):
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"Không có đơn vị mã {unit}")
        period = Period(parse_day(first), parse_day(last))
        if period.last < period.first:
            raise CommandError("Ngày kết thúc trước ngày bắt đầu")
        report = bieu06_report(unit=found, period=period,
                               field=_one(Field, field), level=_one(AdministrativeLevel, level))
        Path(xlsx).write_bytes(bieu06_workbook(report, receiver=receiver))
        self.stdout.write(f"{xlsx}: {report.total.received} hồ sơ")

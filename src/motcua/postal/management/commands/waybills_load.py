from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from motcua.agencies.models import Unit
from motcua.postal.models import Waybill


class Command(BaseCommand):
    help = ("Add the waybill codes VNPost allocated to a unit (one code per line in FILE) to "
            "its pool; codes already there are skipped.")

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="the unit's identifier (mã định danh)")
        parser.add_argument("file", type=Path)

    def handle(self, *args, unit: str, file: Path, **options):
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"no unit {unit}")
        codes = [line.strip() for line in file.read_text("utf-8").splitlines() if line.strip()]
        if bad := [code for code in codes if len(code) > 40]:
            raise CommandError(f"codes longer than 40 characters: {', '.join(bad[:5])}")
        with transaction.atomic():
            made = Waybill.objects.bulk_create(
                [Waybill(code=code, unit=found) for code in codes], ignore_conflicts=True)
        self.stdout.write(f"{len(codes)} codes read for {found.code}; pool now "
                          f"{Waybill.objects.filter(unit=found, used_at=None).count()} unused "
                          f"({len(made)} submitted)")

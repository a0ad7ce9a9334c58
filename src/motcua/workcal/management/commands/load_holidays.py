"""`motcua load_holidays [--year 2027]... [--replace]`: put the year's days in the database.

Without --year: the announced years shipped in workcal/data/holidays.yaml. A year already in the
database is left alone (administrators own it), so re-running is safe and takes one query.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from motcua.workcal.engine import MAX_YEAR, MIN_YEAR
from motcua.workcal.services import holidays_load


class Command(BaseCommand):
    help = (
        "Load national holidays, compensatory, swapped-off and make-up days into the database "
        "(the shipped announced years by default; --year generates others from holidays.VN)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", dest="years",
                            help="a year to load (repeatable); default: the announced years")
        parser.add_argument("--replace", action="store_true",
                            help="delete those years' national days first, then reload them")

    def handle(self, *args, **options):
        years = options["years"]
        if years and not all(MIN_YEAR <= year <= MAX_YEAR for year in years):
            raise CommandError(_("Lịch làm việc hỗ trợ các năm %(first)s–%(last)s.")
                               % {"first": MIN_YEAR, "last": MAX_YEAR})
        for load in holidays_load(years=years, replace=options["replace"]):
            if load.created:
                self.stdout.write(_("Năm %(year)s: đã nạp %(count)s ngày.")
                                  % {"year": load.year, "count": load.created})
            elif options["verbosity"] > 1:
                self.stdout.write(_("Năm %(year)s: đã có trong cơ sở dữ liệu, giữ nguyên.")
                                  % {"year": load.year})

"""`motcua due-date --received 2026-02-13T10:00 --duration 1d [--pause FROM TO]... [--unit CODE]`

Prints the due instant in ISO 8601 with its offset. Bad input: one line on stderr, exit code 2.
"""

from django.core.management.base import BaseCommand

from motcua.workcal.due_dates import DueDateInputError, due_date_compute

USAGE_ERROR = 2  # the conventional exit code for bad command-line input (as argparse uses)


class Command(BaseCommand):
    help = (
        "Tính hạn giải quyết theo lịch làm việc / compute a due instant on the working calendar. "
        "Durations: 1d, 0.5d (working days), 4h (working hours), 10cd (calendar days), sameday."
    )

    def add_arguments(self, parser):
        # All optional for argparse: missing values are reported by the service in one line.
        parser.add_argument("--received", help="2026-02-13T10:00 (giờ Việt Nam nếu thiếu múi giờ)")
        parser.add_argument("--duration", help="1d, 0.5d, 4h, 10cd, sameday")
        parser.add_argument("--pause", nargs=2, action="append", default=[],
                            metavar=("FROM", "TO"), help="khoảng tạm dừng (lặp lại được)")
        parser.add_argument("--unit", help="mã định danh đơn vị")

    def handle(self, *args, **options):
        try:
            result = due_date_compute(
                received=options["received"],
                duration=options["duration"],
                pauses=[tuple(pair) for pair in options["pause"]],
                unit_code=options["unit"],
            )
        except DueDateInputError as error:
            self.stderr.write(f"{error.message} [{error.code}]")
            raise SystemExit(USAGE_ERROR) from None
        self.stdout.write(result.due.isoformat())

"""`motcua demo_accounts`: the demo's accounts as a table (printed by `make demo`)."""

from django.core.management.base import BaseCommand

from motcua.accounts.access import today
from motcua.accounts.demo import DEMO_PASSWORD, demo_accounts

HEADERS = ("username", "password", "role", "unit", "valid")


class Command(BaseCommand):
    help = "Print the demo accounts: username, password, role and unit."

    def handle(self, *args, **options) -> None:
        accounts = demo_accounts()
        if not accounts:
            self.stdout.write("No demo accounts: run `motcua demo_load` first.")
            return
        rows = [HEADERS] + [
            (a.username, DEMO_PASSWORD, f"{a.role_label} [{a.role}]", a.unit, a.period)
            for a in accounts
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
        rule = "  ".join("-" * width for width in widths)
        lines = ["Demo accounts (sample data; roles ending before "
                 f"{today():%d/%m/%Y} are history and grant nothing):", rule]
        for index, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            lines.append("  ".join(cells).rstrip())
            if index == 0:
                lines.append(rule)
        self.stdout.write("\n".join(lines))

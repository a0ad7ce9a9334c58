"""`motcua demo_load`: the sample data of the demo (clearly marked as sample, see
motcua/agencies/demo.py, motcua/accounts/demo.py and motcua/dossiers/demo.py). Idempotent: a
re-run when nothing changed only reads, and takes seconds."""

import time

from django.core.exceptions import ValidationError
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from motcua.accounts.demo import DEMO_PASSWORD, demo_people_load
from motcua.agencies.demo import LoadCounts, demo_units_load


def _counts(label: str, counts: LoadCounts) -> str:
    return (f"{label}: {counts.total} ({counts.created} created, {counts.updated} updated, "
            f"{counts.unchanged} unchanged)")


class Command(BaseCommand):
    help = "Load the sample units, people, holidays, procedure catalog and dossiers (idempotent)."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        try:
            with transaction.atomic():
                units = demo_units_load()
                people = demo_people_load()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self._optional_command("load_holidays")
        self._catalog_import()
        dossiers = self._dossiers()
        lines = [
            "Sample data loaded (is_sample=True; codes *.Z98/*.Z99 are invented, not official):",
            "  " + _counts("units", units.units),
            "  " + _counts("departments", units.departments),
            "  " + _counts("staff", people.staff),
            "  " + _counts("staff roles", people.roles),
            "  " + _counts("citizens", people.citizens),
            *(["  " + _counts("dossiers", dossiers)] if dossiers is not None else []),
            f"  every demo account's password: {DEMO_PASSWORD} (list: `motcua demo_accounts`)",
            f"  done in {time.monotonic() - started:.1f} s",
        ]
        self.stdout.write("\n".join(lines))

    def _warn(self, message: str) -> None:
        self.stderr.write(self.style.WARNING(f"demo_load: {message}; skipped"))

    def _optional_command(self, name: str, *args) -> bool:
        # Holidays and the catalog belong to other apps; until they exist the demo still loads.
        if name not in get_commands():
            self._warn(f"command `{name}` not available")
            return False
        call_command(name, *args, stdout=self.stdout, stderr=self.stderr)
        return True

    def _catalog_import(self) -> None:
        try:
            from motcua.catalog.importer import DEFAULT_CATALOG_FILE
        except ImportError:
            self._warn("motcua.catalog.importer.DEFAULT_CATALOG_FILE not available")
            return
        self._optional_command("catalog_import", str(DEFAULT_CATALOG_FILE))

    def _dossiers(self) -> LoadCounts | None:
        # After the catalog: the sample dossiers are made on shipped procedures.
        from motcua.dossiers.demo import demo_dossiers_load

        try:
            return demo_dossiers_load()
        except LookupError as missing:
            self._warn(f"sample dossiers need {missing}")
            return None

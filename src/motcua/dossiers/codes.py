"""Dossier codes: `{receiving unit identifier}-{YYMMDD}-{NNNN}` (DOMAIN.md §8, TT 01/2018
Art. 19), NNNN being the unit's sequence of the day from 0001. Never a duplicate, also under
concurrent receipts: the day's counter row is locked for the rest of the transaction."""

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from motcua.agencies.models import Unit
from motcua.core.clock import local
from motcua.dossiers.models import DailySequence


def dossier_code_next(*, unit: Unit, at: datetime) -> str:
    """Take the next code of `unit` for the local day of `at`. Call inside the transaction that
    stores the dossier, so a rolled-back receipt gives its number back."""
    day = local(at).date()
    number = _next_number(unit=unit, day=day)
    return f"{unit.code}-{day:%y%m%d}-{number:04d}"


def _next_number(*, unit: Unit, day: date) -> int:
    _ensure_row(unit=unit, day=day)
    # UPDATE … SET last = last + 1 takes the row lock; concurrent receipts queue here.
    DailySequence.objects.filter(unit=unit, day=day).update(last=F("last") + 1)
    return DailySequence.objects.filter(unit=unit, day=day).values_list("last", flat=True).get()


def _ensure_row(*, unit: Unit, day: date) -> None:
    if DailySequence.objects.filter(unit=unit, day=day).exists():
        return
    try:
        # A savepoint: losing the race to create the row must not abort the outer transaction.
        with transaction.atomic():
            DailySequence.objects.create(unit=unit, day=day, last=0)
    except IntegrityError:
        pass

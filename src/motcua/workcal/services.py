"""Writes to the working calendar. Every change of days or sessions goes through here.

Precedence reminder (docs/deadlines.md): once a year has one national day in the database, the
database rows are that year's whole list. So the first national edit of a year first copies the
year's current days (shipped announcement, else holidays.VN) into the database — an
administrator who adds the 2027 Tết range must not silently lose 1 January and 30 April.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from motcua.workcal.engine import DaySpec, default_national_year, shipped_announcements
from motcua.workcal.models import CalendarDay, WorkingSession


@dataclass(frozen=True)
class YearLoad:
    year: int
    created: int  # 0 when the year was already in the database and left alone


@transaction.atomic
def calendar_day_save(*, day: CalendarDay) -> CalendarDay:
    """Create or change a day (national or a unit's); validated like the admin form does."""
    if day.unit_id is None:
        calendar_year_materialise(year=day.date.year, skip_dates={day.date})
    day.full_clean()
    day.save()
    return day


@transaction.atomic
def calendar_day_delete(*, day: CalendarDay) -> None:
    day.delete()


@transaction.atomic
def calendar_days_delete(*, days: Iterable[CalendarDay]) -> int:
    return CalendarDay.objects.filter(pk__in=[day.pk for day in days]).delete()[0]


@transaction.atomic
def calendar_days_mark_verified(*, days: Iterable[CalendarDay]) -> int:
    """An administrator confirmed these days against the official announcement."""
    changed = 0
    for day in days:
        if not day.verified:
            day.verified = True
            day.save(update_fields=["verified", "updated_at"])
            changed += 1
    return changed


@transaction.atomic
def calendar_year_materialise(
    *, year: int, replace: bool = False, skip_dates: Iterable = ()
) -> int:
    """Copy a year's national days (shipped data, else holidays.VN) into the database.

    Leaves a year that already has national rows alone unless `replace`; returns rows created.
    """
    national = CalendarDay.objects.filter(unit__isnull=True, date__year=year)
    if national.exists():
        if not replace:
            return 0
        national.delete()
    skip = set(skip_dates)
    rows = [_row(spec) for spec in default_national_year(year) if spec.day not in skip]
    CalendarDay.objects.bulk_create(rows)
    return len(rows)


def holidays_load(*, years: Iterable[int] | None = None, replace: bool = False) -> list[YearLoad]:
    """Load the shipped announced years (or the given years) into the database.

    Idempotent: a year already in the database is skipped, so a re-run costs one query and
    administrators' edits (and deletions) survive it. `replace` reloads the years from the data.
    """
    wanted = sorted(set(years) if years is not None else shipped_announcements())
    present = {
        day.year
        for day in CalendarDay.objects.filter(unit__isnull=True).dates("date", "year")
    }
    todo = wanted if replace else [year for year in wanted if year not in present]
    loads = {}
    if todo:  # no transaction either when there is nothing to do: a re-run is one query
        with transaction.atomic():
            loads = {year: calendar_year_materialise(year=year, replace=replace) for year in todo}
    return [YearLoad(year, loads.get(year, 0)) for year in wanted]


def _row(spec: DaySpec) -> CalendarDay:
    return CalendarDay(
        date=spec.day,
        kind=spec.kind.value,
        name=spec.name,
        legal_ref=spec.legal_ref,
        verified=spec.verified,
        source=spec.source.value,
    )


@transaction.atomic
def working_session_save(*, session: WorkingSession) -> WorkingSession:
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def working_session_delete(*, session: WorkingSession) -> None:
    session.delete()


@transaction.atomic
def working_sessions_delete(*, sessions: Iterable[WorkingSession]) -> int:
    return WorkingSession.objects.filter(pk__in=[row.pk for row in sessions]).delete()[0]

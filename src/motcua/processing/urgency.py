"""How much working time a dossier has left, and the bucket it falls in on the work lists.

The due instant that matters to the officer is the current step's (each step has its own share
of the legal time, DOMAIN.md §2.8), else the dossier's legal due instant. Remaining time is
counted in working time on the holding unit's calendar (`motcua.workcal`), never in wall-clock
hours: a dossier due Monday 08:00 seen on Friday 16:00 has one working hour left, not 64 hours.
A paused dossier (supplement, financial obligation) keeps the time it had when paused (DESIGN.md
"Pause"), so its bucket is judged at the pause instant.
"""

import enum
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.core.clock import local
from motcua.dossiers.selectors import local_day_bounds
from motcua.workcal.engine import WorkingCalendar
from motcua.workcal.selectors import calendar_for_unit

HOUR_US = 3_600_000_000
# DESIGN.md "Working time": one working day is 8 working hours, whatever the sessions.
DAY_US = 8 * HOUR_US


class Bucket(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    AT_RISK = "at_risk"  # at most one working day left
    FINE = "fine"

    @property
    def label(self) -> str:
        return str(LABELS[self])


LABELS = {
    Bucket.OVERDUE: _("Quá hạn"),
    Bucket.DUE_TODAY: _("Đến hạn hôm nay"),
    Bucket.AT_RISK: _("Còn không quá 1 ngày làm việc"),
    Bucket.FINE: _("Còn hạn"),
}
ORDER = (Bucket.OVERDUE, Bucket.DUE_TODAY, Bucket.AT_RISK, Bucket.FINE)


@dataclass(frozen=True, slots=True)
class Urgency:
    bucket: Bucket
    due_at: datetime | None
    remaining_us: int | None  # negative: working time past the due instant
    paused: bool

    @property
    def label(self) -> str:
        return self.bucket.label

    @property
    def remaining_text(self) -> str:
        if self.remaining_us is None:
            return str(_("Không quy định thời hạn"))
        if self.remaining_us < 0:
            return str(_("quá hạn %(time)s làm việc") % {"time": duration_text(-self.remaining_us)})
        return str(_("còn %(time)s làm việc") % {"time": duration_text(self.remaining_us)})


def duration_text(amount_us: int) -> str:
    """Working time in the words officers use: "1 ngày 3 giờ", "45 phút"."""
    days, rest = divmod(amount_us, DAY_US)
    hours, rest = divmod(rest, HOUR_US)
    minutes = rest // 60_000_000
    parts = []
    if days:
        parts.append(ngettext("%(n)d ngày", "%(n)d ngày", days) % {"n": days})
    if hours:
        parts.append(ngettext("%(n)d giờ", "%(n)d giờ", hours) % {"n": hours})
    if minutes and not days:
        parts.append(ngettext("%(n)d phút", "%(n)d phút", minutes) % {"n": minutes})
    return " ".join(parts) or str(_("dưới 1 phút"))


def work_due(dossier) -> datetime | None:
    """The step's due instant when the dossier has a current step with one, else the dossier's."""
    step = dossier.current_step if dossier.current_step_id else None
    if step is not None and step.due_at is not None:
        return step.due_at
    return dossier.due_at


class Calendars:
    """The working calendars of the units on one page, each read once (two queries a unit)."""

    def __init__(self):
        self._by_unit: dict[int, WorkingCalendar] = {}

    def of(self, unit) -> WorkingCalendar:
        return self.of_unit_id(unit.pk)

    def of_unit_id(self, unit_id: int) -> WorkingCalendar:
        if unit_id not in self._by_unit:
            self._by_unit[unit_id] = calendar_for_unit(unit=unit_id)
        return self._by_unit[unit_id]


def urgency_of(dossier, *, at: datetime, calendar: WorkingCalendar) -> Urgency:
    return urgency_at(work_due(dossier), paused_at=dossier.paused_at, at=at, calendar=calendar)


def urgency_at(due: datetime | None, *, paused_at: datetime | None, at: datetime,
               calendar: WorkingCalendar) -> Urgency:
    """The urgency of work due at `due`, seen at `at` (at `paused_at` when paused)."""
    paused = paused_at is not None
    if due is None:
        return Urgency(Bucket.FINE, None, None, paused)
    seen_at = paused_at if paused else at
    if seen_at > due:
        late = calendar.working_between(due, seen_at)
        return Urgency(Bucket.OVERDUE, due, -max(late, 1), paused)
    left = calendar.working_between(seen_at, due)
    return Urgency(_bucket(due, left, at=at, paused=paused), due, left, paused)


def _bucket(due: datetime, left: int, *, at: datetime, paused: bool) -> Bucket:
    _start, tomorrow = local_day_bounds(at)
    if not paused and local(due) < tomorrow:
        return Bucket.DUE_TODAY
    if left <= DAY_US:
        return Bucket.AT_RISK
    return Bucket.FINE

"""Reads of the public statistics (/thong-ke/): rollups only, never the dossier table.

A unit's figures are the sum of its own and its sub-units' rollup rows (the materialised path),
so a province shows all its communes. No personal data: rollups hold counts only.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, Sum

from motcua.agencies.models import Unit
from motcua.dossiers.statuses import Channel
from motcua.reports.models import Rollup
from motcua.reports.rollups import MEASURES

HISTORY_MONTHS = 12


def rate(part: int, whole: int) -> float | None:
    """A percentage rounded to 2 decimals; None when there is nothing to divide (766: N/A)."""
    return None if not whole else round(100 * part / whole, 2)


@dataclass
class MonthStats:
    month: date
    sums: dict = field(default_factory=dict)
    by_channel: dict[int, int] = field(default_factory=dict)

    def __getattr__(self, name):
        if name in MEASURES:  # a month without rows counts 0
            return self.__dict__.get("sums", {}).get(name) or 0
        raise AttributeError(name)

    @property
    def received_direct(self) -> int:
        return self.by_channel.get(Channel.DIRECT, 0)

    @property
    def received_online(self) -> int:
        return self.by_channel.get(Channel.ONLINE, 0)

    @property
    def received_postal(self) -> int:
        return self.by_channel.get(Channel.POSTAL, 0)

    @property
    def settled(self) -> int:
        return self.settled_early + self.settled_on_time + self.settled_late

    @property
    def on_time_rate(self) -> float | None:  # early + on time
        return rate(self.settled_early + self.settled_on_time, self.settled)

    @property
    def early_rate(self) -> float | None:
        return rate(self.settled_early, self.settled)

    @property
    def late_rate(self) -> float | None:
        return rate(self.settled_late, self.settled)

    @property
    def online_share(self) -> float | None:
        return rate(self.received_online, self.received)

    @property
    def satisfaction_rate(self) -> float | None:
        return rate(self.ratings_very_satisfied + self.ratings_satisfied, self.ratings)

    @property
    def average_points(self) -> float | None:
        return None if not self.ratings else round(self.ratings_points / self.ratings, 2)

    def as_open_data(self) -> dict:
        return {
            "thang": f"{self.month:%Y-%m}", "tiep_nhan": self.received,
            "truc_tiep": self.received_direct, "truc_tuyen": self.received_online,
            "buu_chinh": self.received_postal, "ky_truoc_chuyen_sang": self.carried_over,
            "truoc_han": self.settled_early, "dung_han": self.settled_on_time,
            "qua_han": self.settled_late, "ty_le_dung_han": self.on_time_rate,
            "dang_giai_quyet_trong_han": self.open_within,
            "dang_giai_quyet_qua_han": self.open_overdue,
            "ty_le_truc_tuyen": self.online_share, "luot_danh_gia": self.ratings,
            "ty_le_hai_long": self.satisfaction_rate,
        }


def subtree_rollups(unit: Unit):
    return Rollup.objects.filter(unit__path__startswith=unit.path)


def unit_months(*, unit: Unit, months: list[date]) -> list[MonthStats]:
    """The unit's figures for each of `months` (two grouped queries on the rollups)."""
    rows = subtree_rollups(unit).filter(month__in=months)
    sums = {r["month"]: r for r in rows.values("month").annotate(
        **{m: Sum(m) for m in MEASURES}).order_by()}
    channels: dict[date, dict[int, int]] = {}
    for r in rows.values("month", "channel").annotate(n=Sum("received")).order_by():
        channels.setdefault(r["month"], {})[r["channel"]] = r["n"] or 0
    return [MonthStats(month=m, sums=sums.get(m, {}), by_channel=channels.get(m, {}))
            for m in months]


def history(last: date, count: int = HISTORY_MONTHS) -> list[date]:
    """`count` months ending with `last`, oldest first."""
    months, year, month = [], last.year, last.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


@dataclass(frozen=True)
class Bar:
    """One month of the chart: heights in the SVG's units (0–100)."""

    label: str
    on_time: float
    late: float
    x: float
    total: int

    @property
    def on_time_y(self) -> float:
        return round(BASELINE - self.on_time, 2)

    @property
    def late_y(self) -> float:
        return round(BASELINE - self.on_time - self.late, 2)


CHART_HEIGHT = 100
BASELINE = 105  # the SVG y of the bars' foot (y grows downwards)


def chart_bars(stats: list[MonthStats]) -> list[Bar]:
    """Settled on time (early included) and late per month, scaled to the tallest month."""
    top = max((s.settled for s in stats), default=0) or 1
    bars = []
    for i, s in enumerate(stats):
        on_time = (s.settled_early + s.settled_on_time) * CHART_HEIGHT / top
        bars.append(Bar(label=f"{s.month:%m/%y}", on_time=round(on_time, 2),
                        late=round(s.settled_late * CHART_HEIGHT / top, 2), x=i * 30 + 5,
                        total=s.settled))
    return bars


_TEASER = ("received", "settled_early", "settled_on_time", "settled_late")


def year_to_date(*, today: date) -> MonthStats:
    """Every unit's figures from 1 January to `today` (the home page's teaser): received,
    settled by outcome and received online, in one query on the rollups, which hold one row per
    competent unit, so nothing is counted twice."""
    first = today.replace(month=1, day=1)
    # Aliases other than the field names: an aggregate named like a field hides it.
    found = Rollup.objects.filter(month__gte=first, month__lte=today).aggregate(
        **{f"sum_{m}": Sum(m) for m in _TEASER},
        sum_online=Sum("received", filter=Q(channel=Channel.ONLINE)))
    sums = {m: found[f"sum_{m}"] for m in _TEASER}
    return MonthStats(month=first, sums=sums,
                      by_channel={Channel.ONLINE: found["sum_online"] or 0})


def units_for_choice():
    """Every unit with figures to show, in tree order (path), for the picker."""
    return Unit.objects.order_by("path").only("code", "name", "path")

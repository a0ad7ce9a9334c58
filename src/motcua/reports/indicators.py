"""Decision 766/QĐ-TTg indicators that Motcua's own data can compute (DOMAIN.md §1.8).

Each indicator is a rate (%, 2 decimals, None when its denominator is 0 — "N/A" in the formula
document) and points: `rate × max / threshold`, capped at the maximum, for the thresholded
indicators (3.1 ≥ 80 %, 3.3 ≥ 50 %, 3.6, 4.2, 4.3, 5.4 ≥ 90 %); `rate × max` for the others.
Thresholds and maxima are `IndicatorSettings` (editable in the administration).

Computed from the rollups (a month of a unit and its sub-units) and the catalog:
2.1 on-time rate (Decision 766 view: two supplement requests make a dossier late) =
(settled early/on time + in progress within deadline) / (settled + in progress);
2.2 average settlement time of completed dossiers (calendar days, per procedure);
3.1 procedures offered online / all procedures; 3.2 online procedures with ≥ 1 online dossier /
online procedures; 3.3 online dossiers / received; 3.6 paid online / fee-bearing dossiers;
4.1 completed dossiers with an electronic result file / completed; 4.2 received dossiers with a
digitised component / received; 4.3 reuse of digitised data — Motcua records no reuse flag yet,
so N/A; 5.4 = 100 % − (late rate + unsatisfied-rating rate).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum

from motcua.agencies.models import Unit
from motcua.catalog.choices import Channel, OnlineLevel
from motcua.catalog.models import Procedure
from motcua.reports.models import IndicatorSettings
from motcua.reports.public import rate, subtree_rollups, unit_months

ONLINE_LEVELS = (OnlineLevel.PARTIAL, OnlineLevel.FULL, OnlineLevel.LEGACY_3,
                 OnlineLevel.LEGACY_4)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    rate: float | None
    points: Decimal | None
    maximum: Decimal
    threshold: int | None = None


def indicator_settings() -> IndicatorSettings:
    found, _created = IndicatorSettings.objects.get_or_create(pk=1)
    return found


def points(value: float | None, maximum: Decimal, threshold: int | None) -> Decimal | None:
    if value is None:
        return None
    scale = Decimal(str(value)) / Decimal(threshold or 100)
    return min(maximum, (scale * maximum).quantize(Decimal("0.01")))


def indicators_for(*, unit: Unit, month: date, config: IndicatorSettings | None = None
                   ) -> list[Indicator]:
    s = config or indicator_settings()
    stats = unit_months(unit=unit, months=[month])[0]
    settled, in_progress = stats.settled, stats.open_within + stats.open_overdue
    late_766 = stats.settled_late_766 + stats.open_overdue_766
    on_time = rate(settled + in_progress - late_766, settled + in_progress)
    offered, online = _procedures_online()
    used = _online_services_used(unit, month)
    unsatisfied = rate(stats.ratings_unsatisfied, stats.ratings) or 0
    late_rate = rate(stats.settled_late, stats.settled)
    satisfaction = None if late_rate is None else round(max(0.0, 100 - late_rate - unsatisfied), 2)

    def row(code, name, value, maximum, threshold=None):
        return Indicator(code, name, value, points(value, maximum, threshold), maximum, threshold)

    return [
        row("2.1", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", on_time, s.on_time_max),
        row("3.1", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", rate(online, offered),
            s.procedures_online_max, s.procedures_online_threshold),
        row("3.2", "Tỷ lệ DVCTT có phát sinh hồ sơ", rate(used, online), s.services_used_max),
        row("3.3", "Tỷ lệ hồ sơ nộp trực tuyến", stats.online_share, s.online_dossiers_max,
            s.online_dossiers_threshold),
        row("3.6", "Tỷ lệ hồ sơ thanh toán trực tuyến", rate(stats.paid_online,
                                                             stats.fee_bearing),
            s.online_payment_max, s.online_payment_threshold),
        row("4.1", "Tỷ lệ hồ sơ có cấp kết quả điện tử", rate(stats.e_results, stats.completed),
            s.e_results_max),
        row("4.2", "Tỷ lệ hồ sơ thực hiện số hóa", rate(stats.digitised, stats.received),
            s.digitisation_max, s.digitisation_threshold),
        row("4.3", "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa", None, s.reuse_max,
            s.digitisation_threshold),
        row("5.4", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", satisfaction,
            s.satisfaction_max, s.satisfaction_threshold),
    ]


def total_points(indicators: list[Indicator]) -> Decimal:
    return sum((i.points or Decimal(0) for i in indicators), Decimal(0))


def average_days_by_procedure(*, unit: Unit, month: date) -> list[dict]:
    """Indicator 2.2: average settlement time per procedure (calendar days, completed dossiers
    settled in the month)."""
    rows = (subtree_rollups(unit).filter(month=month, completed__gt=0)
            .values("procedure__code", "procedure__current_version__name")
            .annotate(n=Sum("completed"), seconds=Sum("completed_seconds"))
            .order_by("procedure__code"))
    return [{"code": r["procedure__code"], "name": r["procedure__current_version__name"],
             "dossiers": r["n"], "days": round(r["seconds"] / r["n"] / 86_400, 2)}
            for r in rows]


def _procedures_online() -> tuple[int, int]:
    current = Procedure.objects.filter(current_version__isnull=False)
    online = current.filter(current_version__online_level__in=ONLINE_LEVELS)
    return current.count(), online.count()


def _online_services_used(unit: Unit, month: date) -> int:
    used = subtree_rollups(unit).filter(
        Q(month=month, channel=Channel.ONLINE, received__gt=0),
        procedure__current_version__online_level__in=ONLINE_LEVELS)
    return used.values("procedure_id").distinct().count()

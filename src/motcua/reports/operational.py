"""The operational reports of DOMAIN.md §5 ("Other operational reports"), from the rollups, one
row per unit of the subtree over a range of months:

- postal (Thống kê tiếp nhận và trả kết quả qua dịch vụ bưu chính): dossiers received by post,
  results returned by post;
- fees (Báo cáo thu phí, lệ phí): dossiers with fees, fees collected on them, paid online;
- satisfaction (Báo cáo kết quả đánh giá sự hài lòng): ratings, very satisfied / satisfied /
  not satisfied with their shares, average points out of 18.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, Sum

from motcua.agencies.models import Unit
from motcua.dossiers.statuses import Channel
from motcua.reports.public import rate, subtree_rollups

FIELDS = ("fee_bearing", "fees_collected", "paid_online", "returned_by_post", "ratings",
          "ratings_points", "ratings_very_satisfied", "ratings_satisfied", "ratings_unsatisfied")


@dataclass
class UnitRow:
    unit: Unit
    received_by_post: int
    fee_bearing: int
    fees_collected: int
    paid_online: int
    returned_by_post: int
    ratings: int
    ratings_points: int
    ratings_very_satisfied: int
    ratings_satisfied: int
    ratings_unsatisfied: int

    @property
    def satisfied_rate(self) -> float | None:
        return rate(self.ratings_very_satisfied + self.ratings_satisfied, self.ratings)

    @property
    def unsatisfied_rate(self) -> float | None:
        return rate(self.ratings_unsatisfied, self.ratings)

    @property
    def average_points(self) -> float | None:
        return None if not self.ratings else round(self.ratings_points / self.ratings, 2)


def operational_rows(*, unit: Unit, first: date, last: date) -> list[UnitRow]:
    rows = (subtree_rollups(unit).filter(month__gte=first.replace(day=1), month__lte=last)
            .values("unit_id")
            .annotate(received_by_post=Sum("received", filter=Q(channel=Channel.POSTAL)),
                      **{f: Sum(f) for f in FIELDS}).order_by())
    units = Unit.objects.in_bulk([r["unit_id"] for r in rows])
    found = [UnitRow(unit=units[r.pop("unit_id")], **{k: v or 0 for k, v in r.items()})
             for r in rows]
    return sorted(found, key=lambda r: r.unit.path)

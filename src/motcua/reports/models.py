"""Rollups behind the public statistics, and the editable settings of the Decision 766 points.

`Rollup` is derived data: one row per (competent unit, procedure, channel, month) with the
period classification's counts for that month (motcua.reports.periods) and the few extra
measures the public page and the Decision 766 dashboard need. Only `rollups.rollup_refresh`
writes it; pages read it and never recompute from dossiers per request.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.catalog.models import Procedure


def _count(label: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=0)


class Rollup(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("đơn vị giải quyết"))
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+",
                                  verbose_name=_("thủ tục"))
    channel = models.PositiveSmallIntegerField(_("kênh nộp"))
    month = models.DateField(_("tháng"))  # the first day of the month
    # The period classification of the month (legal view).
    received = _count(_("tiếp nhận trong kỳ"))
    carried_over = _count(_("từ kỳ trước chuyển sang"))
    settled_early = _count(_("giải quyết trước hạn"))
    settled_on_time = _count(_("giải quyết đúng hạn"))
    settled_late = _count(_("giải quyết quá hạn"))
    open_within = _count(_("đang giải quyết trong hạn"))
    open_overdue = _count(_("đang giải quyết quá hạn"))
    paused = _count(_("đang tạm dừng"))
    # The Decision 766 view (two supplement requests make a dossier late).
    settled_late_766 = _count(_("quá hạn (QĐ 766)"))
    open_overdue_766 = _count(_("đang quá hạn (QĐ 766)"))
    # Extra measures.
    late_apologised = _count(_("quá hạn có văn bản xin lỗi"))
    completed = _count(_("có kết quả"))  # result ready or returned: indicator 2.2's dossiers
    completed_seconds = models.BigIntegerField(_("tổng thời gian giải quyết (giây)"), default=0)
    e_results = _count(_("có kết quả điện tử"))
    digitised = _count(_("có thành phần số hóa"))
    fee_bearing = _count(_("có phí, lệ phí"))
    paid_online = _count(_("thanh toán trực tuyến"))
    returned_by_post = _count(_("trả kết quả qua bưu chính"))
    fees_collected = models.BigIntegerField(_("phí, lệ phí đã thu (đồng)"), default=0)
    ratings = _count(_("lượt đánh giá"))
    ratings_points = _count(_("tổng điểm đánh giá"))
    ratings_very_satisfied = _count(_("rất hài lòng"))
    ratings_satisfied = _count(_("hài lòng"))
    ratings_unsatisfied = _count(_("không hài lòng"))
    refreshed_at = models.DateTimeField(_("cập nhật lúc"))

    class Meta:
        verbose_name = _("số liệu tổng hợp theo tháng")
        verbose_name_plural = _("số liệu tổng hợp theo tháng")
        constraints = [
            models.UniqueConstraint(fields=["unit", "procedure", "channel", "month"],
                                    name="rollup_key"),
        ]
        indexes = [models.Index(fields=["month", "unit"], name="rollup_month_unit")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.procedure_id}/{self.channel} {self.month:%m/%Y}"


class IndicatorSettings(models.Model):
    """Thresholds and maximum points of the Decision 766 indicators Motcua computes.

    DOMAIN.md §1.8: the thresholds (80 %, 50 %, 90 %) are in the national formula document, the
    per-indicator maxima follow Thanh Hóa's implementation [a provincial approximation], so both
    are data an administrator edits, never code. One row (pk 1)."""

    procedures_online_threshold = models.PositiveSmallIntegerField(
        _("ngưỡng tỷ lệ TTHC cung cấp DVCTT (%) — 3.1"), default=80)
    online_dossiers_threshold = models.PositiveSmallIntegerField(
        _("ngưỡng tỷ lệ hồ sơ trực tuyến (%) — 3.3"), default=50)
    online_payment_threshold = models.PositiveSmallIntegerField(
        _("ngưỡng tỷ lệ hồ sơ thanh toán trực tuyến (%) — 3.6"), default=30)
    digitisation_threshold = models.PositiveSmallIntegerField(
        _("ngưỡng tỷ lệ số hóa, tái sử dụng (%) — 4.2, 4.3"), default=80)
    satisfaction_threshold = models.PositiveSmallIntegerField(
        _("ngưỡng tỷ lệ hài lòng (%) — 5.4"), default=90)
    on_time_max = models.DecimalField(_("điểm tối đa 2.1"), max_digits=5, decimal_places=2,
                                      default=20)
    procedures_online_max = models.DecimalField(_("điểm tối đa 3.1"), max_digits=5,
                                                decimal_places=2, default=2)
    services_used_max = models.DecimalField(_("điểm tối đa 3.2"), max_digits=5,
                                            decimal_places=2, default=4)
    online_dossiers_max = models.DecimalField(_("điểm tối đa 3.3"), max_digits=5,
                                              decimal_places=2, default=6)
    online_payment_max = models.DecimalField(_("điểm tối đa 3.6"), max_digits=5,
                                             decimal_places=2, default=6)
    e_results_max = models.DecimalField(_("điểm tối đa 4.1"), max_digits=5, decimal_places=2,
                                        default=6)
    digitisation_max = models.DecimalField(_("điểm tối đa 4.2"), max_digits=5,
                                           decimal_places=2, default=4)
    reuse_max = models.DecimalField(_("điểm tối đa 4.3"), max_digits=5, decimal_places=2,
                                    default=2)
    satisfaction_max = models.DecimalField(_("điểm tối đa 5.4"), max_digits=5,
                                           decimal_places=2, default=6)

    class Meta:
        verbose_name = _("cấu hình chỉ số QĐ 766")
        verbose_name_plural = _("cấu hình chỉ số QĐ 766")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class RollupStale(models.Model):
    """A (unit, month) whose rollups a dossier change made stale: written in the change's own
    transaction (dossiers.services.transition), recounted by the scheduler's `rollups-stale`
    job within a minute (reports.rollups.rollups_refresh_stale)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "month"],
                                               name="rollup_stale_once")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%m/%Y}"

"""A citizen's evaluation of how their dossier was settled (DOMAIN.md §6.1).

Decree 61/2018 Art. 35 and Circular 01/2018/TT-VPCP rate a settled dossier on nine criteria of
2 points each (18 in all); systems also tally "very satisfied / satisfied / not satisfied".
One rating per dossier; reports (motcua.reports) aggregate them per unit and period.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.dossiers.models import Dossier

CRITERION_MAX = 2
CRITERIA_COUNT = 9


class Satisfaction(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", _("Rất hài lòng")
    SATISFIED = "satisfied", _("Hài lòng")
    UNSATISFIED = "unsatisfied", _("Không hài lòng")


def _criterion(number: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        _("chỉ số %(number)d") % {"number": number},
        validators=[MaxValueValidator(CRITERION_MAX)],
    )


class Rating(models.Model):
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="rating",
                                   verbose_name=_("hồ sơ"))
    # The receiving unit when rated: reports group by it without joining the dossier.
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị"))
    submitted_at = models.DateTimeField(_("đánh giá lúc"))
    c1 = _criterion(1)
    c2 = _criterion(2)
    c3 = _criterion(3)
    c4 = _criterion(4)
    c5 = _criterion(5)
    c6 = _criterion(6)
    c7 = _criterion(7)
    c8 = _criterion(8)
    c9 = _criterion(9)
    total = models.PositiveSmallIntegerField(_("tổng điểm"))  # c1 + … + c9, 0–18
    satisfaction = models.CharField(_("mức độ hài lòng"), max_length=20, choices=Satisfaction)
    comment = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá")
        indexes = [models.Index(fields=["unit", "submitted_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(total__lte=CRITERION_MAX * CRITERIA_COUNT),
                                   name="rating_total_at_most_18"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.total}/18"

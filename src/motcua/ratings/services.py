"""Writes of ratings: `rating_submit`, the one way a citizen's evaluation is stored.

Decree 61/2018 Art. 35 lets the person who asked for the procedure evaluate how it was settled
(DOMAIN.md §6.1). Here: only the dossier's owner, only once the result is signed (ready or
returned: a refusal letter is a result too), and once per dossier — the database's one-to-one
key enforces it even under a double click.
"""

from collections.abc import Mapping
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from motcua.core.clock import now
from motcua.dossiers import errors
from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Status
from motcua.ratings.criteria import FIELDS
from motcua.ratings.models import CRITERION_MAX, Rating, Satisfaction

# Settled with a result (DOMAIN.md §2.9: result ready 9, returned 10).
RATEABLE = frozenset({Status.RESULT_READY, Status.RETURNED})
COMMENT_MAX = 2000

NOT_SETTLED = _("Bạn chỉ có thể đánh giá khi hồ sơ đã có kết quả giải quyết.")
CRITERION_INVALID = _("Vui lòng chọn một câu trả lời cho câu hỏi này.")
SATISFACTION_INVALID = _("Vui lòng chọn mức độ hài lòng của bạn.")
COMMENT_TOO_LONG = _("Ý kiến không quá {limit} ký tự.")


class AlreadyRated(errors.DossierError):
    code = "already_rated"
    message = _("Bạn đã đánh giá hồ sơ này rồi. Mỗi hồ sơ chỉ được đánh giá một lần.")
    status = 409


def rating_submit(*, dossier: Dossier, actor, scores: Mapping[str, int], satisfaction: str,
                  comment: str = "", at: datetime | None = None) -> Rating:
    """Store the owner's evaluation of a settled dossier. `scores` maps c1..c9 to 0, 1 or 2.
    Raises a DossierError (ActionForbidden, ActionNotAllowed, InvalidInput, AlreadyRated) and
    writes nothing when refused."""
    values = _checked_scores(scores)
    satisfaction = _checked_satisfaction(satisfaction)
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise errors.InvalidInput(COMMENT_TOO_LONG, field="comment", limit=COMMENT_MAX)
    with transaction.atomic():
        # The row lock serialises two submissions for one dossier before the unique key does.
        locked = Dossier.objects.select_for_update(of=("self",)).get(pk=dossier.pk)
        _check_may_rate(locked, actor=actor)
        try:
            with transaction.atomic():
                return Rating.objects.create(
                    dossier=locked, unit_id=locked.receiving_unit_id, submitted_at=at or now(),
                    total=sum(values.values()), satisfaction=satisfaction, comment=comment,
                    **values,
                )
        except IntegrityError:
            raise AlreadyRated() from None


def _check_may_rate(dossier: Dossier, *, actor) -> None:
    if actor is None or dossier.owner_id is None or actor.pk != dossier.owner_id:
        raise errors.ActionForbidden()
    if dossier.status not in RATEABLE:
        raise errors.ActionNotAllowed(NOT_SETTLED)
    if Rating.objects.filter(dossier=dossier).exists():
        raise AlreadyRated()


def _checked_scores(scores: Mapping[str, int]) -> dict[str, int]:
    values = {}
    for name in FIELDS:
        value = scores.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= CRITERION_MAX:
            raise errors.InvalidInput(CRITERION_INVALID, field=name)
        values[name] = value
    return values


def _checked_satisfaction(value: str) -> str:
    if value not in Satisfaction.values:
        raise errors.InvalidInput(SATISFACTION_INVALID, field="satisfaction")
    return value

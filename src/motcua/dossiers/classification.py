"""Early / on time / late, within deadline / overdue: for a dossier and for each of its steps.

Two views of a dossier, both exposed because reports need both (DOMAIN.md §2.6):

- `legal`: DESIGN.md "Working time" — finished at F against the legal due instant D (already
  moved by pauses; never by an apology, Mẫu 04): early if F's Vietnamese date is before D's,
  on time if on D's date and F ≤ D, late if F > D. Open at a cut-off C: within deadline if
  C ≤ D, else overdue.
- `decision_766`: the national service index (Decision 766, indicator 2.1, DOMAIN.md §1.8) —
  the same, except that a dossier with two or more supplement requests is late (overdue while
  open) whatever its dates.

A paused dossier's clock is stopped, so while paused it stands as it did at the pause (766:
"the supplement request counts as the end of processing").

Steps (the control sheet, Mẫu 05) use the same rule against the step's own due instant, which
pauses shift like the dossier's. Mẫu 05's "used < allotted early, = on time, > late" compares
working time, whose exact equality almost never happens and which, taken raw, would count the
citizen's pause against the officer; the step's due instant already is "start + allotted",
so the two agree except that "on time" means "on the due day, not after the due instant".
The used and allotted times stay on every step and event for the sheet to print.
"""

from dataclasses import dataclass
from datetime import datetime

from motcua.dossiers import deadlines
from motcua.dossiers.models import Dossier, DossierStep
from motcua.workcal.engine import Outcome, Standing

# Decision 766, indicator 2.1: "a second supplement request makes the dossier late".
LATE_766_SUPPLEMENT_REQUESTS = 2


@dataclass(frozen=True, slots=True)
class DossierOutcome:
    """How a finished dossier was settled; None in a view when there is no due instant."""

    legal: Outcome | None
    decision_766: Outcome | None


@dataclass(frozen=True, slots=True)
class DossierStanding:
    """How an open dossier stands at a cut-off."""

    legal: Standing | None
    decision_766: Standing | None


def dossier_outcome(dossier: Dossier) -> DossierOutcome | None:
    """None while the dossier is not finished (no result, stop or refusal yet)."""
    if dossier.finished_at is None:
        return None
    legal = deadlines.outcome(finished=dossier.finished_at, due=dossier.due_at)
    late_766 = dossier.supplement_requests >= LATE_766_SUPPLEMENT_REQUESTS
    return DossierOutcome(legal=legal, decision_766=Outcome.LATE if late_766 else legal)


def dossier_standing(dossier: Dossier, *, cutoff: datetime) -> DossierStanding | None:
    """None once finished (use `dossier_outcome`) or before receipt."""
    if dossier.finished_at is not None or dossier.received_at is None:
        return None
    at = min(cutoff, dossier.paused_at) if dossier.paused_at else cutoff
    legal = deadlines.standing(cutoff=at, due=dossier.due_at)
    late_766 = dossier.supplement_requests >= LATE_766_SUPPLEMENT_REQUESTS
    return DossierStanding(legal=legal, decision_766=Standing.OVERDUE if late_766 else legal)


def step_outcome(step: DossierStep) -> Outcome | None:
    """Early / on time / late of a finished step against its own due instant."""
    return outcome_between(finished=step.finished_at, due=step.due_at)


def step_standing(step: DossierStep, *, cutoff: datetime) -> Standing | None:
    """Within deadline / overdue of a running step at a cut-off."""
    if step.started_at is None or step.finished_at is not None:
        return None
    return deadlines.standing(cutoff=cutoff, due=step.due_at)


def outcome_between(*, finished: datetime | None, due: datetime | None) -> Outcome | None:
    if finished is None:
        return None
    return deadlines.outcome(finished=finished, due=due)

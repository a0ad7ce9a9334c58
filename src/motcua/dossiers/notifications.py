"""Tell the applicant what happened to their dossier: queued in the outbox in the same
transaction as the change, sent by a background worker once it is committed.

Decree 61/2018 (now Decree 118/2025) asks the desk to inform applicants of acceptance,
requests to supplement, refusals, apologies with a new appointment and results ready
(DOMAIN.md §1.2, §2.7). A rolled-back action queues nothing; a failed send is retried with
backoff (motcua.outbox) and logged per channel (motcua.notify).
"""

from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import Action
from motcua.outbox.services import outbox_put

# The actions an applicant hears about; the rest are internal hand-overs.
APPLICANT_ACTIONS = frozenset(
    {
        Action.SUBMIT, Action.ACCEPT, Action.RECEIVE, Action.RECEIVE_POSTAL,
        Action.REQUEST_COMPLETION, Action.REFUSE, Action.REQUEST_SUPPLEMENT,
        Action.REQUEST_OBLIGATION, Action.RESCHEDULE, Action.APPROVE, Action.RETURN_RESULT,
        Action.STOP, Action.ACCEPT_WITHDRAWAL,
    }
)


def dossier_notify_applicant(*, dossier: Dossier, event: DossierEvent) -> bool:
    """Queue the message about `event` for the applicant (inside the caller's transaction);
    returns whether the action is one the applicant hears about."""
    if event.action not in APPLICANT_ACTIONS:
        return False
    outbox_put(topic="notify.dossier", key=f"notify:{event.pk}", dossier=dossier,
               payload={"dossier_id": dossier.pk, "event_id": event.pk,
                        "action": str(event.action)})
    return True

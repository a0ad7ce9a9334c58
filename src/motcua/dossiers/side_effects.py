"""What a dossier change sets in motion beyond the dossier, written in the change's own
transaction (a rolled-back change leaves nothing behind) and carried out later by background
workers through the outbox (docs/background.md):

- the applicant's message (notifications.py → motcua.notify);
- the national portal's records (motcua.sync) and postal orders (motcua.postal);
- the statistics' rollups to recount (motcua.reports), also for history recorded afterwards.

A backdated action (the demo loader, imports) is history, not news: nobody is told of it.
"""

from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.notifications import dossier_notify_applicant
from motcua.postal.services import postal_queue
from motcua.reports.rollups import rollup_mark_stale
from motcua.sync.services import sync_queue


def dossier_changed(*, dossier: Dossier, event: DossierEvent, backdated: bool) -> None:
    rollup_mark_stale(dossier=dossier)
    if backdated:
        return
    dossier_notify_applicant(dossier=dossier, event=event)
    sync_queue(dossier=dossier, event=event)
    postal_queue(dossier=dossier, event=event)

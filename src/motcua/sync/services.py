"""Keep the national portal up to date: every change of a dossier queues, in the same
transaction (motcua.outbox), its record (DongBoHoSoMC) and the step it took
(CapNhatTienDoHoSoMC). Nothing is queued when MOTCUA_SYNC_URL is empty."""

from django.conf import settings
from django.db import transaction

from motcua.core.clock import now
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import Status
from motcua.outbox.services import outbox_put
from motcua.sync import client
from motcua.sync.models import SyncState
from motcua.sync.payloads import dossier_record, progress_update


def sync_queue(*, dossier: Dossier, event: DossierEvent) -> None:
    """Queue both records for `event` (inside the caller's transaction)."""
    if not settings.MOTCUA_SYNC_URL or not dossier.code or event.to_status == Status.DRAFT:
        return
    outbox_put(topic="sync.dossier", key=f"sync:{dossier.pk}:{dossier.version}",
               dossier=dossier, payload={"dossier_id": dossier.pk, "version": dossier.version})
    outbox_put(topic="sync.progress", key=f"sync-progress:{event.pk}", dossier=dossier,
               payload={"event_id": event.pk})


def sync_dossier(payload: dict, *, key: str) -> None:
    """Send the dossier's record as it stands now, unless the portal already has this or a
    later version (a retried or late message)."""
    dossier = (Dossier.objects.select_related("procedure_version__procedure",
                                              "procedure_version__field", "competent_unit",
                                              "receiving_unit")
               .prefetch_related("files", "pauses", "results").get(pk=payload["dossier_id"]))
    state = SyncState.objects.filter(dossier=dossier).first()
    if state is not None and state.version_sent >= dossier.version:
        return
    client.post(service="DongBoHoSoMC", unit_code=dossier.receiving_unit.code,
                data=[dossier_record(dossier)], updating=state is not None)
    _remember(dossier)


def _remember(dossier: Dossier) -> None:
    at = now()
    with transaction.atomic():
        state, created = SyncState.objects.select_for_update().get_or_create(
            dossier=dossier, defaults={"version_sent": dossier.version, "first_sent_at": at,
                                       "last_sent_at": at})
        if not created and dossier.version > state.version_sent:
            state.version_sent, state.last_sent_at = dossier.version, at
            state.save(update_fields=["version_sent", "last_sent_at"])


def sync_progress(payload: dict, *, key: str) -> None:
    event = DossierEvent.objects.select_related(
        "dossier__receiving_unit", "actor", "unit", "step").get(pk=payload["event_id"])
    dossier = event.dossier
    client.post(service="CapNhatTienDoHoSoMC", unit_code=dossier.receiving_unit.code,
                data=[progress_update(event, code=dossier.code, due=dossier.due_at)],
                updating=True)

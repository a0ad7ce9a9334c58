"""Which function does each kind of outbox work. Explicit, no registry magic: a new
integration adds its line here. Each handler takes the message's payload and its key, is
idempotent (the same key may run twice after a crash) and raises to ask for a retry."""

from collections.abc import Callable

from django.utils.module_loading import import_string

# topic → dotted path of `handler(payload: dict, *, key: str) -> None`
HANDLERS: dict[str, str] = {
    "notify.dossier": "motcua.notify.services.notify_dossier_event",
    "notify.staff": "motcua.notify.services.notify_staff_alert",
    "sync.dossier": "motcua.sync.services.sync_dossier",
    "sync.progress": "motcua.sync.services.sync_progress",
    "postal.delivery": "motcua.postal.services.postal_delivery_send",
    "postal.pickup": "motcua.postal.services.postal_pickup_send",
}


def handler_for(topic: str) -> Callable[..., None]:
    try:
        return import_string(HANDLERS[topic])
    except KeyError as missing:
        raise LookupError(f"no outbox handler for topic {topic!r}") from missing

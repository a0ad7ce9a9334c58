"""Postal orders: queued with the dossier change that needs them (motcua.outbox), sent to
VNPost by a worker, kept current by VNPost's signed status callbacks."""

import hashlib
import json
import uuid
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from motcua.core.clock import VIETNAM, now
from motcua.dossiers.models import Delivery, Dossier, DossierEvent
from motcua.dossiers.statuses import Action
from motcua.outbox.services import outbox_put
from motcua.postal import client, protocol
from motcua.postal.models import PostalOrder, PostalStatusUpdate, Waybill

NO_WAYBILL = _("Đơn vị %(unit)s đã hết mã vận đơn bưu chính; hãy nạp thêm mã do bưu điện cấp.")


class NoWaybill(Exception):
    pass


class CallbackRejected(Exception):
    """A status callback that is not signed, not parseable or names no order of ours."""


def postal_queue(*, dossier: Dossier, event: DossierEvent) -> None:
    """In the dossier change's transaction: order the result's delivery when it is ready and
    the applicant chose the post; link a pick-up order when the post hands its dossier in."""
    if event.action == Action.APPROVE and dossier.delivery == Delivery.POST:
        outbox_put(topic="postal.delivery", key=f"postal-delivery:{dossier.pk}",
                   dossier=dossier, payload={"dossier_id": dossier.pk})
    elif event.action == Action.RECEIVE_POSTAL and dossier.postal_waybill:
        PostalOrder.objects.filter(kind=PostalOrder.Kind.PICKUP, dossier__isnull=True,
                                   item_code=dossier.postal_waybill).update(dossier=dossier)


def _waybill_take(unit) -> str:
    taken = (Waybill.objects.select_for_update(skip_locked=True)
             .filter(unit=unit, used_at__isnull=True).order_by("pk").first())
    if taken is None:
        raise NoWaybill(str(NO_WAYBILL % {"unit": unit.name}))
    taken.used_at = now()
    taken.save(update_fields=["used_at"])
    return taken.code


def _unit_sender(unit) -> dict:
    return {"name": unit.name, "address": unit.address or unit.name}


def postal_delivery_send(payload: dict, *, key: str) -> None:
    """Outbox handler: create the delivery order once (with a waybill from the unit's pool)
    and send it; a re-sent order is answered "already exists"."""
    dossier = Dossier.objects.select_related("receiving_unit").get(pk=payload["dossier_id"])
    with transaction.atomic():
        order = PostalOrder.objects.select_for_update().filter(
            dossier=dossier, kind=PostalOrder.Kind.DELIVERY).first()
        if order is None:
            order = PostalOrder.objects.create(
                kind=PostalOrder.Kind.DELIVERY, dossier=dossier, unit=dossier.receiving_unit,
                owner=dossier.owner, order_number=dossier.code,
                item_code=_waybill_take(dossier.receiving_unit),
                sender=_unit_sender(dossier.receiving_unit),
                receiver={"name": dossier.applicant_name, "address": dossier.delivery_address,
                          "phone": dossier.applicant_phone, "email": dossier.applicant_email},
                created_at=now())
    _send(order)


def postal_pickup_register(*, owner, unit, sender: dict, procedure_version=None,
                           note: str = "", key: str | None = None) -> PostalOrder:
    """A citizen asks the post to collect their dossier (Decision 45/2016 Art. 5): the order
    goes to VNPost, which assigns the waybill; the desk links it when the dossier arrives.
    The same `key` (the form's, against a double click) returns the order already made."""
    number = (f"THUGOM-{hashlib.sha256(f'{owner.pk}:{key}'.encode()).hexdigest()[:12].upper()}"
              if key else f"THUGOM-{uuid.uuid4().hex[:12].upper()}")
    with transaction.atomic():
        order, created = PostalOrder.objects.get_or_create(order_number=number, defaults={
            "kind": PostalOrder.Kind.PICKUP, "unit": unit, "owner": owner, "sender": sender,
            "receiver": _unit_sender(unit), "procedure_version": procedure_version,
            "note": note, "created_at": now()})
        if created:
            outbox_put(topic="postal.pickup", key=f"postal-pickup:{order.pk}",
                       payload={"order_id": order.pk})
    return order


def postal_pickup_send(payload: dict, *, key: str) -> None:
    _send(PostalOrder.objects.get(pk=payload["order_id"]))


def _send(order: PostalOrder) -> None:
    answer = client.order_create(protocol.order_fields(
        order, customer_code=settings.MOTCUA_VNPOST_CUSTOMER_CODE))
    PostalOrder.objects.filter(pk=order.pk, state=protocol.State.NEW).update(
        state=protocol.State.REGISTERED, state_at=now())
    if not order.item_code and answer.get("ItemCode"):  # a pick-up: VNPost assigns the code
        PostalOrder.objects.filter(pk=order.pk, item_code="").update(
            item_code=str(answer["ItemCode"])[:40])


def _parse(body: bytes) -> tuple[dict, datetime]:
    try:
        data = json.loads(body.decode("utf-8"))
        at = datetime.strptime(data["StatusTime"], "%Y%m%d%H%M%S").replace(tzinfo=VIETNAM)
        data["Status"] = str(data["Status"])
        data["OrderNumber"] = str(data["OrderNumber"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise CallbackRejected("unreadable callback") from error
    if data["Status"] not in protocol.STATUS_CODES:
        raise CallbackRejected(f"unknown status {data['Status']!r}")
    return data, at


def postal_status_record(*, body: bytes, signature: str) -> bool:
    """Apply one signed callback; returns False for a duplicate. Orders move forward only, so
    callbacks arriving twice or out of order leave the latest state in place."""
    if not protocol.signature_valid(settings.MOTCUA_VNPOST_CALLBACK_SECRET, body, signature):
        raise CallbackRejected("bad signature")
    data, at = _parse(body)
    state = protocol.STATUS_CODES[data["Status"]]
    with transaction.atomic():
        order = PostalOrder.objects.select_for_update().filter(
            order_number=data["OrderNumber"]).first()
        if order is None:
            raise CallbackRejected("no such order")
        _update, created = PostalStatusUpdate.objects.get_or_create(
            order=order, status=state, status_at=at,
            defaults={"note": str(data.get("Note", ""))[:500], "received_at": now()})
        if not created:
            return False
        if protocol.RANK[state] > protocol.RANK[protocol.State(order.state)]:
            order.state, order.state_at = state, at
            if not order.item_code and data.get("ItemCode"):
                order.item_code = str(data["ItemCode"])[:40]
            order.save(update_fields=["state", "state_at", "item_code"])
    return True


@transaction.atomic
def postal_pickup_request(*, owner, procedure_version, unit, address: str, phone: str,
                          note: str = "", key: str | None = None) -> PostalOrder:
    """The citizen's pick-up page: register the order (above) for this procedure, with the
    address and phone the postman comes to and a note for them."""
    return postal_pickup_register(
        owner=owner, unit=unit, procedure_version=procedure_version, note=note, key=key,
        sender={"name": owner.full_name or owner.username, "address": address, "phone": phone,
                "email": owner.email})

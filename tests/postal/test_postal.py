"""Results by post: the delivery order goes to (fake) VNPost with a waybill from the unit's
pool once the result is approved; signed status callbacks keep it current, once each, never
backwards. Pick-ups: registered, assigned a waybill, linked when the post hands the dossier in."""

import json
from datetime import datetime

import pytest

from motcua.core.clock import VIETNAM
from motcua.dossiers.inputs import PostalReceipt, ResultData
from motcua.dossiers.models import Delivery, Dossier
from motcua.dossiers.services.intake import dossier_receive
from motcua.dossiers.services.processing import dossier_approve
from motcua.dossiers.statuses import Status
from motcua.outbox import services as outbox
from motcua.outbox.models import OutboxMessage
from motcua.postal.fake_vnpost import FakeVNPost
from motcua.postal.models import PostalOrder, PostalStatusUpdate, Waybill
from motcua.postal.protocol import signature
from motcua.postal.selectors import postal_orders_for
from motcua.postal.services import postal_pickup_register
from tests.factories.dossiers import components_for, dossier_in

pytestmark = pytest.mark.django_db
SECRET = "test-postal-secret"
CALLBACK = "/buu-chinh/trang-thai/"


@pytest.fixture
def vnpost(settings):
    fake = FakeVNPost(secret=SECRET, token="vnpost-token").start()
    settings.MOTCUA_VNPOST_URL = fake.url
    settings.MOTCUA_VNPOST_TOKEN = "vnpost-token"
    settings.MOTCUA_VNPOST_CALLBACK_SECRET = SECRET
    settings.MOTCUA_VNPOST_TIMEOUT = 2
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    yield fake
    fake.stop()


@pytest.fixture
def awaiting_by_post(world, five_day_procedure, travel, vnpost):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure)
    Dossier.objects.filter(pk=dossier.pk).update(
        delivery=Delivery.POST, delivery_address="12 Nguyễn Huệ, phường Mỹ Tho, Đồng Tháp")
    Waybill.objects.create(code="EB00000001VN", unit=world.unit)
    return Dossier.objects.get(pk=dossier.pk)


def approve(dossier, world):
    return dossier_approve(dossier=dossier, actor=world.leader,
                           results=[ResultData(name="Giấy khai sinh", number="12/2026")])


def callback(client, order_number, status, at, *, secret=SECRET):
    body = json.dumps({"OrderNumber": order_number, "ItemCode": "", "Status": status,
                       "StatusTime": at.strftime("%Y%m%d%H%M%S")}).encode()
    return client.post(CALLBACK, data=body, content_type="application/json",
                       HTTP_X_VNPOST_SIGNATURE=signature(secret, body))


def test_an_approved_result_by_post_is_ordered_with_a_waybill_from_the_pool(
        awaiting_by_post, world, vnpost):
    dossier = approve(awaiting_by_post, world)

    outbox.outbox_sweep()

    order = PostalOrder.objects.get(dossier=dossier, kind=PostalOrder.Kind.DELIVERY)
    assert order.item_code == "EB00000001VN"
    assert order.state == PostalOrder.State.REGISTERED
    sent = vnpost.orders[dossier.code]
    assert sent["ReceiverAddress"] == "12 Nguyễn Huệ, phường Mỹ Tho, Đồng Tháp"
    assert sent["ReceiverName"] == dossier.applicant_name
    assert sent["OrderType"] == 2
    assert Waybill.objects.get().used_at is not None


def test_a_result_for_the_desk_orders_nothing(world, five_day_procedure, travel, vnpost):
    dossier = dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure)

    approve(dossier, world)

    assert not OutboxMessage.objects.filter(topic__startswith="postal.").exists()


def test_an_empty_pool_fails_with_a_clear_reason_and_succeeds_once_refilled(
        awaiting_by_post, world, vnpost):
    Waybill.objects.all().delete()
    dossier = approve(awaiting_by_post, world)

    outbox.outbox_sweep()
    message = OutboxMessage.objects.get(topic="postal.delivery")
    assert "hết mã vận đơn" in message.last_error
    assert not PostalOrder.objects.exists()

    Waybill.objects.create(code="EB00000002VN", unit=world.unit)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at)
    outbox.outbox_sweep()

    assert PostalOrder.objects.get(dossier=dossier).item_code == "EB00000002VN"


def test_an_order_resent_after_a_lost_answer_is_not_a_second_order(awaiting_by_post, world,
                                                                  vnpost):
    vnpost.fail_next = 1
    dossier = approve(awaiting_by_post, world)
    outbox.outbox_sweep()  # VNPost answered 500: the order row exists, the send is retried
    message = OutboxMessage.objects.get(topic="postal.delivery")
    assert "HTTP 500" in message.last_error
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at)

    outbox.outbox_sweep()

    assert list(vnpost.orders) == [dossier.code]
    assert PostalOrder.objects.filter(dossier=dossier).count() == 1
    assert Waybill.objects.filter(used_at__isnull=False).count() == 1


def test_callbacks_apply_once_and_never_move_an_order_backwards(awaiting_by_post, world,
                                                                vnpost, client):
    dossier = approve(awaiting_by_post, world)
    outbox.outbox_sweep()
    in_transit = datetime(2026, 3, 20, 9, 0, tzinfo=VIETNAM)
    delivered = datetime(2026, 3, 21, 15, 30, tzinfo=VIETNAM)

    assert callback(client, dossier.code, "6", delivered).json()["Message"] == "OK"
    assert callback(client, dossier.code, "6", delivered).json()["Message"] == "duplicate"
    assert callback(client, dossier.code, "5", in_transit).status_code == 200  # late

    order = PostalOrder.objects.get(dossier=dossier)
    assert order.state == PostalOrder.State.DELIVERED
    assert order.state_at == delivered
    assert PostalStatusUpdate.objects.filter(order=order).count() == 2


def test_an_order_whose_answer_times_out_is_retried_without_a_second_order(
        awaiting_by_post, world, vnpost, settings):
    settings.MOTCUA_VNPOST_TIMEOUT = 0.3
    vnpost.delay = 0.8
    dossier = approve(awaiting_by_post, world)
    outbox.outbox_sweep()
    message = OutboxMessage.objects.get(topic="postal.delivery")
    assert "timed out" in message.last_error

    vnpost.delay = 0
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at)
    outbox.outbox_sweep()

    # VNPost kept the first order although its answer came too late: the retry is "101".
    assert list(vnpost.orders) == [dossier.code]
    assert PostalOrder.objects.get(dossier=dossier).state == PostalOrder.State.REGISTERED


@pytest.mark.parametrize("problem", ["bad signature", "unknown order", "unknown status"])
def test_bad_callbacks_are_refused_and_change_nothing(awaiting_by_post, world, vnpost, client,
                                                      problem):
    dossier = approve(awaiting_by_post, world)
    outbox.outbox_sweep()
    at = datetime(2026, 3, 21, 15, 30, tzinfo=VIETNAM)
    number, status, secret = dossier.code, "6", SECRET
    if problem == "bad signature":
        secret = "forged"
    elif problem == "unknown order":
        number = "KHONG-CO"
    else:
        status = "99"

    response = callback(client, number, status, at, secret=secret)

    assert response.status_code == 400
    assert PostalOrder.objects.get(dossier=dossier).state == PostalOrder.State.REGISTERED
    assert not PostalStatusUpdate.objects.exists()


def test_a_pickup_gets_its_waybill_from_vnpost_and_is_linked_on_receipt(
        world, citizen, travel, vnpost, client, five_day_procedure):
    order = postal_pickup_register(owner=citizen, unit=world.unit, sender={
        "name": citizen.full_name, "address": "Ấp 3, xã Vĩnh Bình", "phone": "0912345678"})
    outbox.outbox_sweep()
    order.refresh_from_db()
    assert order.item_code.startswith("EB") and order.state == PostalOrder.State.REGISTERED

    at = datetime(2026, 3, 9, 7, 0, tzinfo=VIETNAM)  # before the desk opened: collected
    assert callback(client, order.order_number, "2", at).status_code == 200
    order.refresh_from_db()
    assert order.get_state_display() == "Bưu điện đang thu gom"

    # The post hands the dossier in at the desk with that waybill: the order is linked to it.
    dossier = dossier_receive(
        actor=world.desk_officer, procedure_version=five_day_procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(),
        components=components_for(five_day_procedure),
        postal=PostalReceipt(waybill=order.item_code, handed_over_at=at), owner=citizen)
    order.refresh_from_db()
    assert order.dossier == dossier
    assert postal_orders_for(dossier=dossier) == [order]


def test_waybills_load_fills_the_pool_once(world, tmp_path):
    from django.core.management import call_command

    codes = tmp_path / "codes.txt"
    codes.write_text("EB10000001VN\nEB10000002VN\n\nEB10000001VN\n", "utf-8")

    call_command("waybills_load", "--unit", world.unit.code, str(codes), verbosity=0)
    call_command("waybills_load", "--unit", world.unit.code, str(codes), verbosity=0)

    assert sorted(Waybill.objects.values_list("code", flat=True)) == [
        "EB10000001VN", "EB10000002VN"]

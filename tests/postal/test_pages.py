"""The citizen's postal pages: /buu-chinh/thu-gom/ (choose the procedure, then the receiving
unit, address, phone and a note), the order's page with its waybill once VNPost assigned it,
and the list of their own pick-ups; the dossier pages (citizen and desk) show the tracking."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.core.clock import VIETNAM
from motcua.dossiers.models import Delivery, Dossier
from motcua.dossiers.statuses import Channel, Status
from motcua.outbox import services as outbox
from motcua.outbox.models import OutboxMessage
from motcua.postal.fake_vnpost import FakeVNPost
from motcua.postal.models import PostalOrder
from motcua.postal.services import postal_pickup_request
from tests.factories.accounts import CitizenFactory
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory
from tests.factories.dossiers import dossier_in
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db
URL = "/buu-chinh/thu-gom/"
SECRET = "test-postal-secret"


@pytest.fixture
def vnpost(settings):
    fake = FakeVNPost(secret=SECRET).start()
    settings.MOTCUA_VNPOST_URL = fake.url
    settings.MOTCUA_VNPOST_CALLBACK_SECRET = SECRET
    settings.MOTCUA_VNPOST_TIMEOUT = 2
    # The outbox runs when the test sweeps it, as the scheduler would.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    yield fake
    fake.stop()


@pytest.fixture
def signed_in(client, citizen):
    client.force_login(citizen)
    return client


def step_two(procedure) -> str:
    return f"{URL}?thu_tuc={procedure.code}"


def register(client, procedure, to, **overrides):
    data = {"unit": to.pk, "address": "Ấp 3, xã Vĩnh Bình", "phone": "0912345678",
            "note": "Gọi trước khi đến"} | overrides
    return client.post(step_two(procedure), data)


def test_anonymous_visitors_are_sent_to_log_in(client):
    for path in (URL, "/buu-chinh/don/", "/buu-chinh/don/THUGOM-X/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/tai-khoan/dang-nhap/")


def test_step_one_lists_only_procedures_taken_by_post(signed_in, five_day_procedure):
    counter_only = ProcedureFactory(channels=(1,))

    html = signed_in.get(URL).content.decode()

    options = {e.attrs.get("value") for e in find_all(parse(html), "option")}
    assert five_day_procedure.code in options
    assert counter_only.code not in options
    assert "Bước 1/2: chọn thủ tục" in html


def test_a_procedure_not_taken_by_post_is_refused_with_a_message(signed_in, five_day_procedure):
    counter_only = ProcedureFactory(channels=(1,))

    response = signed_in.get(f"{URL}?thu_tuc={counter_only.code}")
    html = response.content.decode()

    assert response.status_code == 422
    assert "Thủ tục này không nhận hồ sơ qua bưu chính." in html
    (select,) = find_all(parse(html), "select", name="thu_tuc")
    assert select.attrs["aria-invalid"] == "true"
    assert "thu_tuc-error" in select.attrs["aria-describedby"]


def test_no_procedure_chosen_asks_for_one(signed_in, five_day_procedure):
    response = signed_in.get(f"{URL}?thu_tuc=")

    assert response.status_code == 422
    assert "Vui lòng chọn thủ tục bạn muốn gửi hồ sơ." in response.content.decode()


def test_step_two_offers_the_units_that_receive_the_procedure_and_my_details(
        signed_in, five_day_procedure, world, citizen):
    html = signed_in.get(step_two(five_day_procedure)).content.decode()

    elements = parse(html)
    units = {text_of(e) for e in find_all(elements, "option") if e.attrs.get("value")}
    assert world.unit.name in units
    (address,) = find_all(elements, "input", name="address")
    assert address.attrs["value"] == citizen.address
    (phone,) = find_all(elements, "input", name="phone")
    assert phone.attrs["value"] == citizen.phone
    assert five_day_procedure.name in html


def test_registering_sends_the_order_and_shows_the_waybill_once_vnpost_assigned_it(
        signed_in, five_day_procedure, world, citizen, vnpost, travel):
    response = register(signed_in, five_day_procedure, world.unit)

    order = PostalOrder.objects.get(owner=citizen)
    assert response.status_code == 302
    assert response.url == f"/buu-chinh/don/{order.order_number}/"
    assert order.kind == PostalOrder.Kind.PICKUP
    assert order.procedure_version == five_day_procedure.current_version
    assert order.note == "Gọi trước khi đến"
    assert order.sender["address"] == "Ấp 3, xã Vĩnh Bình"
    page = signed_in.get(response.url).content.decode()
    assert "Đã gửi yêu cầu thu gom hồ sơ." in page
    assert "Chưa gửi bưu điện" in page
    assert "Bưu điện chưa cấp mã vận đơn." in page

    outbox.outbox_sweep()

    sent = vnpost.orders[order.order_number]
    assert sent["SenderAddress"] == "Ấp 3, xã Vĩnh Bình" and sent["SenderTel"] == "0912345678"
    order.refresh_from_db()
    page = signed_in.get(response.url).content.decode()
    assert order.item_code.startswith("EB")
    (waybill,) = find_all(parse(page), "span", id="waybill")
    assert text_of(waybill) == order.item_code
    states = [text_of(dd) for dd in find_all(parse(page), "dd") if "bưu điện" in dd.text]
    assert "Đã đăng ký với bưu điện (cập nhật 08:00 09/03/2026)" in states


@pytest.mark.parametrize(("field", "value", "message"), [
    ("address", "", "Vui lòng nhập địa chỉ bưu điện đến thu gom hồ sơ."),
    ("phone", "", "Vui lòng nhập số điện thoại để bưu điện liên hệ."),
    ("phone", "12345", "Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0."),
    ("unit", "", "Vui lòng chọn đơn vị tiếp nhận hồ sơ."),
])
def test_invalid_details_are_shown_again_with_a_message_and_order_nothing(
        signed_in, five_day_procedure, world, field, value, message):
    response = register(signed_in, five_day_procedure, world.unit, **{field: value})
    html = response.content.decode()

    assert response.status_code == 422
    assert message in html
    assert find_all(parse(html), "a", href=f"#id_{field}")  # the summary links to the field
    assert "Gọi trước khi đến" in html  # what was typed stays
    assert not PostalOrder.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_unit_that_does_not_receive_the_procedure_is_refused(signed_in, five_day_procedure,
                                                               world):
    elsewhere = UnitFactory(with_desk=True, province=True)

    response = register(signed_in, five_day_procedure, elsewhere)

    assert response.status_code == 422
    assert "Đơn vị này không tiếp nhận thủ tục đã chọn." in response.content.decode()
    assert not PostalOrder.objects.exists()


def test_my_orders_lists_my_pickups_only_with_their_state(signed_in, five_day_procedure, world,
                                                          citizen, travel):
    mine = postal_pickup_request(owner=citizen, procedure_version=five_day_procedure
                                 .current_version, unit=world.unit, address="Ấp 3",
                                 phone="0912345678")
    theirs = postal_pickup_request(owner=CitizenFactory(), procedure_version=five_day_procedure
                                   .current_version, unit=world.unit, address="Ấp 4",
                                   phone="0912345679")

    html = signed_in.get("/buu-chinh/don/").content.decode()

    cards = {e.attrs["data-order"]: text_of(e) for e in find_all(parse(html), "li")
             if "data-order" in e.attrs}
    assert list(cards) == [mine.order_number]
    assert "Trạng thái: Chưa gửi bưu điện" in cards[mine.order_number]
    assert "Mã vận đơn: chưa có" in cards[mine.order_number]
    assert signed_in.get(f"/buu-chinh/don/{theirs.order_number}/").status_code == 404
    assert signed_in.get("/buu-chinh/don/THUGOM-KHONGCO/").status_code == 404


def test_an_empty_list_invites_to_register(signed_in):
    html = signed_in.get("/buu-chinh/don/").content.decode()

    assert "Bạn chưa đăng ký bưu điện thu gom hồ sơ lần nào." in html
    assert find_all(parse(html), "a", href=URL)


# --- Tracking on the dossier pages --------------------------------------------------------


@pytest.fixture
def by_post(world, five_day_procedure, travel):
    """A dossier whose result goes by post: delivery ordered with a waybill, in transit."""
    dossier = dossier_in(Status.RESULT_READY, world=world, procedure=five_day_procedure,
                         channel=Channel.ONLINE)
    Dossier.objects.filter(pk=dossier.pk).update(delivery=Delivery.POST,
                                                 delivery_address="12 Nguyễn Huệ")
    PostalOrder.objects.create(
        kind=PostalOrder.Kind.DELIVERY, dossier=dossier, unit=world.unit, owner=dossier.owner,
        order_number=dossier.code, item_code="EB00000009VN",
        state=PostalOrder.State.IN_TRANSIT,
        state_at=datetime(2026, 3, 20, 9, 15, tzinfo=VIETNAM), created_at=dossier.created_at)
    return dossier


def tracking(html: str) -> list[str]:
    return [text_of(e) for e in find_all(parse(html), "li") if "data-postal-order" in e.attrs]


def test_the_citizens_dossier_page_shows_the_delivery_waybill_and_state(
        client, by_post, world):
    client.force_login(by_post.owner)

    html = client.get(f"/ho-so/{by_post.code}/").content.decode()

    assert tracking(html) == ["Chuyển phát kết quả: mã vận đơn EB00000009VN — Đang chuyển "
                              "phát kết quả (cập nhật 09:15 20/03/2026)"]


def test_the_tracking_costs_one_query_on_the_citizens_page(client, by_post, world,
                                                           five_day_procedure):
    plain = dossier_in(Status.RESULT_READY, world=world, procedure=five_day_procedure,
                       channel=Channel.ONLINE)
    client.force_login(by_post.owner)

    def count(dossier) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/ho-so/{dossier.code}/").status_code == 200
        return len(queries)

    assert count(by_post) == count(plain)
    assert "Theo dõi bưu chính" not in client.get(f"/ho-so/{plain.code}/").content.decode()


def test_the_desk_sees_the_delivery_waybill_before_handing_the_result_over(client, by_post,
                                                                            world):
    client.force_login(world.desk_officer)

    html = client.get(f"/mot-cua/ho-so/{by_post.code}/").content.decode()

    assert tracking(html) == ["Chuyển phát kết quả: mã vận đơn EB00000009VN — Đang chuyển "
                              "phát kết quả (cập nhật 09:15 20/03/2026)"]


def test_a_form_sent_twice_registers_one_pickup(db, citizen, world, five_day_procedure, travel):
    def send():
        return postal_pickup_request(
            owner=citizen, procedure_version=five_day_procedure.current_version,
            unit=world.unit, address="Ấp 3, xã Vĩnh Bình", phone="0912345678", key="form-1")

    first, second = send(), send()

    assert first == second
    assert PostalOrder.objects.filter(owner=citizen).count() == 1


def test_a_picked_up_dossiers_waybill_is_shown_once(client, by_post, world):
    Dossier.objects.filter(pk=by_post.pk).update(postal_waybill="EB00000007VN")
    PostalOrder.objects.create(
        kind=PostalOrder.Kind.PICKUP, dossier=by_post, unit=world.unit, owner=by_post.owner,
        order_number="THUGOM-1", item_code="EB00000007VN",
        state=PostalOrder.State.DELIVERED_TO_AGENCY, created_at=by_post.created_at)
    client.force_login(by_post.owner)

    html = client.get(f"/ho-so/{by_post.code}/").content.decode()

    assert html.count("EB00000007VN") == 1  # in the tracking box, not again in the summary
    assert len(tracking(html)) == 2

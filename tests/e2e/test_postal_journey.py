"""Issue #7 in a real browser, on a 375 px-wide phone: a citizen asks the post to collect
their dossier, (fake) VNPost accepts the order and assigns a waybill code, the order's page
shows it; then the citizen chooses to hear about their dossiers by e-mail only."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from motcua.notify.models import Preference
from motcua.outbox.services import outbox_sweep
from motcua.postal.fake_vnpost import FakeVNPost
from motcua.postal.models import PostalOrder
from tests.factories.dossiers import procedure_create, world_create

pytestmark = pytest.mark.e2e
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def vnpost(settings):
    # The live server runs in this process, so it sees these settings too.
    fake = FakeVNPost(secret="journey-secret").start()
    settings.MOTCUA_VNPOST_URL = fake.url
    settings.MOTCUA_VNPOST_CALLBACK_SECRET = "journey-secret"
    settings.MOTCUA_VNPOST_TIMEOUT = 2
    # The outbox runs when the test sweeps it, as the scheduler would in production.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    yield fake
    fake.stop()


def _log_in(context, live_server, person) -> None:
    client = Client()
    client.force_login(person)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_a_citizen_registers_a_pickup_on_a_phone_and_sees_the_waybill(
        page, context, live_server, vnpost, screenshot, console_errors):
    world = world_create()
    procedure = procedure_create()
    _log_in(context, live_server, world.citizen)
    page.set_viewport_size(PHONE)

    # Given the pick-up page, the citizen chooses the procedure
    page.goto(f"{live_server.url}/buu-chinh/thu-gom/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng ký bưu điện thu gom hồ sơ")
    page.get_by_label("Thủ tục hành chính").select_option(procedure.code)
    page.get_by_role("button", name="Tiếp tục").click()

    # When they forget the phone number, the page says so and keeps what they typed
    page.get_by_label("Nơi nhận hồ sơ (đơn vị tiếp nhận)").select_option(str(world.unit.pk))
    page.get_by_label("Địa chỉ thu gom").fill("Ấp 3, xã Vĩnh Bình, tỉnh Đồng Tháp")
    page.get_by_label("Số điện thoại").fill("")
    page.get_by_label("Ghi chú cho bưu điện").fill("Gọi trước khi đến")
    page.get_by_role("button", name="Gửi yêu cầu thu gom").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Vui lòng nhập số điện thoại để bưu điện liên hệ.")
    expect(page.get_by_label("Địa chỉ thu gom")).to_have_value(
        "Ấp 3, xã Vĩnh Bình, tỉnh Đồng Tháp")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Số điện thoại")).to_be_focused()
    screenshot("phone-missing")

    # and then fill it in and send the request
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_role("button", name="Gửi yêu cầu thu gom").click()
    main = page.locator("main")
    expect(main).to_contain_text("Đã gửi yêu cầu thu gom hồ sơ.")
    expect(main).to_contain_text("Bưu điện chưa cấp mã vận đơn.")
    screenshot("registered")

    # Then the outbox sends the order, VNPost assigns the waybill, and the page shows it
    outbox_sweep()
    order = PostalOrder.objects.get(owner=world.citizen)
    assert vnpost.orders[order.order_number]["SenderTel"] == "0912345678"
    page.reload()
    expect(page.locator("#waybill")).to_have_text(order.item_code)
    expect(main).to_contain_text("Đã đăng ký với bưu điện")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot("waybill")

    # and the list of their pick-ups has it with its state
    page.get_by_role("link", name="Đơn thu gom của tôi").click()
    expect(main).to_contain_text(order.item_code)

    # Finally the citizen chooses to hear by e-mail only
    page.goto(f"{live_server.url}/tai-khoan/thong-bao/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kênh nhận thông báo")
    page.get_by_label("Tin nhắn SMS").uncheck()
    page.get_by_label("Thư điện tử").check()
    page.get_by_role("button", name="Lưu lựa chọn").click()
    expect(main).to_contain_text("Đã lưu kênh nhận thông báo.")
    expect(page.get_by_label("Thư điện tử")).to_be_checked()
    expect(page.get_by_label("Tin nhắn SMS")).not_to_be_checked()
    expect(page.get_by_label("Zalo")).not_to_be_checked()
    assert Preference.objects.get(user=world.citizen).channels() == {"email"}
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot("email-only")
    # The one invalid form answered 422 (Chromium logs every 4xx); nothing else went wrong.
    assert [e for e in console_errors if "status of 422" not in e] == []

"""Journeys 2 and 4 of issue #4, in a real browser: the citizen follows their online dossier
on /ho-so/<code>/ — the desk accepts it and the page shows the new status and the appointment;
a supplement request is answered with an upload (on a 375 px-wide phone) and the page shows
the clock resumed with the new expected date."""

from datetime import timedelta

import pytest
import time_machine
from playwright.sync_api import expect

from motcua.core.clock import local, now
from motcua.core.templatetags.motcua import vndatetime
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import intake, processing
from motcua.dossiers.statuses import Channel, Status
from tests.e2e.conftest import ARTIFACTS, TIMEOUT_MS
from tests.e2e.session import sign_in
from tests.factories.dossiers import dossier_in, procedure_create, world_create

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"




def test_the_citizen_sees_the_desk_accept_their_dossier(page, context, live_server, screenshot,
                                                        console_errors):
    world = world_create()
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=procedure_create())
    sign_in(context, live_server, world.citizen)

    # Given the citizen's list of dossiers, with the one they submitted online
    page.goto(f"{live_server.url}/ho-so/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ của tôi")
    page.get_by_role("link", name=dossier.code).click()
    main = page.locator("main")
    expect(main).to_contain_text("Đã nộp, đang chờ cán bộ tiếp nhận")
    screenshot("submitted")

    # When the desk accepts it
    intake.dossier_accept(dossier=dossier, actor=world.desk_officer)
    accepted = Dossier.objects.get(pk=dossier.pk)

    # Then the citizen's page shows the new status and the appointment for the result
    page.reload()
    expect(main).to_contain_text("Đã được tiếp nhận")
    standing = page.get_by_role("region", name="Tình trạng hiện tại")
    expect(standing).to_contain_text(
        f"Ngày hẹn trả kết quả: {vndatetime(accepted.appointment_at)}")
    expect(page.get_by_role("region", name="Quá trình giải quyết")).to_contain_text(
        f"đã tiếp nhận hồ sơ lúc {vndatetime(accepted.received_at)}")
    screenshot("accepted")
    assert console_errors == []


@pytest.fixture
def phone_page(browser, live_server, transactional_db):
    """A 375 px-wide phone screen."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 375, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_the_citizen_answers_a_supplement_on_a_phone(phone_page, live_server, request):
    page = phone_page
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    world = world_create()
    procedure = procedure_create()
    # The dossier was received three weeks ago and paused for a supplement the next day: the
    # answer today gives the agency back the working time it had left then.
    start = local(now()).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=21)
    with time_machine.travel(start, tick=False) as clock:
        dossier = dossier_in(Status.PROCESSING, channel=Channel.ONLINE, world=world,
                             procedure=procedure)
        clock.move_to(start + timedelta(days=1, hours=2))
        processing.dossier_request_supplement(
            dossier=dossier, actor=world.specialist, reason="Ảnh chụp CCCD bị mờ",
            items=["Ảnh chụp CCCD hai mặt, rõ nét"])
    paused = Dossier.objects.get(pk=dossier.pk)
    sign_in(page.context, live_server, world.citizen)

    # Given the citizen on their phone, on the dossier that waits for them
    page.goto(f"{live_server.url}/ho-so/")
    expect(page.locator(f'li[data-code="{dossier.code}"]')).to_contain_text("Cần bổ sung hồ sơ")
    page.get_by_role("link", name=dossier.code).click()
    expect(page.locator("main")).to_contain_text("chờ bạn bổ sung hồ sơ")
    expect(page.locator("main")).to_contain_text("Ảnh chụp CCCD hai mặt, rõ nét")
    _save(page, request, "paused")

    # When they upload the photo and send it
    page.get_by_role("link", name="Bổ sung hồ sơ").click()
    page.get_by_label("Tệp bổ sung").set_input_files(
        [{"name": "cccd.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_label("Ghi chú cho cán bộ (không bắt buộc)").fill("Gửi lại ảnh rõ nét")
    _save(page, request, "form")
    page.get_by_role("button", name="Gửi hồ sơ bổ sung").click()

    # Then the page says the clock runs again and shows the new expected date
    resumed = Dossier.objects.get(pk=dossier.pk)
    assert resumed.status == Status.PROCESSING
    assert resumed.appointment_at > paused.appointment_at
    new_date = vndatetime(resumed.appointment_at)
    expect(page.get_by_role("status")).to_contain_text(
        f"Thời hạn giải quyết tiếp tục; ngày hẹn trả kết quả mới: {new_date}.")
    expect(page.get_by_role("region", name="Tình trạng hiện tại")).to_contain_text(
        f"Ngày hẹn trả kết quả: {new_date}")
    expect(page.locator("main")).to_contain_text("cccd.pdf")
    _save(page, request, "resumed")
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert errors == []


def _save(page, request, label: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}-{label}.png", full_page=True)

"""/tai-khoan/thong-bao/: a person chooses the channels they hear on (at least one), sees the
address each channel uses or why it cannot be used, and the messages sent to them — only theirs."""

from datetime import datetime, timedelta

import pytest

from motcua.core.clock import VIETNAM
from motcua.notify.models import Notification, Preference
from motcua.notify.services import NoChannelChosen, preference_set
from tests.factories.accounts import CitizenFactory
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db
URL = "/tai-khoan/thong-bao/"


def checked(html: str) -> set[str]:
    return {e.attrs["name"] for e in find_all(parse(html), "input", type="checkbox")
            if "checked" in e.attrs}


def log_rows(html: str) -> list[str]:
    return [text_of(row) for row in find_all(parse(html), "tr")][1:]


def notification(user, n: int, *, state=Notification.State.SENT, subject=None, at=None):
    at = at or datetime(2026, 3, 9, 8, 0, tzinfo=VIETNAM) + timedelta(minutes=n)
    return Notification.objects.create(
        key=f"test:{user.pk}:{n}", channel="email", recipient=user.email or "x@example.vn",
        user=user, subject=subject or f"Hồ sơ số {n}", body="…", state=state, created_at=at,
        sent_at=at if state == Notification.State.SENT else None)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith("/tai-khoan/dang-nhap/")


def test_without_a_choice_the_page_shows_the_default_channels_and_addresses(citizen_client):
    response = citizen_client.get(URL)
    html = response.content.decode()

    assert response.status_code == 200
    assert checked(html) == {"email", "sms"}
    assert "Gửi tới: an@motcua.example" in html
    assert "Gửi tới: 0912345678" in html
    assert "Chưa có thông báo nào được gửi cho bạn." in html


def test_choosing_email_only_is_saved_and_shown_again(citizen_client, citizen):
    response = citizen_client.post(URL, {"email": "on"}, follow=True)

    preference = Preference.objects.get(user=citizen)
    assert preference.channels() == {"email"}
    html = response.content.decode()
    assert "Đã lưu kênh nhận thông báo." in html
    assert checked(html) == {"email"}


def test_turning_every_channel_off_is_refused_with_a_message_and_saves_nothing(
        citizen_client, citizen):
    preference_set(user=citizen, email=False, sms=True, zalo=True)

    response = citizen_client.post(URL, {})
    html = response.content.decode()

    assert response.status_code == 422
    assert "Hãy giữ ít nhất một kênh nhận thông báo" in html
    (summary,) = find_all(parse(html), "div", role="alert")
    assert find_all(parse(html), "a", href="#id_email")
    assert "Thông tin chưa hợp lệ" in text_of(summary)
    assert Preference.objects.get(user=citizen).channels() == {"sms", "zalo"}
    # What the person had on screen (nothing ticked) is what they see again.
    assert checked(html) == set()


def test_the_service_refuses_no_channel_too(citizen):
    with pytest.raises(NoChannelChosen):
        preference_set(user=citizen, email=False, sms=False, zalo=False)

    assert not Preference.objects.filter(user=citizen).exists()


def test_a_person_without_email_or_phone_is_told_those_channels_cannot_reach_them(client):
    person = CitizenFactory(email="", phone=None)
    client.force_login(person)

    html = client.get(URL).content.decode()

    assert "chưa có địa chỉ thư điện tử, nên chưa nhận được thông báo" in html
    assert html.count("chưa có số điện thoại, nên chưa nhận được thông báo") == 2  # SMS, Zalo
    assert "Gửi tới:" not in html


def test_the_log_lists_my_messages_only_newest_first_with_date_and_state(citizen_client,
                                                                         citizen):
    notification(citizen, 1, subject="Hồ sơ đã được tiếp nhận",
                 at=datetime(2026, 3, 9, 8, 5, tzinfo=VIETNAM))
    notification(citizen, 2, subject="Yêu cầu bổ sung hồ sơ", state=Notification.State.FAILED,
                 at=datetime(2026, 3, 10, 14, 30, tzinfo=VIETNAM))
    notification(CitizenFactory(), 3, subject="Hồ sơ của người khác")

    rows = log_rows(citizen_client.get(URL).content.decode())

    assert rows == [
        "Thư điện tử Yêu cầu bổ sung hồ sơ – Gửi lỗi",
        "Thư điện tử Hồ sơ đã được tiếp nhận 08:05 09/03/2026 Đã gửi",
    ]


def test_the_log_shows_the_newest_fifty(citizen_client, citizen):
    for n in range(55):
        notification(citizen, n)

    rows = log_rows(citizen_client.get(URL).content.decode())

    assert len(rows) == 50
    assert "Hồ sơ số 54" in rows[0] and "Hồ sơ số 5 " in rows[-1] + " "


def test_the_page_reads_in_english_for_who_chose_it(citizen_client):
    citizen_client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    html = citizen_client.get(URL).content.decode()

    assert "Notification channels" in html
    assert "Messages sent to me" in html

"""/nhat-ky-truy-cap/: the signed-in citizen sees which officer of which unit read which of
their dossiers and when (Decree 13/2023/NĐ-CP Art. 9 §1, the data subject's right to know);
nobody sees another person's log."""

import pytest
from django.urls import reverse
from django.utils import translation

from motcua.audit.models import PersonalDataRead
from motcua.dossiers.statuses import Channel, Status
from tests.audit.conftest import client_for
from tests.factories.dossiers import dossier_in

URL = "/nhat-ky-truy-cap/"


@pytest.fixture
def read_by_desk(world):
    dossier = dossier_in(Status.RECEIVED, world=world, channel=Channel.ONLINE)
    client_for(world.desk_officer).get(f"/mot-cua/ho-so/{dossier.code}/")
    return dossier


def test_the_citizen_sees_who_read_their_dossier_and_when(world, read_by_desk):
    html = client_for(world.citizen).get(URL).content.decode()

    assert "Ai đã xem dữ liệu cá nhân của tôi" in html
    assert world.desk_officer.full_name in html
    assert world.unit.name in html
    assert "Cán bộ một cửa" in html
    assert read_by_desk.code in html
    assert "09/03/2026 10:00" in html  # dd/mm/yyyy HH:MM, Vietnam's time
    assert "203.0.113.7" not in html  # the address is for investigations, in the admin


def test_another_citizen_sees_nothing_of_it(world, read_by_desk, other_citizen):
    html = client_for(other_citizen).get(URL).content.decode()

    assert read_by_desk.code not in html
    assert "Chưa có cán bộ nào xem dữ liệu cá nhân của bạn." in html


def test_the_page_is_private_and_in_english_on_request(world, read_by_desk):
    client = client_for(world.citizen)
    client.cookies["django_language"] = "en"

    response = client.get(URL)

    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Who has viewed my personal data" in html
    assert "Dossier page" in html


def test_signing_in_is_required(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={URL}"


def test_kinds_have_english_names():
    with translation.override("en"):
        labels = [str(label) for _v, label in PersonalDataRead._meta.get_field("kind").choices]
    assert "Register export" in labels



def test_a_long_log_is_paged(world, read_by_desk):
    read = PersonalDataRead.objects.values().get()
    del read["id"]
    PersonalDataRead.objects.bulk_create([PersonalDataRead(**read) for _ in range(50)])
    client = client_for(world.citizen)

    page_one = client.get(URL).content.decode()
    page_two = client.get(URL, {"trang": "2"}).content.decode()

    assert 'href="?trang=2"' in page_one and "Trang 1/2" in page_one
    assert page_one.count("<time ") == 50 and page_two.count("<time ") == 1

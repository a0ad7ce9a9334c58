"""/van-ban/<code>/<slug>.pdf: the owner and staff who may see the dossier get the PDF inline;
everyone else, and a form the dossier does not have, get 404."""

import pytest
from django.urls import reverse

from motcua.dossiers.statuses import Channel
from tests.documents.conftest import pdf_text
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db


def url(dossier, slug="mau-01") -> str:
    return reverse("documents:dossier-form", args=[dossier.code, slug])


def test_desk_officer_gets_the_receipt_inline(client, world, frozen_now):
    dossier = dossier_in("received", world=world)
    client.force_login(world.desk_officer)
    response = client.get(url(dossier))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{dossier.code}-mau-01.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert dossier.code in pdf_text(response.content)


def test_url_shape(world):
    dossier = dossier_in("received", world=world)
    assert url(dossier, "mau-05") == f"/van-ban/{dossier.code}/mau-05.pdf"


def test_owner_citizen_gets_the_receipt(client, world, frozen_now):
    dossier = dossier_in("received", world=world, channel=Channel.ONLINE)
    client.force_login(world.citizen)
    response = client.get(url(dossier))
    assert response.status_code == 200
    assert world.citizen.full_name in pdf_text(response.content)


def test_another_citizen_gets_404(client, world):
    dossier = dossier_in("received", world=world, channel=Channel.ONLINE)
    client.force_login(CitizenFactory())
    assert client.get(url(dossier)).status_code == 404


def test_another_units_officer_gets_404(client, world):
    dossier = dossier_in("received", world=world)
    stranger = StaffFactory(desk_officer=True, unit=UnitFactory(with_desk=True))
    client.force_login(stranger)
    assert client.get(url(dossier)).status_code == 404
    assert client.get(url(dossier, "mau-05")).status_code == 404


@pytest.mark.parametrize("slug", ["mau-02", "mau-03", "mau-04", "thong-bao-dung", "mau-99"])
def test_a_form_the_history_lacks_is_404(client, world, slug):
    dossier = dossier_in("processing", world=world)
    client.force_login(world.leader)
    assert client.get(url(dossier, slug)).status_code == 404


def test_unknown_code_is_404(client, world):
    client.force_login(world.desk_officer)
    response = client.get(reverse("documents:dossier-form", args=["000.00.00.X00-000000-0000",
                                                                 "mau-01"]))
    assert response.status_code == 404


def test_anonymous_is_sent_to_log_in(client, world):
    dossier = dossier_in("received", world=world)
    response = client.get(url(dossier))
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_post_is_refused(client, world):
    dossier = dossier_in("received", world=world)
    client.force_login(world.desk_officer)
    assert client.post(url(dossier)).status_code == 405

"""Who reaches the desk's pages: desk officers of their own units only."""

import pytest
from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Status
from tests.desk.conftest import client_for
from tests.factories.dossiers import dossier_in

PAGES = ("desk:queue", "desk:receive", "desk:receive-postal", "desk:return", "desk:register",
         "desk:register-xlsx")


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "next=" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_a_specialist_without_a_desk_role_is_refused(specialist, name):
    response = client_for(specialist).get(reverse(name))
    assert response.status_code == 403


def test_a_specialist_cannot_open_a_dossier_through_the_desk(world, specialist):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    response = client_for(specialist).get(reverse("desk:dossier", args=[dossier.code]))
    assert response.status_code == 403


def test_a_desk_officer_of_another_commune_gets_404_for_the_dossier(world, other_desk):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    assert other_desk.get(reverse("desk:dossier", args=[dossier.code])).status_code == 404


@pytest.mark.parametrize("action", ["desk:accept", "desk:refuse", "desk:request-completion",
                                    "desk:forward"])
def test_another_communes_officer_cannot_act_on_the_dossier(world, other_desk, action):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    response = other_desk.post(reverse(action, args=[dossier.code]), {
        "expected_version": dossier.version, "accept-expected_version": dossier.version,
        "refuse-expected_version": dossier.version, "refuse-reason": "Không hợp lệ",
    })
    assert response.status_code == 404
    assert Dossier.objects.get(pk=dossier.pk).status == Status.SUBMITTED


def test_another_communes_queue_does_not_list_the_dossier(world, other_desk):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    assert dossier.code not in other_desk.get(reverse("desk:queue")).content.decode()


def test_desk_pages_only_answer_get_and_actions_only_post(desk, world):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    assert desk.get(reverse("desk:accept", args=[dossier.code])).status_code == 405

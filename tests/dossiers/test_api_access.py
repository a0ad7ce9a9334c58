"""Who sees which dossier through the API: 404 — never 403 — for what is not yours to see, so
nobody learns that another person's dossier exists (STYLE.md habit 5); 403 with a reason for
what you may see but not do."""

import pytest
from django.http import Http404

from motcua.dossiers.access import For, dossier_get_for
from motcua.dossiers.statuses import Status
from tests.api.caller import DOSSIERS, Caller
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in, world_create

NOT_FOUND = {"code": "not_found", "message": "Không tìm thấy.", "field": None}


@pytest.fixture
def online(world, five_day_procedure, travel):
    return dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)


def _hidden(caller: Caller, dossier_id: int) -> None:
    for response in (caller.get(f"{DOSSIERS}/{dossier_id}"),
                     caller.get(f"{DOSSIERS}/{dossier_id}/events"),
                     caller.post(f"{DOSSIERS}/{dossier_id}/cancel"),
                     caller.post(f"{DOSSIERS}/{dossier_id}/accept")):
        assert response.status_code == 404
        assert response.json() == NOT_FOUND


def test_another_citizens_dossier_looks_like_no_dossier_at_all(online, other_citizen):
    caller = Caller(other_citizen, session=True)
    _hidden(caller, online.pk)
    assert caller.get(f"{DOSSIERS}/{online.pk + 1000}").json() == NOT_FOUND


def test_another_communes_officer_gets_404(online, other_desk_officer):
    _hidden(Caller(other_desk_officer), online.pk)


def test_the_owner_and_the_communes_officers_see_it(online, world):
    for caller in (Caller(world.citizen, session=True), Caller(world.desk_officer),
                   Caller(world.specialist), Caller(world.leader)):
        assert caller.dossier(online.pk)["code"] == online.code


def test_a_draft_is_the_citizens_alone(world, five_day_procedure, travel):
    draft = dossier_in(Status.DRAFT, world=world, procedure=five_day_procedure)
    assert Caller(world.citizen, session=True).dossier(draft.pk)["status"] == "draft"
    _hidden(Caller(world.desk_officer), draft.pk)


def test_a_province_leader_sees_its_communes_dossiers(five_day_procedure, travel):
    province = UnitFactory(province=True)
    world = world_create(unit=UnitFactory(with_desk=True, parent=province))
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure)
    assert Caller(StaffFactory(leader=True, unit=province)).dossier(dossier.pk)["id"] == dossier.pk
    # but a leader of the commune next door does not
    _hidden(Caller(StaffFactory(leader=True, unit=UnitFactory(parent=province))), dossier.pk)


def test_seeing_is_not_doing_403_with_a_reason(online, world):
    response = Caller(world.specialist).post(f"{DOSSIERS}/{online.pk}/accept", {})
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "forbidden" and body["field"] is None and body["message"]


def test_a_citizen_cannot_act_for_the_desk_on_their_own_dossier(online, world):
    response = Caller(world.citizen, session=True).post(f"{DOSSIERS}/{online.pk}/accept", {})
    assert response.status_code == 403


def test_the_owner_only_endpoints_hide_the_dossier_from_staff(online, world):
    # Submitting and cancelling are the applicant's: the desk gets 404, not a hint.
    response = Caller(world.desk_officer).post(f"{DOSSIERS}/{online.pk}/cancel", {})
    assert response.status_code == 404


def test_the_cooperating_agency_sees_the_dossier_it_worked_on(world, lien_thong_procedure, travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=lien_thong_procedure)
    police = UnitFactory(agency=True)
    officer = StaffFactory(specialist=True, unit=police)
    _hidden(Caller(officer), dossier.pk)
    Caller(world.specialist).act(dossier.pk, "send-to-agency", agency=police.code)
    Caller(officer).act(dossier.pk, "agency-return")
    assert Caller(officer).dossier(dossier.pk)["current_unit"]["code"] == world.unit.code


@pytest.mark.parametrize("user", ["anonymous", "inactive", "stranger"])
def test_dossier_get_for_raises_404_by_id_and_by_code(online, user, db):
    from django.contrib.auth.models import AnonymousUser

    person = {"anonymous": AnonymousUser(), "stranger": CitizenFactory()}.get(user)
    if user == "inactive":
        person = online.owner
        person.is_active = False
    for key in (online.pk, online.code):
        with pytest.raises(Http404):
            dossier_get_for(person, key)


def test_dossier_get_for_finds_by_code_for_the_owner_and_staff(online, world):
    assert dossier_get_for(world.citizen, online.code) == online
    assert dossier_get_for(world.desk_officer, online.code, for_=For.STAFF) == online
    with pytest.raises(Http404):
        dossier_get_for(world.citizen, online.code, for_=For.STAFF)
    with pytest.raises(Http404):
        dossier_get_for(world.desk_officer, online.pk, for_=For.OWNER)

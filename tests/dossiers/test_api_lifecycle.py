"""A full lifecycle through the API alone, for each channel (online, at the counter, by post)
on a same-day, a 5-working-day and a liên thông procedure: from submission or receipt to the
return of the result, with the statuses and national codes (DOMAIN.md §2.9) at every step.

The clock is frozen on Monday 09/03/2026 (a working day, no holiday that week) and moved by hand.
"""

from datetime import datetime

import pytest

from tests.api.caller import DOSSIERS, Caller
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import components_for, vn

CHANNELS = {"online": 2, "direct": 1, "postal": 3}
APPLICANT = {"name": "Lê Thị Hoa", "id_number": "099090123456", "phone": "0987654321",
             "address": "Thôn 2, xã Thử Nghiệm"}
# Received Monday 08:00. Same day: by 15:00 → end of that day's last session (DESIGN.md).
# Five working days: 40 working hours later, Monday 16/03 08:00.
DUE = {"same_day": vn(2026, 3, 9, 17), "five_day": vn(2026, 3, 16, 8),
       "lien_thong": vn(2026, 3, 16, 8)}
# Approved Monday 16:00: on the due date and before the due instant, or a date before it.
OUTCOME = {"same_day": "on_time", "five_day": "early", "lien_thong": "early"}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def people(world):
    """Who acts: the desk and the leader by API token, the citizen by their web session."""
    return {
        "desk": Caller(world.desk_officer),
        "specialist": Caller(world.specialist),
        "leader": Caller(world.leader),
        "citizen": Caller(world.citizen, session=True),
    }


@pytest.fixture
def procedures(same_day_procedure, five_day_procedure, lien_thong_procedure):
    return {"same_day": same_day_procedure, "five_day": five_day_procedure,
            "lien_thong": lien_thong_procedure}


def expect(dossier: dict, status: str, national: int | None) -> dict:
    assert (dossier["status"], dossier["national_status"]) == (status, national), dossier
    return dossier


def intake(channel: str, *, people, world, procedure, travel) -> dict:
    """Submitted online and accepted, or received at the counter / from the post, at 08:00."""
    body = {"procedure": procedure.code, "receiving_unit": world.unit.code,
            "applicant": APPLICANT}
    if channel == "online":
        travel(vn(2026, 3, 9, 7, 45))
        response = people["citizen"].post(f"{DOSSIERS}/submissions", body,
                                          headers={"Idempotency-Key": "lifecycle-1"})
        assert response.status_code == 201, response.content.decode()
        submitted = expect(response.json(), "submitted", 1)
        assert submitted["code"].startswith(f"{world.unit.code}-260309-")
        # The desk's own deadline: 8 working hours after the submission (3.75 + 4 on Monday).
        assert at(submitted["acceptance_due_at"]) == vn(2026, 3, 10, 7, 45)
        assert submitted["received_at"] is None  # no clock before acceptance
        travel(vn(2026, 3, 9, 8))
        return expect(people["desk"].act(submitted["id"], "accept"), "received", 2)
    travel(vn(2026, 3, 9, 8))
    body["components"] = [
        {"name": c.name, "originals": 1, "component_id": c.component_id}
        for c in components_for(procedure)
    ]
    if channel == "postal":
        body["postal"] = {"waybill": "EB987654321VN", "handed_over_at": "2026-03-09T07:40:00+07:00"}
    response = people["desk"].post(f"{DOSSIERS}/receipts", body)
    assert response.status_code == 201, response.content.decode()
    return expect(response.json(), "received", 2)


def liaise(dossier_id: int, *, people, travel) -> None:
    """Liên thông: the specialist sends the dossier to the police, whose officer returns it."""
    police = UnitFactory(agency=True, name="Công an cấp xã (thử nghiệm)")
    police_officer = Caller(StaffFactory(specialist=True, unit=police))
    travel(vn(2026, 3, 9, 11))
    sent = people["specialist"].act(dossier_id, "send-to-agency", agency=police.code)
    expect(sent, "processing", 4)
    assert sent["current_unit"]["code"] == police.code
    assert sent["current_step"] == "Đăng ký thường trú"
    assert at(sent["current_step_due_at"]) > vn(2026, 3, 9, 11)  # its own share of the time
    travel(vn(2026, 3, 9, 14))
    back = police_officer.act(dossier_id, "agency-return", note="Đã đăng ký thường trú")
    expect(back, "processing", 4)
    assert back["current_unit"]["code"] != police.code
    assert back["handler"]["id"] == people["specialist"].user.pk


@pytest.mark.parametrize("kind", ["same_day", "five_day", "lien_thong"])
@pytest.mark.parametrize("channel", list(CHANNELS))
def test_full_lifecycle_through_the_api(channel, kind, people, world, procedures, travel):
    # Given a dossier received at 08:00 through `channel`
    received = intake(channel, people=people, world=world, procedure=procedures[kind],
                      travel=travel)
    dossier_id = received["id"]
    assert received["channel"] == CHANNELS[channel]
    assert at(received["received_at"]) == vn(2026, 3, 9, 8)
    assert at(received["due_at"]) == DUE[kind] == at(received["appointment_at"])
    if channel == "postal":
        assert received["postal_waybill"] == "EB987654321VN"

    # When the desk forwards it, the leader assigns it and the specialist works on it
    travel(vn(2026, 3, 9, 9))
    expect(people["desk"].act(dossier_id, "forward"), "processing", 4)
    travel(vn(2026, 3, 9, 10))
    assigned = people["leader"].act(dossier_id, "assign", handler=world.specialist.pk)
    assert expect(assigned, "processing", 4)["handler"]["id"] == world.specialist.pk
    if kind == "lien_thong":
        liaise(dossier_id, people=people, travel=travel)
    travel(vn(2026, 3, 9, 15))
    expect(people["specialist"].act(dossier_id, "propose"), "awaiting_approval", 4)

    # Then the leader approves, and the desk returns the result
    travel(vn(2026, 3, 9, 16))
    result = {"name": "Giấy chứng nhận", "number": "15/GCN", "signer": "Chủ tịch UBND xã"}
    approved = people["leader"].act(dossier_id, "approve", results=[result])
    expect(approved, "result_ready", 9)
    assert at(approved["finished_at"]) == vn(2026, 3, 9, 16)
    assert approved["results"][0]["number"] == "15/GCN"
    travel(vn(2026, 3, 9, 16, 30))
    returned = people["desk"].act(dossier_id, "return-result", collected_by="Lê Thị Hoa")
    expect(returned, "returned", 10)
    assert at(returned["returned_at"]) == vn(2026, 3, 9, 16, 30)

    # The history tells the whole story, and the settlement's outcome
    events = people["desk"].get(f"{DOSSIERS}/{dossier_id}/events").json()
    actions = [event["action"] for event in events]
    first = ["create_draft", "submit", "accept"] if channel == "online" else [
        "receive_postal" if channel == "postal" else "receive"]
    middle = ["send_to_agency", "agency_return"] if kind == "lien_thong" else []
    assert actions == [*first, "forward", "assign", *middle, "propose_result", "approve",
                       "return_result"]
    assert events[-1]["to_status"] == "returned"
    approval = next(event for event in events if event["action"] == "approve")
    assert approval["data"]["outcome"] == OUTCOME[kind]

    # And anyone with the code and the phone's last 4 digits can follow it, without personal data
    lookup = Caller().get("/api/v1/lookup", code=returned["code"], digits="4321").json()
    assert (lookup["status"], lookup["national_status"]) == ("returned", 10)
    if channel == "online":
        mine = people["citizen"].get(f"{DOSSIERS}/mine").json()
        assert [d["id"] for d in mine] == [dossier_id]

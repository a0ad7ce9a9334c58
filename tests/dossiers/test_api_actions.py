"""Every other endpoint of the dossier API: drafts and files, the desk's answers, pauses,
apology, send-back, withdrawal and stop, the queues; idempotent creation; stale versions."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import Channel, Status
from tests.api.caller import DOSSIERS, Caller
from tests.factories.dossiers import components_for, dossier_in, vn

PDF = b"%PDF-1.4\n% test\n"
APPLICANT = {"name": "Phạm Văn Bình", "id_number": "099090654321", "phone": "0911222333"}


@pytest.fixture
def citizen(world):
    return Caller(world.citizen, session=True)


@pytest.fixture
def desk(world):
    return Caller(world.desk_officer)


@pytest.fixture
def leader(world):
    return Caller(world.leader)


@pytest.fixture
def specialist(world):
    return Caller(world.specialist)


def _draft_body(world, procedure) -> dict:
    return {"procedure": procedure.code, "receiving_unit": world.unit.code,
            "applicant": APPLICANT}


def _upload(caller: Caller, dossier_id: int, purpose: str, content: bytes = PDF):
    upload = SimpleUploadedFile("giay to.pdf", content, content_type="application/pdf")
    return caller.upload(f"{DOSSIERS}/{dossier_id}/files", {"file": upload, "purpose": purpose})


def _error(response, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status, response.content.decode()
    body = response.json()
    assert set(body) == {"code", "message", "field"}
    assert (body["code"], body["field"]) == (code, field)
    assert body["message"]
    return body


# --- Idempotency --------------------------------------------------------------------------


def test_the_same_idempotency_key_twice_makes_one_dossier(citizen, world, five_day_procedure,
                                                          travel):
    body = _draft_body(world, five_day_procedure)
    key = {"Idempotency-Key": "4a1f0c9e-double-click"}
    first = citizen.post(f"{DOSSIERS}/submissions", body, headers=key)
    second = citizen.post(f"{DOSSIERS}/submissions", body, headers=key)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["code"] == second.json()["code"]
    assert Dossier.objects.count() == 1
    assert DossierEvent.objects.count() == 2  # created, submitted: once


def test_another_person_cannot_reuse_a_key(citizen, world, five_day_procedure, other_citizen,
                                           travel):
    body = _draft_body(world, five_day_procedure)
    key = {"Idempotency-Key": "shared-key"}
    citizen.post(f"{DOSSIERS}/submissions", body, headers=key)
    response = Caller(other_citizen, session=True).post(f"{DOSSIERS}/submissions", body,
                                                        headers=key)
    _error(response, 422, "invalid_input", "idempotency_key")
    assert Dossier.objects.count() == 1


def test_a_retried_counter_receipt_makes_one_dossier(desk, world, five_day_procedure, travel):
    body = {**_draft_body(world, five_day_procedure), "components": [
        {"name": c.name, "originals": 1} for c in components_for(five_day_procedure)]}
    key = {"Idempotency-Key": "quay-1-lan-1"}
    ids = {desk.post(f"{DOSSIERS}/receipts", body, headers=key).json()["id"] for _ in range(2)}
    assert len(ids) == 1 and Dossier.objects.count() == 1


# --- Drafts, files, the desk's answers ---------------------------------------------------


def test_a_draft_is_edited_given_files_and_submitted(citizen, world, five_day_procedure, travel):
    created = citizen.post(DOSSIERS, _draft_body(world, five_day_procedure))
    assert created.status_code == 201
    draft = created.json()
    assert (draft["status"], draft["code"], draft["national_status"]) == ("draft", None, None)

    edited = citizen.patch(f"{DOSSIERS}/{draft['id']}", {
        "expected_version": draft["version"], "delivery": "post",
        "delivery_address": "Số 5, thôn 3, xã Thử Nghiệm"})
    assert edited.status_code == 200
    assert edited.json()["delivery"] == "post"
    assert edited.json()["version"] == draft["version"] + 1

    moved = citizen.patch(f"{DOSSIERS}/{draft['id']}", {"receiving_unit": "000.99.99.H99"})
    _error(moved, 422, "invalid_input", "receiving_unit")

    stale = citizen.patch(f"{DOSSIERS}/{draft['id']}", {"expected_version": draft["version"],
                                                        "form_data": {"x": 1}})
    _error(stale, 409, "dossier_changed")
    assert Dossier.objects.get().form_data == {}

    uploaded = _upload(citizen, draft["id"], "submission")
    assert uploaded.status_code == 201, uploaded.content
    assert uploaded.json()["name"] == "giay to.pdf"
    assert uploaded.json()["content_type"] == "application/pdf"
    _error(_upload(citizen, draft["id"], "submission", b"MZ not a pdf"), 422, "invalid_input",
           "file")

    submitted = citizen.act(draft["id"], "submit")
    assert (submitted["status"], submitted["national_status"]) == ("submitted", 1)
    assert [f["name"] for f in submitted["files"]] == ["giay to.pdf"]


def test_the_desk_asks_to_complete_then_accepts(citizen, desk, world, five_day_procedure,
                                                travel):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    asked = desk.act(dossier.pk, "request-completion", reason="Thiếu giấy tờ",
                     items=["Bản sao giấy khai sinh"])
    assert (asked["status"], asked["national_status"]) == ("completion_requested", 1)
    assert asked["received_at"] is None  # no clock before acceptance
    assert _upload(citizen, dossier.pk, "submission").status_code == 201
    assert citizen.act(dossier.pk, "resubmit")["status"] == "submitted"
    accepted = desk.act(dossier.pk, "accept", note="Đủ thành phần")
    assert (accepted["status"], accepted["national_status"]) == ("received", 2)


def test_a_refusal_needs_a_reason(desk, world, five_day_procedure, travel):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    _error(desk.post(f"{DOSSIERS}/{dossier.pk}/refuse", {"reason": "  "}), 422,
           "reason_required", "reason")
    _error(desk.post(f"{DOSSIERS}/{dossier.pk}/refuse", {}), 422, "invalid_input", "reason")
    refused = desk.act(dossier.pk, "refuse", reason="Không thuộc thẩm quyền")
    assert (refused["status"], refused["national_status"]) == ("refused", 3)


def test_the_citizen_cancels_before_acceptance(citizen, world, five_day_procedure, travel):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    assert citizen.act(dossier.pk, "cancel")["status"] == "stopped"


def test_a_dossier_refused_at_the_counter_gets_a_code(desk, world, five_day_procedure, travel):
    body = {**_draft_body(world, five_day_procedure), "reason": "Sai thẩm quyền"}
    response = desk.post(f"{DOSSIERS}/refusals", body)
    assert response.status_code == 201
    refused = response.json()
    assert (refused["status"], refused["national_status"], refused["channel"]) == (
        "refused", 3, 1)
    assert refused["code"]


def test_the_receiving_unit_defaults_to_the_officers_only_desk(desk, world, five_day_procedure,
                                                               travel):
    body = {"procedure": five_day_procedure.code, "applicant": APPLICANT,
            "components": [{"name": "Tờ khai", "originals": 1}]}
    response = desk.post(f"{DOSSIERS}/receipts", body)
    assert response.status_code == 201
    assert response.json()["receiving_unit"]["code"] == world.unit.code


# --- Processing: pauses, apology, send-back, withdrawal, stop -----------------------------


def test_pauses_apology_send_back_and_withdrawal(citizen, leader, specialist, world,
                                                  five_day_procedure, travel):
    travel(vn(2026, 3, 9, 8))
    dossier = dossier_in(Status.PROCESSING, channel=Channel.ONLINE, world=world,
                         procedure=five_day_procedure)
    travel(vn(2026, 3, 10, 9))
    asked = specialist.act(dossier.pk, "request-supplement", reason="Ảnh chụp mờ",
                           items=["Bản sao CCCD rõ nét"])
    assert (asked["status"], asked["national_status"]) == ("supplement_requested", 5)
    assert asked["pauses"][0]["kind"] == "supplement"
    travel(vn(2026, 3, 11, 9))
    file_id = _upload(citizen, dossier.pk, "supplement").json()["id"]
    resumed = citizen.act(dossier.pk, "supplement", file_ids=[file_id], note="Đã chụp lại")
    assert (resumed["status"], resumed["national_status"]) == ("processing", 4)
    assert resumed["due_at"] > asked["due_at"]  # the clock stood still for a working day

    owed = specialist.act(dossier.pk, "request-obligation", reason="Lệ phí", amount=50_000)
    assert (owed["status"], owed["national_status"]) == ("obligation_requested", 6)
    assert citizen.act(dossier.pk, "fulfil-obligation")["status"] == "processing"

    apology = leader.act(dossier.pk, "reschedule", reason="Cần xác minh thêm",
                         new_appointment_at="2026-03-27T16:00:00+07:00")
    assert apology["appointment_at"] == "2026-03-27T16:00:00+07:00"
    assert apology["due_at"] == resumed["due_at"]  # the legal due instant stays (Mẫu 04)

    assert specialist.act(dossier.pk, "propose")["status"] == "awaiting_approval"
    back = leader.act(dossier.pk, "send-back", reason="Sai thông tin")
    assert (back["status"], back["handler"]["id"]) == ("processing", world.specialist.pk)
    _error(specialist.post(f"{DOSSIERS}/{dossier.pk}/hand-over", {}), 409, "step_unavailable")

    asked_out = citizen.act(dossier.pk, "request-withdrawal", reason="Không còn nhu cầu")
    assert (asked_out["status"], asked_out["national_status"]) == ("withdrawal_requested", 7)
    stopped = leader.act(dossier.pk, "accept-withdrawal")
    assert (stopped["status"], stopped["national_status"]) == ("stopped", 8)


def test_the_leader_stops_a_dossier(leader, world, five_day_procedure, travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    stopped = leader.act(dossier.pk, "stop", reason="Không đủ điều kiện")
    assert (stopped["status"], stopped["national_status"]) == ("stopped", 8)


def test_a_stale_version_is_refused_and_writes_nothing(leader, world, five_day_procedure,
                                                      travel, unchanged):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    with unchanged(dossier):
        response = leader.post(f"{DOSSIERS}/{dossier.pk}/stop",
                               {"reason": "x", "expected_version": dossier.version - 1})
        body = _error(response, 409, "dossier_changed")
    assert "Đang xử lý" in body["message"]
    assert leader.act(dossier.pk, "stop", reason="x", expected_version=dossier.version)


def test_an_action_the_status_does_not_allow_is_409_and_writes_nothing(desk, world,
                                                                       five_day_procedure,
                                                                       travel, unchanged):
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure)
    with unchanged(dossier):
        _error(desk.post(f"{DOSSIERS}/{dossier.pk}/return-result", {}), 409,
               "action_not_allowed")


def test_assign_needs_a_handler_of_the_unit(leader, world, five_day_procedure, travel,
                                           other_desk_officer):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    _error(leader.post(f"{DOSSIERS}/{dossier.pk}/assign", {}), 422, "invalid_input", "handler")
    _error(leader.post(f"{DOSSIERS}/{dossier.pk}/assign", {"handler": other_desk_officer.pk}),
           422, "invalid_input", "handler")


# --- Queues -------------------------------------------------------------------------------


def test_the_queues(citizen, desk, leader, specialist, world, five_day_procedure, travel):
    travel(vn(2026, 3, 9, 8))
    waiting = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    working = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)

    queue = desk.get(f"{DOSSIERS}/desk-queue").json()
    assert [d["id"] for d in queue["dossiers"]] == [waiting.pk]
    # submitted Monday 08:00: the desk has until Tuesday 08:00 (8 working hours)
    assert (queue["total"], queue["overdue"], queue["due_today"]) == (1, 0, 0)
    assert queue["dossiers"][0]["acceptance_due_at"] == "2026-03-10T08:00:00+07:00"

    mine = specialist.get(f"{DOSSIERS}/inbox", scope="mine").json()
    assert [d["id"] for d in mine["dossiers"]] == [working.pk]
    assert mine["dossiers"][0]["overdue"] is False
    unit = leader.get(f"{DOSSIERS}/inbox", scope="unit").json()
    assert working.pk in [d["id"] for d in unit["dossiers"]]
    assert leader.get(f"{DOSSIERS}/inbox").json()["total"] == 0  # nothing assigned to them

    _error(leader.get(f"{DOSSIERS}/inbox", scope="everyone"), 422, "invalid_input", "scope")
    # the counter dossier has no owner: only the online one is the citizen's
    assert [d["id"] for d in citizen.get(f"{DOSSIERS}/mine").json()] == [waiting.pk]


def test_the_queues_page_by_50(desk, specialist, world, five_day_procedure, travel):
    travel(vn(2026, 3, 9, 8))
    waiting = []
    for n in range(51):
        travel(vn(2026, 3, 9, 8) + timedelta(minutes=n))
        waiting.append(dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure))

    first = desk.get(f"{DOSSIERS}/desk-queue").json()
    second = desk.get(f"{DOSSIERS}/desk-queue", page=2).json()
    assert [d["id"] for d in first["dossiers"]] == [d.pk for d in waiting[:50]]
    assert [d["id"] for d in second["dossiers"]] == [waiting[50].pk]
    assert first["total"] == second["total"] == 51
    # past the end: the last page; not a page number: a stable error
    assert desk.get(f"{DOSSIERS}/desk-queue", page=7).json()["dossiers"] == second["dossiers"]
    _error(desk.get(f"{DOSSIERS}/desk-queue", page=0), 422, "invalid_input", "page")
    _error(specialist.get(f"{DOSSIERS}/inbox", page="x"), 422, "invalid_input", "page")

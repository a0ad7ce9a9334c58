"""The desk's answer to an online dossier — accept (Mẫu 01), ask to complete (Mẫu 02), refuse
(Mẫu 03) — and the citizen's resubmission and cancellation. Allowed → status, fields and event;
refused → a DossierError and nothing written."""

import re

import pytest

from motcua.dossiers import errors
from motcua.dossiers.models import DossierEvent
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Action, Channel, Status
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in, vn

pytestmark = pytest.mark.django_db


def last_event(dossier) -> DossierEvent:
    return dossier.events.order_by("-id").first()


# --- accept ---------------------------------------------------------------------------------


def test_the_desk_accepts_and_issues_the_receipt(world, five_day_procedure, travel):
    travel(vn(2026, 3, 9, 8))
    submitted = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    travel(vn(2026, 3, 9, 10))

    received = intake.dossier_accept(dossier=submitted, actor=world.desk_officer,
                                     expected_version=submitted.version, note="Đủ hồ sơ")

    assert received.status == Status.RECEIVED and received.national_status == 2
    assert received.received_at == vn(2026, 3, 9, 10)
    assert received.due_at == received.appointment_at == vn(2026, 3, 16, 10)
    assert received.submitted_at == vn(2026, 3, 9, 8)
    steps = list(received.steps.all())
    assert [s.position for s in steps] == [1, 2, 3, 4]
    assert received.current_step == steps[0] and steps[0].started_at == received.received_at
    assert received.current_unit == world.unit
    event = last_event(received)
    assert (event.action, event.actor, event.actor_role) == (Action.ACCEPT, world.desk_officer,
                                                             "dossier.accept_online")
    assert (event.from_status, event.to_status, event.note) == (Status.SUBMITTED,
                                                                Status.RECEIVED, "Đủ hồ sơ")
    receipt = event.data
    assert receipt["form"] == "01" and receipt["code"] == received.code
    assert receipt["received_at"] == "2026-03-09T10:00:00+07:00"
    assert receipt["appointment_at"] == receipt["due_at"] == "2026-03-16T10:00:00+07:00"
    assert receipt["components"] == [{"name": "Tờ khai (theo mẫu)", "originals": 0, "copies": 0,
                                      "files": []}]
    assert receipt["applicant"]["name"] == world.citizen.full_name
    assert receipt["officer"] == world.desk_officer.full_name


@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("other_desk_officer", errors.ActionForbidden),  # a desk officer of another commune
        ("specialist", errors.ActionForbidden),
        ("leader", errors.ActionForbidden),
        ("citizen", errors.ActionForbidden),
    ],
)
def test_only_the_receiving_desk_accepts(world, other_desk_officer, unchanged, who, error):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    actor = other_desk_officer if who == "other_desk_officer" else getattr(world, who)
    with unchanged(submitted), pytest.raises(error):
        intake.dossier_accept(dossier=submitted, actor=actor)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.COMPLETION_REQUESTED, Status.REFUSED,
                                    Status.RECEIVED])
def test_only_a_submitted_dossier_is_accepted(world, unchanged, status):
    dossier = dossier_in(status, world=world, channel=Channel.ONLINE)
    with unchanged(dossier), pytest.raises(errors.ActionNotAllowed):
        intake.dossier_accept(dossier=dossier, actor=world.desk_officer)


def test_two_officers_on_one_dossier_the_second_is_told(world, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    colleague = StaffFactory(desk_officer=True, unit=world.unit)
    seen = submitted.version
    intake.dossier_accept(dossier=submitted, actor=world.desk_officer, expected_version=seen)

    with unchanged(submitted), pytest.raises(errors.StaleDossier) as refused:
        intake.dossier_refuse(dossier=submitted, actor=colleague, reason="Sai thẩm quyền",
                              expected_version=seen)
    assert "đã được người khác xử lý" in refused.value.text
    assert "Đã tiếp nhận" in refused.value.text
    assert refused.value.code == "dossier_changed"


# --- ask to complete (Mẫu 02), resubmit -----------------------------------------------------


def test_the_desk_asks_to_complete_without_any_clock(world, unchanged, travel):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    deadline = submitted.acceptance_due_at

    asked = intake.dossier_request_completion(
        dossier=submitted, actor=world.desk_officer, reason="Hồ sơ chưa đủ",
        items=["Bản sao CCCD của người đi đăng ký", "  ", "Tờ khai có chữ ký"],
        expected_version=submitted.version)

    assert asked.status == Status.COMPLETION_REQUESTED and asked.national_status == 1
    assert asked.received_at is None and asked.due_at is None and asked.appointment_at is None
    assert asked.acceptance_due_at == deadline
    event = last_event(asked)
    assert event.data == {"form": "02", "code": asked.code, "reason": "Hồ sơ chưa đủ",
                          "items": ["Bản sao CCCD của người đi đăng ký", "Tờ khai có chữ ký"]}
    assert (event.actor, event.from_status, event.to_status) == (
        world.desk_officer, Status.SUBMITTED, Status.COMPLETION_REQUESTED)


@pytest.mark.parametrize(
    ("reason", "items", "error", "field"),
    [("Thiếu", [], errors.InvalidInput, "items"), ("Thiếu", ["  "], errors.InvalidInput, "items"),
     ("   ", ["Tờ khai"], errors.ReasonRequired, "reason")],
)
def test_asking_to_complete_needs_the_items_and_a_reason(world, unchanged, reason, items, error,
                                                         field):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(submitted), pytest.raises(error) as refused:
        intake.dossier_request_completion(dossier=submitted, actor=world.desk_officer,
                                          reason=reason, items=items)
    assert refused.value.field == field


def test_another_communes_desk_cannot_ask_to_complete(world, other_desk_officer, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(submitted), pytest.raises(errors.ActionForbidden):
        intake.dossier_request_completion(dossier=submitted, actor=other_desk_officer,
                                          reason="Thiếu", items=["Tờ khai"])


def test_the_citizen_resubmits_and_the_desk_gets_a_new_deadline(world, travel):
    travel(vn(2026, 3, 9, 8))
    asked = dossier_in(Status.COMPLETION_REQUESTED, world=world)
    travel(vn(2026, 3, 12, 14))

    again = intake.dossier_resubmit(dossier=asked, actor=world.citizen,
                                    expected_version=asked.version)

    assert again.status == Status.SUBMITTED
    assert again.submitted_at == vn(2026, 3, 9, 8)  # the first filing stays
    assert again.acceptance_due_at == vn(2026, 3, 13, 14)
    assert again.code == asked.code
    event = last_event(again)
    assert (event.action, event.actor) == (Action.RESUBMIT, world.citizen)
    assert event.data["resubmitted_at"] == "2026-03-12T14:00:00+07:00"


@pytest.mark.parametrize("who", ["other_citizen", "desk_officer"])
def test_only_the_owner_resubmits(world, other_citizen, unchanged, who):
    asked = dossier_in(Status.COMPLETION_REQUESTED, world=world)
    actor = other_citizen if who == "other_citizen" else world.desk_officer
    with unchanged(asked), pytest.raises(errors.ActionForbidden):
        intake.dossier_resubmit(dossier=asked, actor=actor)


def test_a_submitted_dossier_cannot_be_resubmitted(world, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(submitted), pytest.raises(errors.ActionNotAllowed):
        intake.dossier_resubmit(dossier=submitted, actor=world.citizen)


# --- refuse (Mẫu 03) ------------------------------------------------------------------------


def test_the_desk_refuses_with_a_reason(world, travel):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    refused_at = travel(vn(2026, 3, 9, 9, 30))

    refused = intake.dossier_refuse(dossier=submitted, actor=world.desk_officer,
                                    reason="  Không thuộc thẩm quyền của xã  ",
                                    expected_version=submitted.version)

    assert refused.status == Status.REFUSED and refused.national_status == 3
    assert refused.finished_at == refused_at and refused.received_at is None
    event = last_event(refused)
    assert event.data == {"form": "03", "code": refused.code,
                          "reason": "Không thuộc thẩm quyền của xã"}
    assert event.note == "Không thuộc thẩm quyền của xã"
    assert (event.from_status, event.to_status) == (Status.SUBMITTED, Status.REFUSED)


def test_a_refusal_needs_a_reason(world, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(submitted), pytest.raises(errors.ReasonRequired) as refused:
        intake.dossier_refuse(dossier=submitted, actor=world.desk_officer, reason=" ")
    assert refused.value.field == "reason"
    assert refused.value.code == "reason_required"


@pytest.mark.parametrize("who", ["other_desk_officer", "citizen", "specialist"])
def test_only_the_receiving_desk_refuses(world, other_desk_officer, unchanged, who):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    actor = other_desk_officer if who == "other_desk_officer" else getattr(world, who)
    with unchanged(submitted), pytest.raises(errors.ActionForbidden):
        intake.dossier_refuse(dossier=submitted, actor=actor, reason="Không đủ điều kiện")


def test_a_received_dossier_is_not_refused_at_the_desk(world, unchanged):
    received = dossier_in(Status.RECEIVED, world=world, channel=Channel.ONLINE)
    with unchanged(received), pytest.raises(errors.ActionNotAllowed):
        intake.dossier_refuse(dossier=received, actor=world.desk_officer, reason="Muộn")


# --- cancel ---------------------------------------------------------------------------------


def test_cancelling_a_draft_keeps_it_without_a_code(world, travel):
    draft = dossier_in(Status.DRAFT, world=world)
    cancelled = intake.dossier_cancel(dossier=draft, actor=world.citizen, note="Nhầm thủ tục")
    assert cancelled.status == Status.STOPPED and cancelled.code is None
    assert cancelled.finished_at == vn(2026, 3, 9, 8)
    event = last_event(cancelled)
    assert (event.action, event.from_status, event.note) == (Action.CANCEL, Status.DRAFT,
                                                             "Nhầm thủ tục")


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.COMPLETION_REQUESTED])
def test_the_citizen_cancels_before_the_desk_receives(world, status):
    dossier = dossier_in(status, world=world)
    cancelled = intake.dossier_cancel(dossier=dossier, actor=world.citizen,
                                      expected_version=dossier.version)
    assert cancelled.status == Status.STOPPED and cancelled.national_status == 8
    assert re.fullmatch(rf"{re.escape(world.unit.code)}-\d{{6}}-0001", cancelled.code)


def test_only_the_owner_cancels(world, other_citizen, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    for actor in (other_citizen, world.desk_officer):
        with unchanged(submitted), pytest.raises(errors.ActionForbidden):
            intake.dossier_cancel(dossier=submitted, actor=actor)


def test_a_received_dossier_is_withdrawn_not_cancelled(world, unchanged):
    received = dossier_in(Status.RECEIVED, world=world, channel=Channel.ONLINE)
    with unchanged(received), pytest.raises(errors.ActionNotAllowed):
        intake.dossier_cancel(dossier=received, actor=world.citizen)

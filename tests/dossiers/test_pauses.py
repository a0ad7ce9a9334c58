"""Supplement requested during processing (status 5) and financial obligation (status 6): who
may pause and resume, what the event keeps for the forms, and what is refused. The clock
arithmetic is in test_deadline_effects.py."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.errors import ActionForbidden, InvalidInput, NotAssigned, ReasonRequired
from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.models import DossierFile, DossierPause
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from tests.dossiers.processing_support import everything, fresh
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in, vn

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"


@pytest.fixture
def processing(world, five_day_procedure, travel):
    return dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure,
                      owner=world.citizen)


def _ask(dossier, world, **overrides):
    kwargs = {"reason": "Bản sao không rõ nét", "items": ["Bản sao CCCD", "Giấy ủy quyền"]}
    return P.dossier_request_supplement(dossier=dossier, actor=world.specialist,
                                        **kwargs | overrides)


def test_a_supplement_request_stops_the_clock_with_a_mau_02(processing, world, travel):
    travel(vn(2026, 3, 10, 9))

    dossier = fresh(_ask(processing, world))

    assert (dossier.status, dossier.national_status) == (Status.SUPPLEMENT_REQUESTED, 5)
    assert dossier.paused_at == vn(2026, 3, 10, 9)
    assert dossier.supplement_requests == 1
    pause = DossierPause.objects.get(dossier=dossier, ended_at=None)
    assert (pause.kind, pause.reason, pause.due_before) == (
        DossierPause.Kind.SUPPLEMENT, "Bản sao không rõ nét", dossier.due_at)
    event = dossier.events.last()
    assert event.data["items"] == ["Bản sao CCCD", "Giấy ủy quyền"]
    assert event.data["reason"] == "Bản sao không rõ nét"
    assert (event.data["request_number"], event.data["late_by_decision_766"]) == (1, False)
    assert event.step == dossier.current_step


@pytest.mark.parametrize(("overrides", "error", "field"), [
    ({"reason": "  "}, ReasonRequired, "reason"),
    ({"items": []}, InvalidInput, "items"),
    ({"items": ["", "   "]}, InvalidInput, "items"),
])
def test_a_supplement_request_needs_a_reason_and_items(overrides, error, field, processing,
                                                      world, travel):
    before = everything(processing)
    with pytest.raises(error) as refused:
        _ask(processing, world, **overrides)
    assert refused.value.field == field
    assert everything(processing) == before


def test_the_owner_supplements_with_the_files_they_attached(processing, world, travel):
    dossier = _ask(processing, world)
    attached = dossier_file_attach(
        dossier=dossier, actor=world.citizen, purpose=DossierFile.Purpose.SUPPLEMENT,
        upload=SimpleUploadedFile("cccd.pdf", PDF, content_type="application/pdf"))
    travel(vn(2026, 3, 11, 9))

    dossier = fresh(P.dossier_supplement(dossier=dossier, actor=world.citizen,
                                         note="Đã bổ sung", file_ids=[attached.pk]))

    assert (dossier.status, dossier.paused_at) == (Status.PROCESSING, None)
    assert DossierPause.objects.get(dossier=dossier).ended_at == vn(2026, 3, 11, 9)
    event = dossier.events.last()
    assert (event.action, event.actor_role, event.note) == (Action.SUPPLEMENT, "applicant",
                                                            "Đã bổ sung")
    assert event.data["file_ids"] == [attached.pk]


def test_the_desk_records_a_supplement_brought_to_the_counter(processing, world, travel):
    dossier = _ask(processing, world)
    dossier = fresh(P.dossier_supplement(dossier=dossier, actor=world.desk_officer))
    assert dossier.status == Status.PROCESSING
    assert dossier.events.last().actor_role == "desk_on_behalf"


@pytest.mark.parametrize("who", ["other_citizen", "specialist", "other_desk_officer"])
def test_nobody_else_can_supplement(who, processing, world, other_citizen, other_desk_officer,
                                    travel):
    dossier = _ask(processing, world)
    actor = {"other_citizen": other_citizen, "specialist": world.specialist,
             "other_desk_officer": other_desk_officer}[who]
    before = everything(dossier)
    with pytest.raises(ActionForbidden):
        P.dossier_supplement(dossier=dossier, actor=actor)
    assert everything(dossier) == before


@pytest.mark.parametrize("file_ids", [["abc"], [None], [999_999]])
def test_unknown_file_ids_are_refused(file_ids, processing, world, travel):
    dossier = _ask(processing, world)
    before = everything(dossier)
    with pytest.raises(InvalidInput) as refused:
        P.dossier_supplement(dossier=dossier, actor=world.citizen, file_ids=file_ids)
    assert refused.value.field == "file_ids"
    assert everything(dossier) == before


def test_files_of_another_dossier_are_refused(processing, world, five_day_procedure, travel):
    dossier = _ask(processing, world)
    elsewhere = _ask(dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure,
                                owner=world.citizen), world)
    foreign = dossier_file_attach(
        dossier=elsewhere, actor=world.citizen, purpose=DossierFile.Purpose.SUPPLEMENT,
        upload=SimpleUploadedFile("cccd.pdf", PDF, content_type="application/pdf"))
    before = everything(dossier)
    with pytest.raises(InvalidInput) as refused:
        P.dossier_supplement(dossier=dossier, actor=world.citizen, file_ids=[foreign.pk])
    assert refused.value.field == "file_ids"
    assert everything(dossier) == before


def test_only_the_specialist_handling_it_asks_for_a_supplement(processing, world, travel):
    colleague = StaffFactory(specialist=True, unit=world.unit)
    before = everything(processing)
    with pytest.raises(NotAssigned):
        P.dossier_request_supplement(dossier=processing, actor=colleague, reason="Thiếu",
                                     items=["Tờ khai"])
    with pytest.raises(ActionForbidden):
        P.dossier_request_supplement(dossier=processing, actor=world.citizen, reason="Thiếu",
                                     items=["Tờ khai"])
    assert everything(processing) == before


def test_a_financial_obligation_pauses_until_paid(processing, world, travel):
    travel(vn(2026, 3, 10, 9))
    dossier = fresh(P.dossier_request_obligation(
        dossier=processing, actor=world.specialist, reason="Lệ phí trước bạ", amount=1_250_000))
    assert (dossier.status, dossier.national_status) == (Status.OBLIGATION_REQUESTED, 6)
    assert dossier.paused_at == vn(2026, 3, 10, 9)
    assert dossier.supplement_requests == 0
    assert dossier.events.last().data["amount"] == 1_250_000
    due_before = dossier.due_at

    travel(vn(2026, 3, 11, 9))  # one working day later
    dossier = fresh(P.dossier_fulfil_obligation(dossier=dossier, actor=world.citizen))

    assert dossier.status == Status.PROCESSING
    assert dossier.due_at == vn(2026, 3, 17, 8) != due_before
    pause = DossierPause.objects.get(dossier=dossier)
    assert (pause.kind, pause.due_after) == (DossierPause.Kind.OBLIGATION, dossier.due_at)


@pytest.mark.parametrize("amount", [0, -5, 12.5, "100", True, None])
def test_an_obligation_needs_a_positive_amount(amount, processing, world, travel):
    before = everything(processing)
    with pytest.raises(InvalidInput) as refused:
        P.dossier_request_obligation(dossier=processing, actor=world.specialist,
                                     reason="Thuế", amount=amount)
    assert refused.value.field == "amount"
    assert everything(processing) == before


def test_stopping_a_paused_dossier_closes_the_pause(processing, world, travel):
    dossier = _ask(processing, world)
    travel(vn(2026, 3, 20, 9))
    dossier = fresh(P.dossier_stop(dossier=dossier, actor=world.leader,
                                   reason="Quá hạn bổ sung mà không bổ sung"))
    assert (dossier.status, dossier.paused_at) == (Status.STOPPED, None)
    assert DossierPause.objects.get(dossier=dossier).ended_at == vn(2026, 3, 20, 9)
    assert dossier.events.last().data["pause_closed"] is True

"""From the proposal to the returned result: propose, approve with result documents, send
back, return at the desk, by post or electronically."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog.choices import StepActor
from motcua.dossiers.classification import dossier_outcome
from motcua.dossiers.errors import ActionForbidden, InvalidInput, ReasonRequired
from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import Delivery, DossierFile, DossierResult
from motcua.dossiers.services import intake
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from motcua.workcal.engine import Outcome
from tests.dossiers.processing_support import everything, fresh
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import components_for, dossier_in, vn

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"
CERTIFICATE = ResultData(name="Giấy chứng nhận", number="15/GCN", signer="Nguyễn Văn Lãnh Đạo",
                         signed_on=date(2026, 3, 11))


@pytest.fixture
def proposed(world, five_day_procedure, travel):
    return dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure,
                      owner=world.citizen)


def test_a_proposal_starts_the_leader_step(world, five_day_procedure, travel):
    dossier = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    travel(vn(2026, 3, 10, 10))

    dossier = fresh(P.dossier_propose_result(dossier=dossier, actor=world.specialist))

    assert (dossier.status, dossier.national_status) == (Status.AWAITING_APPROVAL, 4)
    step = dossier.current_step
    assert (step.actor, step.started_at, step.handler) == (StepActor.LEADER, vn(2026, 3, 10, 10),
                                                           None)
    assert step.due_at == vn(2026, 3, 11, 10)  # 8 working hours
    assert dossier.handler is None  # any leader of the unit may sign
    assert dossier.steps.get(position=2).handler == world.specialist


def test_approval_records_the_result_documents_and_settles_the_dossier(proposed, world, travel):
    travel(vn(2026, 3, 11, 10))
    attached = dossier_file_attach(
        dossier=proposed, actor=world.leader, purpose=DossierFile.Purpose.RESULT,
        upload=SimpleUploadedFile("gcn.pdf", PDF, content_type="application/pdf"))

    signed = ResultData(name=" Giấy chứng nhận ", number="15/GCN", signer="Lãnh Đạo",
                        signed_on=date(2026, 3, 11), file_id=attached.pk)
    dossier = fresh(P.dossier_approve(dossier=proposed, actor=world.leader, results=[signed]))

    assert (dossier.status, dossier.national_status) == (Status.RESULT_READY, 9)
    assert dossier.finished_at == vn(2026, 3, 11, 10)
    result = DossierResult.objects.get(dossier=dossier)
    assert (result.name, result.number, result.file_id, result.is_refusal) == (
        "Giấy chứng nhận", "15/GCN", attached.pk, False)
    # The result waits at the desk's return step.
    assert (dossier.current_step.actor, dossier.current_unit) == (StepActor.DESK, world.unit)
    event = dossier.events.last()
    assert event.data["results"][0]["signed_on"] == "2026-03-11"
    assert (event.data["refusal"], event.data["outcome"]) == (False, Outcome.EARLY)
    assert dossier_outcome(dossier).legal == Outcome.EARLY


def test_a_refusal_letter_counts_as_settled(proposed, world, travel):
    refusal = ResultData(name="Văn bản trả lời không đủ điều kiện", number="3/UBND",
                         is_refusal=True)
    dossier = fresh(P.dossier_approve(dossier=proposed, actor=world.leader, results=[refusal]))
    assert dossier.status == Status.RESULT_READY and dossier.finished_at is not None
    assert dossier.events.last().data["refusal"] is True
    assert dossier_outcome(dossier).legal == Outcome.EARLY


@pytest.mark.parametrize("results", [[], [ResultData(name="  ")], None])
def test_approval_needs_result_documents(results, proposed, world, travel):
    before = everything(proposed)
    with pytest.raises(InvalidInput) as refused:
        P.dossier_approve(dossier=proposed, actor=world.leader, results=results)
    assert refused.value.field == "results"
    assert everything(proposed) == before


def test_a_result_file_must_be_a_result_of_this_dossier(proposed, world, travel):
    submission = dossier_file_attach(
        dossier=proposed, actor=world.leader, purpose=DossierFile.Purpose.ATTACHMENT,
        upload=SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf"))
    before = everything(proposed)
    with pytest.raises(InvalidInput):
        P.dossier_approve(dossier=proposed, actor=world.leader,
                          results=[ResultData(name="GCN", file_id=submission.pk)])
    assert everything(proposed) == before


def test_a_specialist_cannot_approve(proposed, world, travel):
    before = everything(proposed)
    with pytest.raises(ActionForbidden) as refused:
        P.dossier_approve(dossier=proposed, actor=world.specialist, results=[CERTIFICATE])
    assert refused.value.status == 403
    assert everything(proposed) == before


def test_a_leader_of_another_commune_cannot_approve(proposed, other_commune, travel):
    with pytest.raises(ActionForbidden):
        P.dossier_approve(dossier=proposed, actor=StaffFactory(leader=True, unit=other_commune),
                          results=[CERTIFICATE])


def test_send_back_returns_the_proposal_to_its_specialist(proposed, world, travel):
    with pytest.raises(ReasonRequired):
        P.dossier_send_back(dossier=proposed, actor=world.leader, reason="")

    dossier = fresh(P.dossier_send_back(dossier=proposed, actor=world.leader,
                                        reason="Ghi sai ngày sinh"))

    assert dossier.status == Status.PROCESSING
    assert (dossier.handler, dossier.current_unit) == (world.specialist, world.unit)
    leader_step = dossier.steps.get(actor=StepActor.LEADER)
    assert leader_step.finished_at is not None and leader_step.handler == world.leader
    assert dossier.events.last().data["reason"] == "Ghi sai ngày sinh"

    # Reworked, proposed and approved again; the leader step was already used.
    P.dossier_propose_result(dossier=dossier, actor=world.specialist)
    dossier = fresh(P.dossier_approve(dossier=dossier, actor=world.leader,
                                      results=[CERTIFICATE]))
    assert dossier.status == Status.RESULT_READY
    assert dossier.current_step.position == 4


def test_return_at_the_desk_records_who_collected(world, five_day_procedure, travel):
    dossier = dossier_in(Status.RESULT_READY, world=world, procedure=five_day_procedure)
    travel(vn(2026, 3, 12, 9))

    dossier = fresh(P.dossier_return_result(dossier=dossier, actor=world.desk_officer,
                                            collected_by="Trần Văn Ủy Quyền"))

    assert (dossier.status, dossier.national_status) == (Status.RETURNED, 10)
    assert dossier.returned_at == vn(2026, 3, 12, 9)
    assert dossier.current_step.finished_at == vn(2026, 3, 12, 9)
    assert dossier.events.last().data["delivery"] == {
        "method": "desk", "method_name": "Nhận tại Bộ phận Một cửa",
        "collected_by": "Trần Văn Ủy Quyền"}

    other = dossier_in(Status.RESULT_READY, world=world, procedure=five_day_procedure)
    other = fresh(P.dossier_return_result(dossier=other, actor=world.desk_officer))
    assert other.events.last().data["delivery"]["collected_by"] == other.applicant_name


def _ready(world, procedure, **receipt):
    """Received with a delivery choice, then processed to result ready."""
    dossier = intake.dossier_receive(
        actor=world.desk_officer, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(),
        components=components_for(procedure), **receipt)
    P.dossier_forward(dossier=dossier, actor=world.desk_officer)
    P.dossier_propose_result(dossier=dossier, actor=world.specialist)
    attached = dossier_file_attach(
        dossier=fresh(dossier), actor=world.leader, purpose=DossierFile.Purpose.RESULT,
        upload=SimpleUploadedFile("gcn.pdf", PDF, content_type="application/pdf"))
    P.dossier_approve(dossier=dossier, actor=world.leader,
                      results=[ResultData(name="GCN", file_id=attached.pk)])
    return fresh(dossier), attached


def test_return_by_post_and_electronically(world, five_day_procedure, travel):
    posted, _file = _ready(world, five_day_procedure, delivery=Delivery.POST,
                           delivery_address="Số 1, ấp 2, xã Thử Nghiệm")
    posted = fresh(P.dossier_return_result(dossier=posted, actor=world.desk_officer,
                                           waybill="EB987654321VN"))
    assert posted.events.last().data["delivery"] | {"method_name": ""} == {
        "method": "post", "method_name": "", "address": "Số 1, ấp 2, xã Thử Nghiệm",
        "waybill": "EB987654321VN"}

    online, attached = _ready(world, five_day_procedure, delivery=Delivery.ELECTRONIC)
    online = fresh(P.dossier_return_result(dossier=online, actor=world.desk_officer))
    assert online.events.last().data["delivery"]["files"] == [attached.pk]


def test_only_the_receiving_desk_returns_the_result(world, five_day_procedure,
                                                    other_desk_officer, travel):
    dossier = dossier_in(Status.RESULT_READY, world=world, procedure=five_day_procedure)
    before = everything(dossier)
    for actor in (other_desk_officer, world.leader, world.specialist):
        with pytest.raises(ActionForbidden):
            P.dossier_return_result(dossier=dossier, actor=actor)
    assert everything(dossier) == before
    assert not dossier.events.filter(action=Action.RETURN_RESULT).exists()

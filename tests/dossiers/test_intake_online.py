"""Online intake, the citizen's side: the draft, its edits and the submission (also created
and submitted at once, idempotently). Allowed → status, fields and event; refused → a
DossierError and nothing written. The desk's answer is in test_intake_acceptance.py."""

import pytest

from motcua.dossiers import errors
from motcua.dossiers.inputs import ApplicantData
from motcua.dossiers.models import Delivery, Dossier, DossierEvent
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Action, Channel, Status
from tests.factories.accounts import CitizenFactory
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory
from tests.factories.dossiers import dossier_in, vn

pytestmark = pytest.mark.django_db


def draft_of(world, procedure, **kwargs):
    return intake.dossier_draft_create(
        owner=world.citizen, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(), **kwargs)


def last_event(dossier) -> DossierEvent:
    return dossier.events.order_by("-id").first()


# --- draft ----------------------------------------------------------------------------------


def test_a_citizen_starts_a_draft_of_an_online_procedure(world, five_day_procedure):
    # Given a procedure offered online; when the citizen starts a draft
    draft = draft_of(world, five_day_procedure, form_data={"ho_ten_tre": "Nguyễn Văn B"})

    # Then it is theirs, online, without a code, held by the receiving unit
    assert draft.status == Status.DRAFT
    assert draft.code is None and draft.national_status is None
    assert draft.channel == Channel.ONLINE
    assert draft.owner == world.citizen
    assert draft.competent_unit == draft.receiving_unit == draft.current_unit == world.unit
    assert draft.applicant_name == world.citizen.full_name
    assert draft.form_data == {"ho_ten_tre": "Nguyễn Văn B"}
    assert draft.version == 1
    # with one component row per component the procedure asks for, to attach files to
    assert [c.name for c in draft.components.all()] == ["Tờ khai (theo mẫu)"]
    event = last_event(draft)
    assert (event.action, event.from_status, event.to_status) == (Action.CREATE_DRAFT, "",
                                                                   Status.DRAFT)
    assert event.actor == world.citizen and event.actor_role == "applicant"


def test_the_competent_unit_comes_from_the_procedure_when_it_names_one(world):
    department = UnitFactory(agency=True)
    procedure = ProcedureFactory(online_partial=True, competent_unit=department.code)
    draft = draft_of(world, procedure)
    assert draft.competent_unit == department
    assert draft.receiving_unit == draft.current_unit == world.unit


def test_a_procedure_not_offered_online_cannot_be_drafted(world, unchanged):
    in_person_only = ProcedureFactory()
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        draft_of(world, in_person_only)
    assert refused.value.field == "procedure_version"
    assert "trực tuyến" in refused.value.text


@pytest.mark.parametrize(
    ("applicant", "kwargs", "field"),
    [
        (ApplicantData(name="  "), {}, "applicant.name"),
        (ApplicantData(name="A", id_number="12345"), {}, "applicant.id_number"),
        (ApplicantData(name="A", kind="organisation", id_number="099090000001"), {},
         "applicant.id_number"),
        (ApplicantData(name="A", email="không-phải-thư"), {}, "applicant.email"),
        (ApplicantData(name="A", phone="gọi tôi"), {}, "applicant.phone"),
        (ApplicantData(name="A"), {"delivery": Delivery.POST}, "delivery_address"),
        (ApplicantData(name="A"), {"delivery": "bằng bồ câu"}, "delivery"),
        (ApplicantData(name="A"), {"case": "bổ sung"}, "case"),
        (ApplicantData(name="A"), {"form_data": ["not", "a", "mapping"]}, "form_data"),
    ],
)
def test_invalid_draft_input_names_the_field(world, five_day_procedure, unchanged, applicant,
                                             kwargs, field):
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        intake.dossier_draft_create(
            owner=world.citizen, procedure_version=five_day_procedure.current_version,
            receiving_unit=world.unit, applicant=applicant, **kwargs)
    assert refused.value.field == field


def test_an_organisation_gives_its_tax_code(world, five_day_procedure):
    business = ApplicantData(name="Công ty TNHH Thử Nghiệm", kind="organisation",
                             id_number="0312345678-001")
    draft = intake.dossier_draft_create(
        owner=world.citizen, procedure_version=five_day_procedure.current_version,
        receiving_unit=world.unit, applicant=business)
    assert (draft.applicant_kind, draft.applicant_id_number) == ("organisation", "0312345678-001")


def test_an_anonymous_visitor_cannot_draft(world, five_day_procedure, unchanged):
    from django.contrib.auth.models import AnonymousUser

    with unchanged(), pytest.raises(errors.ActionForbidden):
        intake.dossier_draft_create(
            owner=AnonymousUser(), procedure_version=five_day_procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant())


def test_a_retired_unit_takes_no_new_dossier(world, five_day_procedure, unchanged):
    retired = UnitFactory(retired=True)
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        intake.dossier_draft_create(
            owner=world.citizen, procedure_version=five_day_procedure.current_version,
            receiving_unit=retired, applicant=world.applicant())
    assert refused.value.field == "receiving_unit"


def test_a_retried_draft_creation_returns_the_same_draft(world, five_day_procedure):
    first = draft_of(world, five_day_procedure, idempotency_key="k-draft-1")
    again = draft_of(world, five_day_procedure, idempotency_key="k-draft-1")
    assert again.pk == first.pk
    assert Dossier.objects.count() == 1 and DossierEvent.objects.count() == 1


def test_another_person_reusing_a_key_is_refused(world, five_day_procedure, other_citizen,
                                                 unchanged):
    draft_of(world, five_day_procedure, idempotency_key="k-shared")
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        intake.dossier_draft_create(
            owner=other_citizen, procedure_version=five_day_procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant(), idempotency_key="k-shared")
    assert refused.value.field == "idempotency_key"


# --- draft update ---------------------------------------------------------------------------


def test_the_owner_edits_the_draft(world, five_day_procedure):
    draft = draft_of(world, five_day_procedure)
    updated = intake.dossier_draft_update(
        dossier=draft, actor=world.citizen, expected_version=draft.version,
        applicant=ApplicantData(name="Trần Thị C", phone="0912 345 678"),
        delivery=Delivery.POST, delivery_address="Số 1, ấp 2", form_data={"a": 1})
    assert (updated.applicant_name, updated.applicant_phone) == ("Trần Thị C", "0912 345 678")
    assert (updated.delivery, updated.delivery_address) == (Delivery.POST, "Số 1, ấp 2")
    assert updated.form_data == {"a": 1}
    assert updated.version == draft.version + 1
    assert DossierEvent.objects.count() == 1  # a draft's edits are not history


def test_the_draft_may_move_to_another_receiving_unit(world, five_day_procedure):
    draft = draft_of(world, five_day_procedure)
    elsewhere = UnitFactory(with_desk=True)
    updated = intake.dossier_draft_update(dossier=draft, actor=world.citizen,
                                          receiving_unit=elsewhere)
    assert updated.receiving_unit == updated.current_unit == updated.competent_unit == elsewhere


@pytest.mark.parametrize(
    ("who", "kwargs", "error"),
    [
        ("other_citizen", {}, errors.ActionForbidden),
        ("desk_officer", {}, errors.ActionForbidden),
        ("citizen", {"expected_version": 0}, errors.StaleDossier),
        ("citizen", {"status": "received"}, errors.InvalidInput),
    ],
)
def test_only_the_owner_edits_a_current_draft(world, five_day_procedure, other_citizen,
                                              unchanged, who, kwargs, error):
    draft = draft_of(world, five_day_procedure)
    actor = other_citizen if who == "other_citizen" else getattr(world, who)
    with unchanged(draft), pytest.raises(error):
        intake.dossier_draft_update(dossier=draft, actor=actor, form_data={"x": 1}, **kwargs)


def test_a_submitted_dossier_is_no_longer_a_draft(world, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(submitted), pytest.raises(errors.ActionNotAllowed):
        intake.dossier_draft_update(dossier=submitted, actor=world.citizen, form_data={})


# --- submit ---------------------------------------------------------------------------------


def test_submitting_gives_the_code_and_the_desks_deadline(world, five_day_procedure, travel):
    draft = draft_of(world, five_day_procedure)
    submitted_at = travel(vn(2026, 3, 10, 9, 15))

    submitted = intake.dossier_submit(dossier=draft, actor=world.citizen,
                                      expected_version=draft.version)

    assert submitted.status == Status.SUBMITTED and submitted.national_status == 1
    assert submitted.code == f"{world.unit.code}-260310-0001"
    assert submitted.submitted_at == submitted_at
    assert submitted.acceptance_due_at == vn(2026, 3, 11, 9, 15)  # 8 working hours
    assert submitted.received_at is None and submitted.due_at is None  # no processing clock
    assert submitted.fee_due == 10_000
    event = last_event(submitted)
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        Action.SUBMIT, world.citizen, Status.DRAFT, Status.SUBMITTED)
    assert event.data["code"] == submitted.code
    assert event.data["acceptance_due_at"] == "2026-03-11T09:15:00+07:00"


@pytest.mark.parametrize("who", ["other_citizen", "desk_officer"])
def test_only_the_owner_submits(world, five_day_procedure, other_citizen, unchanged, who):
    draft = draft_of(world, five_day_procedure)
    actor = other_citizen if who == "other_citizen" else world.desk_officer
    with unchanged(draft), pytest.raises(errors.ActionForbidden):
        intake.dossier_submit(dossier=draft, actor=actor)


def test_a_stale_page_cannot_submit(world, five_day_procedure, unchanged):
    draft = draft_of(world, five_day_procedure)
    intake.dossier_draft_update(dossier=draft, actor=world.citizen, form_data={"x": 2})
    with unchanged(draft), pytest.raises(errors.StaleDossier) as refused:
        intake.dossier_submit(dossier=draft, actor=world.citizen, expected_version=draft.version)
    assert "đã được người khác xử lý" in refused.value.text


def test_submitting_twice_is_refused_and_takes_no_second_number(world, unchanged):
    submitted = dossier_in(Status.SUBMITTED, world=world)
    with unchanged(submitted), pytest.raises(errors.ActionNotAllowed) as refused:
        intake.dossier_submit(dossier=submitted, actor=world.citizen)
    assert "Chờ tiếp nhận" in refused.value.text


def test_a_draft_whose_procedure_changed_must_follow_the_new_version(world, unchanged):
    from motcua.catalog.services import procedure_version_publish
    from tests.factories.catalog import content_for

    procedure = ProcedureFactory(online_partial=True)
    draft = draft_of(world, procedure)
    procedure_version_publish(procedure=procedure, content=content_for(
        name="Thủ tục đã sửa", channels=(1, 2, 3), online_level="partial"))
    with unchanged(draft), pytest.raises(errors.InvalidInput) as refused:
        intake.dossier_submit(dossier=draft, actor=world.citizen)
    assert refused.value.field == "procedure_version"

    procedure.refresh_from_db()
    moved = intake.dossier_draft_update(dossier=draft, actor=world.citizen,
                                        procedure_version=procedure.current_version)
    assert intake.dossier_submit(dossier=moved, actor=world.citizen).status == Status.SUBMITTED


# --- create and submit at once (idempotent) -------------------------------------------------


def submit_new(world, procedure, owner=None, **kwargs):
    return intake.dossier_submit_new(
        owner=owner or world.citizen, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(), **kwargs)


def test_create_and_submit_in_one_step(world, five_day_procedure):
    dossier = submit_new(world, five_day_procedure, idempotency_key="k-1")
    assert dossier.status == Status.SUBMITTED and dossier.code.endswith("-0001")
    assert list(dossier.events.values_list("action", flat=True)) == [Action.CREATE_DRAFT,
                                                                     Action.SUBMIT]


def test_a_double_click_yields_one_dossier(world, five_day_procedure):
    first = submit_new(world, five_day_procedure, idempotency_key="k-2")
    second = submit_new(world, five_day_procedure, idempotency_key="k-2")
    assert second.pk == first.pk and second.code == first.code
    assert Dossier.objects.count() == 1 and DossierEvent.objects.count() == 2


def test_without_a_key_each_request_is_a_new_dossier(world, five_day_procedure):
    submit_new(world, five_day_procedure)
    submit_new(world, five_day_procedure)
    assert Dossier.objects.count() == 2


def test_a_refused_create_and_submit_writes_nothing(world, unchanged):
    with unchanged(), pytest.raises(errors.InvalidInput):
        submit_new(world, ProcedureFactory(), idempotency_key="k-3")  # not offered online


def test_a_key_reused_by_another_citizen_is_refused(world, five_day_procedure, unchanged):
    submit_new(world, five_day_procedure, idempotency_key="k-4")
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        submit_new(world, five_day_procedure, owner=CitizenFactory(), idempotency_key="k-4")
    assert refused.value.field == "idempotency_key"


def test_an_overlong_key_is_refused(world, five_day_procedure, unchanged):
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        submit_new(world, five_day_procedure, idempotency_key="k" * 101)
    assert refused.value.field == "idempotency_key"

"""Receipt at the desk: in person (channel 1), by post (channel 3), refusal at the counter."""

from datetime import timedelta
from decimal import Decimal

import pytest

from motcua.catalog.content import FeeRule, Stage, TimeLimit
from motcua.catalog.services import procedure_version_publish
from motcua.dossiers import errors
from motcua.dossiers.inputs import ApplicantData, PostalReceipt, ReceivedComponent
from motcua.dossiers.models import Delivery, Dossier, DossierEvent
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Action, Channel, Status
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory, content_for
from tests.factories.dossiers import components_for, vn

pytestmark = pytest.mark.django_db


def receive(world, procedure, **kwargs):
    kwargs.setdefault("actor", world.desk_officer)
    kwargs.setdefault("components", components_for(procedure))
    kwargs.setdefault("applicant", world.applicant())
    return intake.dossier_receive(procedure_version=procedure.current_version,
                                  receiving_unit=kwargs.pop("unit", world.unit), **kwargs)


def test_a_dossier_received_in_person(world, five_day_procedure, travel):
    # Given a complete dossier handed in at 10:00 on a Monday
    travel(vn(2026, 3, 9, 10))

    # When the desk officer receives it
    dossier = receive(world, five_day_procedure, fee_paid=10_000,
                      components=[*components_for(five_day_procedure),
                                  ReceivedComponent(name="Bản sao CCCD", copies=2)])

    # Then it is received with its code, its clock and its receipt (Mẫu 01)
    assert dossier.status == Status.RECEIVED and dossier.national_status == 2
    assert dossier.channel == Channel.DIRECT
    assert dossier.code == f"{world.unit.code}-260309-0001"
    assert dossier.received_at == vn(2026, 3, 9, 10) and dossier.submitted_at is None
    assert dossier.due_at == dossier.appointment_at == vn(2026, 3, 16, 10)
    assert (dossier.fee_due, dossier.fee_paid) == (10_000, 10_000)
    assert dossier.owner is None and dossier.version == 1
    assert [(c.name, c.originals, c.copies) for c in dossier.components.all()] == [
        ("Tờ khai (theo mẫu)", 1, 0), ("Bản sao CCCD", 0, 2)]
    assert dossier.components.first().component is not None  # tied to the catalog's component
    assert dossier.steps.count() == 4 and dossier.current_step.position == 1
    event = dossier.events.get()
    assert (event.action, event.actor, event.actor_role) == (Action.RECEIVE, world.desk_officer,
                                                             "dossier.receive")
    assert (event.from_status, event.to_status, event.unit) == ("", Status.RECEIVED, world.unit)
    receipt = event.data
    assert receipt["form"] == "01" and receipt["code"] == dossier.code
    assert receipt["received_at"] == "2026-03-09T10:00:00+07:00"
    assert receipt["appointment_at"] == "2026-03-16T10:00:00+07:00"
    assert receipt["components"][1] == {"name": "Bản sao CCCD", "originals": 0, "copies": 2,
                                        "files": []}
    assert receipt["fee_due"] == receipt["fee_paid"] == 10_000
    assert receipt["procedure"]["code"] == five_day_procedure.code
    assert receipt["receiving_unit"]["code"] == world.unit.code


def test_a_dossier_received_by_post(world, five_day_procedure, travel):
    # Given the post handed the dossier over on Saturday; the desk opens it on Monday 08:00
    handed = vn(2026, 3, 7, 9)
    travel(vn(2026, 3, 9, 8))

    dossier = receive(world, five_day_procedure, delivery=Delivery.POST,
                      delivery_address="Số 3, ấp Bình Hòa",
                      postal=PostalReceipt(waybill=" EB123456789VN ", handed_over_at=handed))

    # Then the clock starts at the desk's receipt, the hand-over is recorded beside it
    assert dossier.channel == Channel.POSTAL
    assert (dossier.postal_waybill, dossier.postal_handover_at) == ("EB123456789VN", handed)
    assert dossier.received_at == vn(2026, 3, 9, 8)
    assert dossier.due_at == vn(2026, 3, 16, 8)
    event = dossier.events.get()
    assert event.action == Action.RECEIVE_POSTAL
    assert event.data["postal_waybill"] == "EB123456789VN"
    assert event.data["postal_handover_at"] == "2026-03-07T09:00:00+07:00"
    assert event.data["delivery"] == Delivery.POST


def test_a_citizen_account_can_be_linked_at_the_counter(world, five_day_procedure):
    dossier = receive(world, five_day_procedure, owner=world.citizen)
    assert dossier.owner == world.citizen


def test_a_lien_thong_dossier_plans_the_other_agencys_step(world, lien_thong_procedure, travel):
    travel(vn(2026, 3, 9, 10))
    dossier = receive(world, lien_thong_procedure)
    steps = list(dossier.steps.all())
    assert [s.actor for s in steps] == ["desk", "specialist", "other_agency", "leader", "desk"]
    # 5 working days = 40 h, split by the shares 10/30/30/20/10
    assert [s.allotted_us // 3_600_000_000 for s in steps] == [4, 12, 12, 8, 4]
    assert steps[0].due_at == vn(2026, 3, 9, 15, 30)  # 4 working hours, over the lunch break
    assert all(s.started_at is None for s in steps[1:])


def test_a_procedure_by_cases_takes_the_cases_time_limit(world, travel):
    procedure = ProcedureFactory(time_limit=TimeLimit(
        "staged", stage_mode="cases",
        stages=(Stage("Cải chính", "working_days", Decimal(3)),
                Stage("Bổ sung", "same_day"))))
    travel(vn(2026, 3, 9, 10))
    dossier = receive(world, procedure, case="Cải chính")
    assert dossier.case == "Cải chính"
    assert dossier.due_at == vn(2026, 3, 12, 10)


@pytest.mark.parametrize(("case", "field"), [("", "case"), ("Khác", "case")])
def test_a_procedure_by_cases_needs_a_known_case(world, unchanged, case, field):
    procedure = ProcedureFactory(time_limit=TimeLimit(
        "staged", stage_mode="cases", stages=(Stage("Cải chính", "working_days", Decimal(3)),)))
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        receive(world, procedure, case=case)
    assert refused.value.field == field


def test_a_procedure_without_a_time_limit_has_no_due_instant(world):
    dossier = receive(world, ProcedureFactory(not_fixed=True))
    assert dossier.due_at is None and dossier.appointment_at is None
    assert all(step.due_at is None for step in dossier.steps.all())


# --- fees -----------------------------------------------------------------------------------


def test_fees_due_follow_the_catalog(world):
    procedure = ProcedureFactory(fees=(
        FeeRule("Lệ phí cấp bản sao", "le_phi", 8_000, unit="per_copy"),
        FeeRule("Phí thẩm định", "phi", 50_000),
        FeeRule("Lệ phí đăng ký", "le_phi", 5_000, free_if_on_time=True),
        FeeRule("Phí chứng thực", "phi", formula="certified_copy_pages", unit="per_copy"),
        FeeRule("Lệ phí do HĐND tỉnh quy định", "le_phi", set_by="provincial_council"),
    ))
    # fixed amounts count (per copy: one copy); on-time free, page-priced, unset amounts: 0
    assert receive(world, procedure).fee_due == 58_000


def test_the_desk_states_the_exact_fee(world, five_day_procedure):
    assert receive(world, five_day_procedure, fee_due=25_000).fee_due == 25_000


def test_online_dossiers_get_the_online_discount(world, travel):
    procedure = ProcedureFactory(online_partial=True, fees=(
        FeeRule("Lệ phí", "le_phi", 10_000, online_discount_percent=50),))
    dossier = intake.dossier_submit_new(
        owner=world.citizen, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant())
    assert dossier.fee_due == 5_000
    assert receive(world, procedure).fee_due == 10_000


# --- refused receipts write nothing ---------------------------------------------------------


@pytest.mark.parametrize("who", ["specialist", "leader", "citizen", "other_desk_officer"])
def test_only_the_units_desk_receives(world, five_day_procedure, other_desk_officer, unchanged,
                                      who):
    actor = other_desk_officer if who == "other_desk_officer" else getattr(world, who)
    with unchanged(), pytest.raises(errors.ActionForbidden):
        receive(world, five_day_procedure, actor=actor)


def test_a_desk_officer_receives_for_their_own_commune_only(world, five_day_procedure,
                                                            other_commune, unchanged):
    with unchanged(), pytest.raises(errors.ActionForbidden):
        receive(world, five_day_procedure, unit=other_commune)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"components": []}, "components"),
        ({"components": [ReceivedComponent(name="", originals=1)]}, "components[0].name"),
        ({"components": [ReceivedComponent(name="Tờ khai", originals=0, copies=0)]},
         "components[0]"),
        ({"components": [ReceivedComponent(name="X", originals=1, component_id=999_999)]},
         "components[0].component_id"),
        ({"fee_paid": -1}, "fee_paid"),
        ({"fee_due": -5}, "fee_due"),
        ({"applicant": ApplicantData(name="")}, "applicant.name"),
        ({"applicant": ApplicantData(name="A", id_number="0990900000")}, "applicant.id_number"),
        ({"delivery": Delivery.POST}, "delivery_address"),
        ({"form_data": "chuỗi"}, "form_data"),
        ({"case": "Cải chính"}, "case"),
        ({"postal": PostalReceipt(waybill=" ", handed_over_at=vn(2026, 3, 9, 7))},
         "postal.waybill"),
        ({"postal": PostalReceipt(waybill="EB1", handed_over_at=vn(2026, 3, 9, 11))},
         "postal.handed_over_at"),
    ],
)
def test_invalid_receipts_name_the_field(world, five_day_procedure, unchanged, travel, kwargs,
                                         field):
    travel(vn(2026, 3, 9, 10))
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        receive(world, five_day_procedure, **kwargs)
    assert refused.value.field == field


def test_a_past_receipt_may_be_recorded_a_future_one_not(world, five_day_procedure, travel,
                                                         unchanged):
    travel(vn(2026, 3, 9, 10))
    past = receive(world, five_day_procedure, at=vn(2026, 3, 2, 10))
    assert past.code.endswith("-260302-0001") and past.due_at == vn(2026, 3, 9, 10)
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        receive(world, five_day_procedure, at=vn(2026, 3, 9, 10, 1))
    assert refused.value.field == "at"


def test_a_component_of_another_procedure_is_refused(world, five_day_procedure,
                                                     same_day_procedure, unchanged):
    with unchanged(), pytest.raises(errors.InvalidInput):
        receive(world, five_day_procedure, components=components_for(same_day_procedure))


def test_a_channel_the_procedure_does_not_offer_is_refused(world, unchanged):
    online_only = ProcedureFactory(online_full=True)
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        receive(world, online_only)
    assert refused.value.field == "procedure_version" and "trực tiếp" in refused.value.text
    in_person_only = ProcedureFactory()
    postal = PostalReceipt(waybill="EB1", handed_over_at=vn(2020, 1, 1))
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        receive(world, in_person_only, postal=postal)
    assert "bưu chính" in refused.value.text


def test_an_outdated_version_is_refused(world, unchanged):
    procedure = ProcedureFactory()
    old = procedure.current_version
    procedure_version_publish(procedure=procedure, content=content_for(name="Đã sửa đổi"))
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        intake.dossier_receive(actor=world.desk_officer, procedure_version=old,
                               receiving_unit=world.unit, applicant=world.applicant(),
                               components=[ReceivedComponent(name="Tờ khai", originals=1)])
    assert refused.value.field == "procedure_version"


def test_a_retired_unit_receives_nothing(world, five_day_procedure, unchanged):
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        receive(world, five_day_procedure, unit=UnitFactory(retired=True))
    assert refused.value.field == "receiving_unit"


# --- idempotency ----------------------------------------------------------------------------


def test_a_double_clicked_receipt_gives_one_dossier(world, five_day_procedure):
    first = receive(world, five_day_procedure, idempotency_key="desk-1")
    again = receive(world, five_day_procedure, idempotency_key="desk-1")
    assert again.pk == first.pk and Dossier.objects.count() == 1
    assert DossierEvent.objects.count() == 1


def test_another_officer_cannot_reuse_the_key(world, five_day_procedure, unchanged):
    from tests.factories.accounts import StaffFactory

    receive(world, five_day_procedure, idempotency_key="desk-2")
    colleague = StaffFactory(desk_officer=True, unit=world.unit)
    with unchanged(), pytest.raises(errors.InvalidInput) as refused:
        receive(world, five_day_procedure, actor=colleague, idempotency_key="desk-2")
    assert refused.value.field == "idempotency_key"


# --- refusal at the counter (Mẫu 03) --------------------------------------------------------


def test_a_dossier_refused_at_the_counter_is_recorded(world, five_day_procedure, travel):
    at = travel(vn(2026, 3, 9, 9))
    refused = intake.dossier_refuse_at_counter(
        actor=world.desk_officer, procedure_version=five_day_procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(),
        reason="Không thuộc thẩm quyền của UBND xã",
        components=[ReceivedComponent(name="Đơn đề nghị")])
    assert refused.status == Status.REFUSED and refused.national_status == 3
    assert refused.code == f"{world.unit.code}-260309-0001"
    assert refused.finished_at == at and refused.received_at is None and refused.due_at is None
    assert refused.steps.count() == 0
    event = refused.events.get()
    assert (event.action, event.from_status, event.to_status) == (Action.REFUSE, "",
                                                                   Status.REFUSED)
    assert event.data["form"] == "03"
    assert event.data["reason"] == event.note == "Không thuộc thẩm quyền của UBND xã"


def test_a_refusal_at_the_counter_needs_a_reason(world, five_day_procedure, unchanged):
    with unchanged(), pytest.raises(errors.ReasonRequired):
        intake.dossier_refuse_at_counter(
            actor=world.desk_officer, procedure_version=five_day_procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant(), reason="  ")


def test_only_the_desk_refuses_at_the_counter(world, five_day_procedure, other_desk_officer,
                                              unchanged):
    for actor in (world.specialist, other_desk_officer, world.citizen):
        with unchanged(), pytest.raises(errors.ActionForbidden):
            intake.dossier_refuse_at_counter(
                actor=actor, procedure_version=five_day_procedure.current_version,
                receiving_unit=world.unit, applicant=world.applicant(), reason="Sai thẩm quyền")


def test_postal_receipt_time_is_the_desks_even_if_the_post_was_earlier(world, same_day_procedure,
                                                                        travel):
    # A same-day procedure handed over by the post at 14:00, opened by the desk at 15:30:
    # the 15:00 cut-off applies to the desk's receipt.
    travel(vn(2026, 3, 9, 15, 30))
    dossier = receive(world, same_day_procedure, postal=PostalReceipt(
        waybill="EB2", handed_over_at=vn(2026, 3, 9, 15, 30) - timedelta(hours=1, minutes=30)))
    assert dossier.due_at == vn(2026, 3, 10, 17)

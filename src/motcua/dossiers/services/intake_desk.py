"""Receipt at the one-stop desk: in person (channel 1) or through the public postal service
(channel 3), and the refusal of a dossier brought to the counter (Mẫu 03).

A valid dossier is received with its receipt and appointment (Mẫu 01): receiving a dossier
without an appointment slip is forbidden (Decree 61/2018, DOMAIN.md §1.2). Everything — code,
instants, components, fees, steps and the first event — is written in one transaction.
"""

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import ProcedureVersion
from motcua.core.clock import local, now
from motcua.dossiers import errors
from motcua.dossiers.codes import dossier_code_next
from motcua.dossiers.inputs import ApplicantData, PostalReceipt, ReceivedComponent
from motcua.dossiers.models import Delivery, Dossier, DossierComponent
from motcua.dossiers.services import intake_common as common
from motcua.dossiers.services.transition import (
    EventDetails,
    check_actor,
    dossier_record_creation,
    rule_for,
)
from motcua.dossiers.statuses import Action, Channel, Status

COMPONENTS_REQUIRED = _("Vui lòng ghi các thành phần hồ sơ đã nhận.")
COMPONENT_UNKNOWN = _("Thành phần hồ sơ này không thuộc thủ tục đã chọn.")
COMPONENT_NAME_REQUIRED = _("Vui lòng ghi tên giấy tờ đã nhận.")
COMPONENT_COUNT = _("Số bản chính, bản sao phải là số không âm và có ít nhất một bản.")
AMOUNT_INVALID = _("Số tiền phải là số nguyên không âm (đồng).")
WAYBILL_REQUIRED = _("Vui lòng nhập số vận đơn bưu chính (tối đa 40 ký tự).")
HANDOVER_LATER = _("Thời điểm bưu chính bàn giao không thể sau thời điểm tiếp nhận.")
INSTANT_NAIVE = _("Thời điểm phải kèm múi giờ.")
IN_THE_FUTURE = _("Thời điểm tiếp nhận không thể ở tương lai.")


def dossier_receive(
    *, actor, procedure_version: ProcedureVersion, receiving_unit, applicant: ApplicantData,
    components: list[ReceivedComponent], fee_paid: int = 0, delivery: str = Delivery.DESK,
    delivery_address: str = "", case: str = "", form_data=None,
    postal: PostalReceipt | None = None, idempotency_key: str | None = None,
    at: datetime | None = None, owner=None, fee_due: int | None = None,
) -> Dossier:
    """Receive a complete dossier at the desk (postal: as the post hands it over). The clock
    starts at the desk's receipt `at` (default now), also for postal dossiers, whose hand-over
    instant and waybill are recorded beside it. `fee_due` overrides the fees computed from the
    catalog (see `intake_common.fees_due` for what is assumed); `owner` links a citizen account
    so the citizen can follow the dossier online. A past `at` (the demo loader, imports) is
    recorded as history: no one is notified."""
    backdated = at is not None
    at = at or now()
    channel, action = (Channel.POSTAL, Action.RECEIVE_POSTAL) if postal else (
        Channel.DIRECT, Action.RECEIVE)
    dossier = _new_dossier(
        version=procedure_version, unit=receiving_unit, applicant=applicant, channel=channel,
        at=at, case=case, owner=owner, key=idempotency_key,
    )
    role = check_actor(rule=rule_for(None, action), action=action, dossier=dossier, actor=actor)

    def create() -> Dossier:
        _check_receipt(dossier, applicant=applicant, components=components, at=at,
                       fee_paid=fee_paid, fee_due=fee_due, postal=postal)
        dossier.form_data = common.check_form_data(form_data)
        common.check_delivery(delivery, delivery_address)
        dossier.delivery, dossier.delivery_address = delivery, delivery_address.strip()
        dossier.fee_paid = fee_paid
        dossier.fee_due = fee_due if fee_due is not None else common.fees_due(
            procedure_version, on=local(at).date(), online=False)
        if postal:
            dossier.postal_waybill = postal.waybill.strip()
            dossier.postal_handover_at = postal.handed_over_at
        _store(dossier, status=Status.RECEIVED, at=at)
        _components_store(dossier, components)
        common.clock_start(dossier, at=at)
        return dossier_record_creation(
            dossier=dossier, action=action, actor=actor, role=role, at=at,
            details=EventDetails(data=common.receipt_data(dossier, officer=actor)),
            backdated=backdated,
        )

    return common.create_once(idempotency_key, actor, create)


def dossier_refuse_at_counter(
    *, actor, procedure_version: ProcedureVersion, receiving_unit, applicant: ApplicantData,
    reason: str, components: list[ReceivedComponent] = (), at: datetime | None = None,
    idempotency_key: str | None = None,
) -> Dossier:
    """Record a dossier refused at the counter with its Mẫu 03 reason (national 3), so the
    refusal has a code the citizen can look up and the register counts it."""
    backdated = at is not None
    at = at or now()
    reason = (reason or "").strip()
    dossier = _new_dossier(
        version=procedure_version, unit=receiving_unit, applicant=applicant,
        channel=Channel.DIRECT, at=at, case="", owner=None, key=idempotency_key,
        check_channel=False,
    )
    role = check_actor(rule=rule_for(None, Action.REFUSE), action=Action.REFUSE,
                       dossier=dossier, actor=actor)

    def create() -> Dossier:
        if not reason:
            raise errors.ReasonRequired(field="reason")
        common.check_applicant(applicant)
        dossier.finished_at = at
        _store(dossier, status=Status.REFUSED, at=at)
        _components_store(dossier, components, strict=False)
        return dossier_record_creation(
            dossier=dossier, action=Action.REFUSE, actor=actor, role=role, at=at, note=reason,
            backdated=backdated,
            details=EventDetails(data={"form": "03", "code": dossier.code, "reason": reason,
                                       "refused_at": common.iso(at)}),
        )

    return common.create_once(idempotency_key, actor, create)


def _new_dossier(*, version, unit, applicant, channel, at, case, owner, key,
                 check_channel: bool = True) -> Dossier:
    """The unsaved dossier, enough to check who may receive it (the receiving unit's desk)."""
    if check_channel:
        common.check_version(version, channel=channel)
    elif not version.is_published:
        raise errors.InvalidInput(common.VERSION_NOT_PUBLISHED, field="procedure_version")
    common.check_unit(unit, at=at)
    return Dossier(
        procedure_version=version, case=case, receiving_unit=unit,
        competent_unit=version.competent_unit or unit, current_unit=unit, channel=channel,
        owner=owner, created_at=at, idempotency_key=key or None,
        **common.applicant_fields(applicant),
    )


def _check_receipt(dossier: Dossier, *, applicant, components, at, fee_paid, fee_due,
                   postal) -> None:
    if at.tzinfo is None:
        raise errors.InvalidInput(INSTANT_NAIVE, field="at")
    # `at` lets the demo loader and imports record past receipts; a future one would print an
    # appointment counted from a time the dossier was not yet there.
    if at > now():
        raise errors.InvalidInput(IN_THE_FUTURE, field="at")
    common.check_applicant(applicant)
    common.check_case(dossier.procedure_version, dossier.case)
    if not components:
        raise errors.InvalidInput(COMPONENTS_REQUIRED, field="components")
    for name, amount in (("fee_paid", fee_paid), ("fee_due", fee_due)):
        if amount is not None and (not isinstance(amount, int) or amount < 0):
            raise errors.InvalidInput(AMOUNT_INVALID, field=name)
    if postal is not None:
        _check_postal(postal, at=at)


def _check_postal(postal: PostalReceipt, *, at: datetime) -> None:
    waybill = postal.waybill.strip()
    if not waybill or len(waybill) > 40:
        raise errors.InvalidInput(WAYBILL_REQUIRED, field="postal.waybill")
    if postal.handed_over_at.tzinfo is None:
        raise errors.InvalidInput(INSTANT_NAIVE, field="postal.handed_over_at")
    if postal.handed_over_at > at:
        raise errors.InvalidInput(HANDOVER_LATER, field="postal.handed_over_at")


def _store(dossier: Dossier, *, status: Status, at: datetime) -> None:
    """Save the new dossier with its code, so components and steps can point at it."""
    dossier.code = dossier_code_next(unit=dossier.receiving_unit, at=at)
    dossier.status = status
    dossier.save()


def _components_store(dossier: Dossier, components, *, strict: bool = True) -> None:
    catalog = {c.pk: c for c in dossier.procedure_version.components.all()}
    rows = []
    for index, item in enumerate(components):
        field = f"components[{index}]"
        known = catalog.get(item.component_id) if item.component_id is not None else None
        if item.component_id is not None and known is None:
            raise errors.InvalidInput(COMPONENT_UNKNOWN, field=f"{field}.component_id")
        name = (item.name or "").strip() or (known.name if known else "")
        if not name:
            raise errors.InvalidInput(COMPONENT_NAME_REQUIRED, field=f"{field}.name")
        counts_ok = min(item.originals, item.copies) >= 0 and item.originals + item.copies > 0
        if strict and not counts_ok:
            raise errors.InvalidInput(COMPONENT_COUNT, field=field)
        rows.append(DossierComponent(dossier=dossier, component=known, name=name,
                                     originals=max(item.originals, 0),
                                     copies=max(item.copies, 0)))
    DossierComponent.objects.bulk_create(rows)

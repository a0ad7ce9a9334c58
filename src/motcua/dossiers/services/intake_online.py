"""Online intake (channel 2): the citizen's draft, submission, and the desk's answer — accept
(the receipt, Mẫu 01), ask to complete (Mẫu 02) or refuse (Mẫu 03).

DESIGN.md "Online dossiers": the code and the desk's acceptance deadline (8 working hours) are
set at submission; the processing clock starts only at acceptance. Asking to complete before
acceptance runs no clock at all (DOMAIN.md §2.5): nothing about due instants changes.
"""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from motcua.core.clock import local, now
from motcua.dossiers import deadlines, errors
from motcua.dossiers.codes import dossier_code_next
from motcua.dossiers.inputs import ApplicantData
from motcua.dossiers.models import Delivery, Dossier, DossierComponent
from motcua.dossiers.services import intake_common as common
from motcua.dossiers.services.transition import (
    EventDetails,
    action_instant,
    dossier_record_creation,
    dossier_transition,
)
from motcua.dossiers.statuses import Action, Actor, Channel, Status

ITEMS_REQUIRED = _("Vui lòng liệt kê các giấy tờ, nội dung cần bổ sung, hoàn thiện.")
FIELD_NOT_EDITABLE = _("Không thể sửa trường “{name}” của hồ sơ.")
OTHER_PROCEDURE = _("Chỉ có thể chuyển bản nháp sang phiên bản hiện hành của cùng thủ tục.")
EDIT_DRAFT = _("Sửa bản nháp")
_EDITABLE = frozenset(
    {"applicant", "form_data", "delivery", "delivery_address", "case", "receiving_unit",
     "procedure_version"}
)


def dossier_draft_create(
    *, owner, procedure_version, receiving_unit, applicant: ApplicantData, form_data=None,
    delivery: str = Delivery.DESK, delivery_address: str = "", case: str = "",
    idempotency_key: str | None = None, at: datetime | None = None,
) -> Dossier:
    """A citizen's draft of an online dossier. With an idempotency key, a retried request
    returns the dossier the first one made."""
    return common.create_once(idempotency_key, owner, lambda: _draft_create(
        owner=owner, version=procedure_version, unit=receiving_unit, applicant=applicant,
        form_data=form_data, delivery=delivery, delivery_address=delivery_address, case=case,
        key=idempotency_key, at=at,
    ))


def _draft_create(*, owner, version, unit, applicant, form_data, delivery, delivery_address,
                  case, key, at: datetime | None = None) -> Dossier:
    if owner is None or not owner.is_authenticated or not owner.is_active:
        raise errors.ActionForbidden()
    backdated = at is not None
    at = action_instant(at)
    common.check_version(version, channel=Channel.ONLINE)
    common.check_unit(unit, at=at)
    common.check_applicant(applicant)
    common.check_delivery(delivery, delivery_address)
    common.check_case(version, case)
    dossier = Dossier(
        procedure_version=version, case=case, receiving_unit=unit,
        competent_unit=version.competent_unit or unit, current_unit=unit,
        channel=Channel.ONLINE, owner=owner, form_data=common.check_form_data(form_data),
        delivery=delivery, delivery_address=delivery_address.strip(), created_at=at,
        idempotency_key=key, **common.applicant_fields(applicant),
    )
    dossier_record_creation(dossier=dossier, action=Action.CREATE_DRAFT, actor=owner,
                            role=Actor.APPLICANT, at=at, backdated=backdated)
    _components_from_catalog(dossier)
    return dossier


def _components_from_catalog(dossier: Dossier) -> None:
    """One row per component the procedure asks for, for the citizen's files to attach to; the
    paper counts stay 0 until the desk receives originals."""
    DossierComponent.objects.bulk_create(
        DossierComponent(dossier=dossier, component=c, name=c.name)
        for c in dossier.procedure_version.components.all()
    )


def dossier_draft_update(*, dossier: Dossier, actor, expected_version: int | None = None,
                         **fields) -> Dossier:
    """Change a draft (only its owner, only while it is a draft). Not a status change, so no
    event: the history starts with the submission; the version still moves on."""
    unknown = sorted(set(fields) - _EDITABLE)
    if unknown:
        raise errors.InvalidInput(FIELD_NOT_EDITABLE, field=unknown[0], name=unknown[0])
    with transaction.atomic():
        locked = Dossier.objects.select_for_update(of=("self",)).get(pk=dossier.pk)
        if expected_version is not None and locked.version != expected_version:
            raise errors.StaleDossier(status=Status(locked.status).label)
        if locked.status != Status.DRAFT:
            raise errors.ActionNotAllowed(status=Status(locked.status).label, action=EDIT_DRAFT)
        if actor is None or locked.owner_id != actor.pk:
            raise errors.ActionForbidden()
        _apply_draft_fields(locked, fields)
        locked.version += 1
        locked.save()
        return locked


def _apply_draft_fields(draft: Dossier, fields: dict) -> None:
    if "procedure_version" in fields:
        version = fields["procedure_version"]
        if version.procedure_id != draft.procedure_version.procedure_id:
            raise errors.InvalidInput(OTHER_PROCEDURE, field="procedure_version")
        common.check_version(version, channel=Channel.ONLINE)
        draft.procedure_version = version
    if "receiving_unit" in fields:
        common.check_unit(fields["receiving_unit"], at=now())
        draft.receiving_unit = draft.current_unit = fields["receiving_unit"]
    draft.competent_unit = draft.procedure_version.competent_unit or draft.receiving_unit
    if "applicant" in fields:
        common.check_applicant(fields["applicant"])
        for name, value in common.applicant_fields(fields["applicant"]).items():
            setattr(draft, name, value)
    if "form_data" in fields:
        draft.form_data = common.check_form_data(fields["form_data"])
    draft.delivery = fields.get("delivery", draft.delivery)
    draft.delivery_address = fields.get("delivery_address", draft.delivery_address).strip()
    common.check_delivery(draft.delivery, draft.delivery_address)
    draft.case = fields.get("case", draft.case)
    common.check_case(draft.procedure_version, draft.case)


def dossier_submit(*, dossier: Dossier, actor, expected_version: int | None = None,
                   at: datetime | None = None) -> Dossier:
    """Draft → submitted (national 1): the code (receiving unit, submission day), the desk's
    acceptance deadline and the fees due are fixed now."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        # The catalog or the unit may have changed since the draft was started.
        common.check_version(locked.procedure_version, channel=Channel.ONLINE)
        common.check_unit(locked.receiving_unit, at=at)
        locked.code = dossier_code_next(unit=locked.receiving_unit, at=at)
        locked.submitted_at = at
        locked.acceptance_due_at = deadlines.acceptance_due(unit=locked.receiving_unit,
                                                            submitted_at=at)
        locked.fee_due = common.fees_due(locked.procedure_version, on=local(at).date(),
                                         online=True)
        return EventDetails(data={
            "code": locked.code, "submitted_at": common.iso(at),
            "acceptance_due_at": common.iso(locked.acceptance_due_at),
            "fee_due": locked.fee_due, "files": list(locked.files.values_list("name", flat=True)),
        })

    return dossier_transition(dossier=dossier, action=Action.SUBMIT, actor=actor,
                              expected_version=expected_version, apply=apply, at=at,
                              backdated=backdated)


def dossier_submit_new(
    *, owner, procedure_version, receiving_unit, applicant: ApplicantData, form_data=None,
    delivery: str = Delivery.DESK, delivery_address: str = "", case: str = "",
    idempotency_key: str | None = None, at: datetime | None = None,
) -> Dossier:
    """Create and submit in one transaction. A double-clicked or retried request with the same
    idempotency key yields one dossier (the first request's, in whatever state it is now)."""

    def create() -> Dossier:
        draft = _draft_create(
            owner=owner, version=procedure_version, unit=receiving_unit, applicant=applicant,
            form_data=form_data, delivery=delivery, delivery_address=delivery_address,
            case=case, key=idempotency_key, at=at,
        )
        return dossier_submit(dossier=draft, actor=owner, at=at)

    return common.create_once(idempotency_key, owner, create)


def dossier_accept(*, dossier: Dossier, actor, expected_version: int | None = None,
                   note: str = "", at: datetime | None = None) -> Dossier:
    """Submitted → received (national 2) by the receiving unit's desk: the receipt (Mẫu 01) is
    issued and the processing clock starts now, not at submission (DESIGN.md)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        common.clock_start(locked, at=at)
        return EventDetails(data=common.receipt_data(locked, officer=actor))

    return dossier_transition(dossier=dossier, action=Action.ACCEPT, actor=actor,
                              expected_version=expected_version, note=note, apply=apply, at=at,
                              backdated=backdated)


def dossier_request_completion(*, dossier: Dossier, actor, reason: str, items: list[str],
                               expected_version: int | None = None,
                               at: datetime | None = None) -> Dossier:
    """Mẫu 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ): the desk lists, once and in writing,
    what is missing (Decree 61/2018, DOMAIN.md §1.2). The dossier is not received: no clock."""
    reason = (reason or "").strip()
    wanted = [item.strip() for item in items or () if item and item.strip()]
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        if not wanted:
            raise errors.InvalidInput(ITEMS_REQUIRED, field="items")
        if not reason:
            raise errors.ReasonRequired(field="reason")
        return EventDetails(data={"form": "02", "code": locked.code, "reason": reason,
                                  "items": wanted})

    return dossier_transition(dossier=dossier, action=Action.REQUEST_COMPLETION, actor=actor,
                              expected_version=expected_version, note=reason, apply=apply, at=at,
                              backdated=backdated)


def dossier_resubmit(*, dossier: Dossier, actor, expected_version: int | None = None,
                     at: datetime | None = None) -> Dossier:
    """Completed by the citizen → submitted again, with a new acceptance deadline counted from
    the resubmission. `submitted_at` keeps the first submission (the national NgayNopHoSo)."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        locked.acceptance_due_at = deadlines.acceptance_due(unit=locked.receiving_unit,
                                                            submitted_at=at)
        return EventDetails(data={
            "resubmitted_at": common.iso(at),
            "acceptance_due_at": common.iso(locked.acceptance_due_at),
            "files": list(locked.files.values_list("name", flat=True)),
        })

    return dossier_transition(dossier=dossier, action=Action.RESUBMIT, actor=actor,
                              expected_version=expected_version, apply=apply, at=at,
                              backdated=backdated)


def dossier_refuse(*, dossier: Dossier, actor, reason: str,
                   expected_version: int | None = None, at: datetime | None = None) -> Dossier:
    """Mẫu 03 (Phiếu từ chối tiếp nhận giải quyết hồ sơ): refused on legal grounds, the reason
    stated (national 3). Finished for statistics, counted as settled on time (DOMAIN.md §2.6)."""
    reason = (reason or "").strip()
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        if not reason:
            raise errors.ReasonRequired(field="reason")
        locked.finished_at = at
        return EventDetails(data={"form": "03", "code": locked.code, "reason": reason})

    return dossier_transition(dossier=dossier, action=Action.REFUSE, actor=actor,
                              expected_version=expected_version, note=reason, apply=apply, at=at,
                              backdated=backdated)


def dossier_cancel(*, dossier: Dossier, actor, expected_version: int | None = None,
                   note: str = "", at: datetime | None = None) -> Dossier:
    """The citizen withdraws a dossier the desk has not received yet (draft, submitted or asked
    to complete). A draft never had a code and keeps none."""
    backdated = at is not None
    at = action_instant(at)

    def apply(locked: Dossier) -> EventDetails:
        locked.finished_at = at
        return EventDetails(data={"code": locked.code, "cancelled_at": common.iso(at)})

    return dossier_transition(dossier=dossier, action=Action.CANCEL, actor=actor,
                              expected_version=expected_version, note=note.strip(), apply=apply,
                              at=at, backdated=backdated)

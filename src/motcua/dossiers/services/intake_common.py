"""What online and desk intake share: input checks, the applicant's fields, fees, starting the
processing clock and the receipt (Mẫu 01) data.

Checks raise `InvalidInput` naming the field, before anything is written; the services call
them inside their transaction, so a refused intake writes nothing either way.
"""

import re
from collections.abc import Callable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.catalog import pricing
from motcua.catalog.choices import StageMode
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.core.clock import local
from motcua.dossiers import deadlines, errors
from motcua.dossiers.inputs import ApplicantData
from motcua.dossiers.models import ApplicantKind, Delivery, Dossier, DossierEvent
from motcua.dossiers.statuses import Channel
from motcua.dossiers.steps import dossier_steps_create

VERSION_NOT_PUBLISHED = _("Thủ tục này chưa được công bố, chưa thể nhận hồ sơ.")
VERSION_NOT_CURRENT = _(
    "Phiên bản thủ tục này không còn hiệu lực; vui lòng chọn thủ tục theo danh mục hiện hành."
)
CHANNEL_NOT_OFFERED = _("Thủ tục này không nhận hồ sơ {channel}.")
UNIT_NOT_IN_FORCE = _("Đơn vị tiếp nhận không còn hoạt động; vui lòng chọn đơn vị kế thừa.")
NAME_REQUIRED = _("Vui lòng nhập họ tên (tên tổ chức) của chủ hồ sơ.")
CCCD_INVALID = _("Số CCCD gồm đúng 12 chữ số.")
TAX_CODE_INVALID = _("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số.")
PHONE_INVALID = _("Số điện thoại không hợp lệ.")
EMAIL_INVALID = _("Địa chỉ thư điện tử không hợp lệ.")
TOO_LONG = _("Nội dung quá dài (tối đa {limit} ký tự).")
DELIVERY_INVALID = _("Hình thức nhận kết quả không hợp lệ.")
ADDRESS_REQUIRED = _("Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.")
CASE_REQUIRED = _("Vui lòng chọn trường hợp của thủ tục.")
CASE_UNKNOWN = _("Trường hợp “{case}” không có trong thủ tục này.")
CASE_NOT_APPLICABLE = _("Thủ tục này không chia theo trường hợp.")
FORM_DATA_INVALID = _("Dữ liệu tờ khai phải là một bảng các trường và giá trị.")
KEY_TOO_LONG = _("Mã chống gửi trùng dài tối đa 100 ký tự.")
KEY_TAKEN = _("Mã chống gửi trùng này đã được dùng cho một hồ sơ khác.")

_CCCD = re.compile(r"^\d{12}$")
_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
_PHONE = re.compile(r"^\+?\d[\d .]{7,18}$")
_CHANNEL_FLAG = {
    Channel.DIRECT: "channel_direct",
    Channel.ONLINE: "channel_online",
    Channel.POSTAL: "channel_postal",
}
_CHANNEL_WORDS = {
    Channel.DIRECT: _("trực tiếp"),
    Channel.ONLINE: _("trực tuyến"),
    Channel.POSTAL: _("qua bưu chính công ích"),
}


def check_version(version: ProcedureVersion, *, channel: Channel) -> None:
    """A new dossier starts under the procedure's current, published version (docs/catalog.md:
    the dossier keeps that version for life), through a channel the procedure offers."""
    if not version.is_published:
        raise errors.InvalidInput(VERSION_NOT_PUBLISHED, field="procedure_version")
    # Asked of the database: a Procedure object held in memory may predate a publication.
    if not Procedure.objects.filter(pk=version.procedure_id, current_version=version).exists():
        raise errors.InvalidInput(VERSION_NOT_CURRENT, field="procedure_version")
    if not getattr(version, _CHANNEL_FLAG[channel]):
        raise errors.InvalidInput(CHANNEL_NOT_OFFERED, field="procedure_version",
                                  channel=_CHANNEL_WORDS[channel])


def check_unit(unit: Unit, *, at: datetime) -> None:
    # A retired unit (DOMAIN.md §0.1, the 2025 reform) keeps its old dossiers but takes no new.
    if not unit.is_valid_on(local(at).date()):
        raise errors.InvalidInput(UNIT_NOT_IN_FORCE, field="receiving_unit")


def check_applicant(applicant: ApplicantData) -> None:
    if not applicant.name.strip():
        raise errors.InvalidInput(NAME_REQUIRED, field="applicant.name")
    if applicant.kind not in ApplicantKind.values:
        raise errors.InvalidInput(field="applicant.kind")
    id_rule = _CCCD if applicant.kind == ApplicantKind.PERSON else _TAX_CODE
    id_message = CCCD_INVALID if applicant.kind == ApplicantKind.PERSON else TAX_CODE_INVALID
    _match("applicant.id_number", applicant.id_number, id_rule, id_message)
    _match("applicant.submitter_id_number", applicant.submitter_id_number, _CCCD, CCCD_INVALID)
    _match("applicant.phone", applicant.phone, _PHONE, PHONE_INVALID)
    _match("applicant.submitter_phone", applicant.submitter_phone, _PHONE, PHONE_INVALID)
    if applicant.email:
        try:
            validate_email(applicant.email)
        except ValidationError:
            raise errors.InvalidInput(EMAIL_INVALID, field="applicant.email") from None
    for name, limit in (("name", 255), ("address", 500), ("submitter_name", 255),
                        ("authorisation_note", 500)):
        if len(getattr(applicant, name)) > limit:
            raise errors.InvalidInput(TOO_LONG, field=f"applicant.{name}", limit=limit)


def _match(field: str, value: str, rule: re.Pattern, message) -> None:
    if value and not rule.match(value):
        raise errors.InvalidInput(message, field=field)


def check_delivery(delivery: str, address: str) -> None:
    if delivery not in Delivery.values:
        raise errors.InvalidInput(DELIVERY_INVALID, field="delivery")
    if delivery == Delivery.POST and not address.strip():
        raise errors.InvalidInput(ADDRESS_REQUIRED, field="delivery_address")
    if len(address) > 500:
        raise errors.InvalidInput(TOO_LONG, field="delivery_address", limit=500)


def check_case(version: ProcedureVersion, case: str) -> None:
    """Procedures whose limit depends on the case (stage_mode `cases`) need one, so the due
    instant can be computed at receipt; the others take none (docs/catalog.md)."""
    if version.stage_mode != StageMode.CASES:
        if case:
            raise errors.InvalidInput(CASE_NOT_APPLICABLE, field="case")
        return
    if not case:
        raise errors.InvalidInput(CASE_REQUIRED, field="case")
    if case not in {stage.case for stage in version.stages.all()}:
        raise errors.InvalidInput(CASE_UNKNOWN, field="case", case=case)


def check_form_data(form_data) -> dict:
    if form_data is None:
        return {}
    if not isinstance(form_data, dict):
        raise errors.InvalidInput(FORM_DATA_INVALID, field="form_data")
    return form_data


def applicant_fields(applicant: ApplicantData) -> dict:
    """The dossier's columns for the applicant and the authorised submitter."""
    return {
        "applicant_kind": applicant.kind,
        "applicant_name": applicant.name.strip(),
        "applicant_id_number": applicant.id_number,
        "applicant_address": applicant.address.strip(),
        "applicant_phone": applicant.phone,
        "applicant_email": applicant.email,
        "submitter_name": applicant.submitter_name.strip(),
        "submitter_id_number": applicant.submitter_id_number,
        "submitter_phone": applicant.submitter_phone,
        "authorisation_note": applicant.authorisation_note.strip(),
    }


def fees_due(version: ProcedureVersion, *, on: date, online: bool) -> int:
    """The fees (phí, lệ phí) known at intake, in đồng, from the version's fee rows.

    Assumptions, until the desk records the exact amount (`fee_due=` on `dossier_receive`):
    fixed amounts count once per case or per copy (one copy); a page-priced fee
    (`certified_copy_pages`) and an amount the catalog leaves unset (provincial levies) count 0,
    because the pages and the local amount are only known at the counter; a fee free when
    registered on time (`free_if_on_time`) counts 0, the lawful default; the online discount
    applies to online dossiers on the submission date (motcua.catalog.pricing).
    """
    total = 0
    for fee in version.fees.all():
        if fee.formula:
            continue
        # A Fee row has the attributes pricing reads from a FeeRule (same names).
        amount = pricing.fee_amount(fee, on=on, online=online, on_time=True)
        total += amount or 0
    return total


def clock_start(dossier: Dossier, *, at: datetime) -> None:
    """Receipt: the processing clock starts now (DESIGN.md "Online dossiers": at acceptance, not
    submission). Legal due instant on the competent unit's calendar; the appointment shown to
    the citizen equals it until an apology (Mẫu 04); the internal steps get their shares.
    The dossier must already be saved (the steps point at it)."""
    dossier.received_at = at
    spec = dossier.procedure_version.duration_spec(case=dossier.case or None)
    dossier.due_at = deadlines.legal_due(unit=dossier.competent_unit, received_at=at, spec=spec)
    dossier.appointment_at = dossier.due_at
    dossier_steps_create(dossier=dossier)


def iso(instant: datetime | None) -> str | None:
    """Instants in event data: ISO 8601 in Vietnam's time, as the forms print them."""
    return local(instant).isoformat() if instant else None


def receipt_data(dossier: Dossier, *, officer) -> dict:
    """The fields of Mẫu 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, TT 01/2018 as amended):
    code, receiving unit and officer, applicant, procedure, components received, fees,
    received instant and the appointment for the result, and how it will be returned."""
    version = dossier.procedure_version
    return {
        "form": "01",
        "code": dossier.code,
        "channel": dossier.channel,
        "receiving_unit": {"code": dossier.receiving_unit.code,
                           "name": dossier.receiving_unit.name},
        "competent_unit": {"code": dossier.competent_unit.code,
                           "name": dossier.competent_unit.name},
        "officer": getattr(officer, "full_name", "") or str(officer or ""),
        "applicant": {"name": dossier.applicant_name, "id_number": dossier.applicant_id_number,
                      "address": dossier.applicant_address, "phone": dossier.applicant_phone,
                      "email": dossier.applicant_email},
        "submitter": dossier.submitter_name,
        "procedure": {"code": version.procedure.code, "national_code":
                      version.procedure.national_code, "name": version.name,
                      "version": version.number},
        "case": dossier.case,
        "components": [
            {"name": c.name, "originals": c.originals, "copies": c.copies,
             "files": [f.name for f in c.files.all()]}
            for c in dossier.components.prefetch_related("files")
        ],
        "fee_due": dossier.fee_due,
        "fee_paid": dossier.fee_paid,
        "submitted_at": iso(dossier.submitted_at),
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "appointment_at": iso(dossier.appointment_at),
        "delivery": dossier.delivery,
        "delivery_address": dossier.delivery_address,
        "postal_waybill": dossier.postal_waybill,
        "postal_handover_at": iso(dossier.postal_handover_at),
    }


def existing_for_key(key: str | None, *, creator) -> Dossier | None:
    """The dossier already made with this idempotency key, or None. The key belongs to whoever
    created the dossier (the first event's actor): anyone else reusing it is refused, so a key
    cannot be used to read another person's dossier."""
    if not key:
        return None
    dossier = Dossier.objects.filter(idempotency_key=key).first()
    if dossier is None:
        return None
    first = DossierEvent.objects.filter(dossier=dossier).order_by("at", "id").first()
    if first is None or creator is None or first.actor_id != creator.pk:
        raise errors.InvalidInput(KEY_TAKEN, field="idempotency_key")
    return dossier


def create_once(key: str | None, creator, create: Callable[[], Dossier]) -> Dossier:
    """Run `create` once per idempotency key: a key already used by the same creator returns
    that dossier; a concurrent request with the same key loses the insert race on the unique
    key (the savepoint rolls back its work, including any code it took) and returns the
    winner's dossier."""
    if key is not None and len(key) > 100:
        raise errors.InvalidInput(KEY_TOO_LONG, field="idempotency_key")
    key = key or None
    existing = existing_for_key(key, creator=creator)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        if key is None or not Dossier.objects.filter(idempotency_key=key).exists():
            raise
    return existing_for_key(key, creator=creator)

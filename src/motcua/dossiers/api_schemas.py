"""Request and response schemas of the dossier API (motcua.dossiers.api).

Inputs are plain values that the endpoints turn into the services' arguments (inputs.py);
outputs read the models directly. Instants are ISO 8601 with an offset (stored in UTC).
"""

from datetime import date, datetime

from ninja import Field, Schema

from motcua.api.schemas import LocalDateTime
from motcua.dossiers.access import files_visible_to
from motcua.dossiers.models import ApplicantKind, Delivery
from motcua.dossiers.statuses import Action, Status


class VersionIn(Schema):
    """`expected_version` is the dossier's `version` as the client last read it: if someone
    changed the dossier since, the action is refused (409 dossier_changed) and nothing is
    written. Optional; without it the action applies to the dossier as it is."""

    expected_version: int | None = Field(None, description="Phiên bản hồ sơ đã đọc")


class ActionIn(VersionIn):
    note: str = Field("", description="Ghi chú, lưu vào lịch sử hồ sơ")


class ReasonIn(ActionIn):
    reason: str = Field(..., description="Lý do (bắt buộc)")


class ItemsIn(ReasonIn):
    items: list[str] = Field(..., description="Các giấy tờ, nội dung cần bổ sung (Mẫu 02)")


class DeskReasonIn(VersionIn):
    """The desk's refusal (Mẫu 03): the reason is the note of the event."""

    reason: str = Field(..., description="Lý do (bắt buộc)")


class DeskItemsIn(DeskReasonIn):
    """The desk's request to complete before acceptance (Mẫu 02)."""

    items: list[str] = Field(..., description="Các giấy tờ, nội dung cần hoàn thiện")


class HandlerIn(ActionIn):
    handler: int | None = Field(None, description="Người xử lý (id tài khoản cán bộ)")


class AgencyIn(ActionIn):
    agency: str = Field(..., description="Mã định danh cơ quan phối hợp, ví dụ 000.00.04.H56")


class SupplementIn(ActionIn):
    file_ids: list[int] = Field([], description="Tệp đã tải lên với mục đích `supplement`")


# Bounds of the columns behind the numbers: a larger value overflowed the database (a 500
# found by schemathesis) instead of being refused as invalid input.
MAX_AMOUNT = 10**15  # đồng: far above any fee, inside a bigint
MAX_COPIES = 32767  # a smallint


class ObligationIn(ReasonIn):
    amount: int = Field(..., ge=0, le=MAX_AMOUNT, description="Số tiền phải nộp (đồng)")


class ResultIn(Schema):
    name: str
    number: str = ""
    signer: str = ""
    signed_on: date | None = None
    is_refusal: bool = False
    file_id: int | None = None


class ApproveIn(ActionIn):
    results: list[ResultIn] = Field(..., min_length=1)


class RescheduleIn(ReasonIn):
    new_appointment_at: datetime = Field(..., description="Ngày hẹn trả mới (Mẫu 04)")


class ReturnIn(ActionIn):
    collected_by: str = Field("", description="Người nhận kết quả tại Bộ phận Một cửa")
    waybill: str = Field("", description="Số vận đơn khi trả qua bưu chính")


class ApplicantIn(Schema):
    name: str
    id_number: str = ""
    kind: ApplicantKind = ApplicantKind.PERSON
    address: str = ""
    phone: str = ""
    email: str = ""
    submitter_name: str = ""
    submitter_id_number: str = ""
    submitter_phone: str = ""
    authorisation_note: str = ""


class DraftIn(Schema):
    procedure: str = Field(..., description="Mã thủ tục trong danh mục, ví dụ HT-01")
    receiving_unit: str = Field(..., description="Mã định danh đơn vị tiếp nhận")
    case: str = ""
    applicant: ApplicantIn
    form_data: dict = {}
    delivery: Delivery = Delivery.DESK
    delivery_address: str = ""


class DraftUpdateIn(VersionIn):
    """Only the fields sent are changed."""

    receiving_unit: str | None = Field(None, description="Mã định danh đơn vị tiếp nhận")
    case: str | None = None
    applicant: ApplicantIn | None = None
    form_data: dict | None = None
    delivery: Delivery | None = None
    delivery_address: str | None = None


class ComponentIn(Schema):
    name: str
    originals: int = Field(0, ge=0, le=MAX_COPIES)
    copies: int = Field(0, ge=0, le=MAX_COPIES)
    component_id: int | None = None


class PostalIn(Schema):
    waybill: str
    handed_over_at: datetime


class ReceiptIn(Schema):
    procedure: str
    receiving_unit: str | None = Field(
        None, description="Mã định danh; mặc định: đơn vị duy nhất nơi cán bộ được tiếp nhận"
    )
    case: str = ""
    applicant: ApplicantIn
    components: list[ComponentIn] = []
    fee_paid: int = Field(0, ge=0, le=MAX_AMOUNT)
    delivery: Delivery = Delivery.DESK
    delivery_address: str = ""
    form_data: dict = {}
    postal: PostalIn | None = Field(None, description="Hồ sơ nhận qua bưu chính công ích")


class CounterRefusalIn(Schema):
    procedure: str
    receiving_unit: str | None = None
    applicant: ApplicantIn
    reason: str = Field(..., description="Lý do từ chối (Mẫu 03)")
    components: list[ComponentIn] = []


# --- Outputs --------------------------------------------------------------------------------


class UnitOut(Schema):
    code: str
    name: str


class PersonOut(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.full_name or obj.username


class StepOut(Schema):
    position: int
    name: str
    actor: str
    unit: UnitOut
    share: int
    started_at: LocalDateTime | None
    due_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    handler: PersonOut | None


class DossierSummaryOut(Schema):
    id: int
    code: str | None
    version: int
    status: Status
    status_label: str = Field(..., description="Trạng thái")
    national_status: int | None = Field(..., description="Mã trạng thái DVCQG 1–10")
    channel: int = Field(..., description="1 trực tiếp, 2 trực tuyến, 3 bưu chính")
    procedure_code: str
    procedure_name: str
    applicant_name: str
    receiving_unit: UnitOut
    current_unit: UnitOut
    handler: PersonOut | None
    current_step: str | None
    current_step_due_at: LocalDateTime | None
    submitted_at: LocalDateTime | None
    acceptance_due_at: LocalDateTime | None
    received_at: LocalDateTime | None
    due_at: LocalDateTime | None
    appointment_at: LocalDateTime | None

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(Status(obj.status).label)

    @staticmethod
    def resolve_procedure_code(obj) -> str:
        return obj.procedure_version.procedure.code

    @staticmethod
    def resolve_procedure_name(obj) -> str:
        return obj.procedure_version.name

    @staticmethod
    def resolve_current_step(obj) -> str | None:
        return obj.current_step.name if obj.current_step_id else None

    @staticmethod
    def resolve_current_step_due_at(obj) -> LocalDateTime | None:
        return obj.current_step.due_at if obj.current_step_id else None


class QueueItemOut(DossierSummaryOut):
    overdue: bool
    due_today: bool
    step_overdue: bool = False


class QueueOut(Schema):
    total: int
    overdue: int
    due_today: int
    dossiers: list[QueueItemOut]


class ComponentOut(Schema):
    id: int
    name: str
    originals: int
    copies: int


class FileOut(Schema):
    id: int
    name: str
    purpose: str
    content_type: str
    size: int
    sha256: str
    component_id: int | None
    uploaded_at: LocalDateTime


class ResultOut(Schema):
    id: int
    name: str
    number: str
    signer: str
    signed_on: date | None
    is_refusal: bool
    file_id: int | None


class PauseOut(Schema):
    kind: str
    reason: str
    started_at: LocalDateTime
    ended_at: LocalDateTime | None
    due_before: LocalDateTime | None
    due_after: LocalDateTime | None


class DossierOut(DossierSummaryOut):
    case: str
    competent_unit: UnitOut
    applicant_kind: str
    applicant_id_number: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    submitter_name: str
    authorisation_note: str
    form_data: dict
    fee_due: int
    fee_paid: int
    delivery: str
    delivery_address: str
    postal_waybill: str
    postal_handover_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    returned_at: LocalDateTime | None
    supplement_requests: int
    reschedules: int
    steps: list[StepOut]
    components: list[ComponentOut]
    files: list[FileOut]
    results: list[ResultOut]
    pauses: list[PauseOut]

    @staticmethod
    def resolve_steps(obj):
        return obj.steps.all()

    @staticmethod
    def resolve_components(obj):
        return obj.components.all()

    @staticmethod
    def resolve_files(obj, context):
        # The applicant sees what they handed in and the signed result, not the officers'
        # working papers (dossiers.access.files_visible_to), as with the file view.
        request = context["request"]
        return files_visible_to(getattr(request, "auth", None) or request.user, obj,
                                obj.files.all())

    @staticmethod
    def resolve_results(obj):
        return obj.results.all()

    @staticmethod
    def resolve_pauses(obj):
        return obj.pauses.all()


class EventOut(Schema):
    id: int
    at: LocalDateTime
    action: Action
    action_label: str
    from_status: str
    to_status: str
    actor: PersonOut | None
    actor_role: str
    unit: UnitOut | None
    note: str
    data: dict
    step: str | None
    allotted_us: int | None
    used_us: int | None

    @staticmethod
    def resolve_action_label(obj) -> str:
        return str(Action(obj.action).label)

    @staticmethod
    def resolve_step(obj) -> str | None:
        return obj.step.name if obj.step_id else None


class LookupStepOut(Schema):
    name: str
    started_at: LocalDateTime | None
    due_at: LocalDateTime | None
    finished_at: LocalDateTime | None


class LookupOut(Schema):
    """The public look-up: no name, phone, address or ID number (docs/api.md)."""

    code: str
    procedure: str
    receiving_unit: str
    channel: int
    status: str
    status_label: str
    national_status: int | None
    submitted_at: LocalDateTime | None
    received_at: LocalDateTime | None
    due_at: LocalDateTime | None
    appointment_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    returned_at: LocalDateTime | None
    steps: list[LookupStepOut]

"""REST endpoints of the dossier engine, mounted at /api/v1/dossiers (motcua.api.v1).

Each endpoint parses its input, fetches the dossier through the one access function
(`access.dossier_get_for`: 404 for what the caller may not see), calls one service, and answers
with the dossier as it now is. Who may perform the action is the services' decision
(403 forbidden / not_assigned, 409 action_not_allowed / dossier_changed, 422 invalid_input):
errors are turned into `{"code", "message", "field"}` by motcua.api.errors.
"""

from typing import Literal

from django.utils.translation import gettext_lazy as _
from ninja import File, Form, Header, Query, Router, Status
from ninja.files import UploadedFile

from motcua.api.auth import API_AUTH
from motcua.api.errors import error_body
from motcua.api.schemas import COMMON_ERRORS, ErrorOut
from motcua.api.throttling import LookupThrottle
from motcua.audit.models import Kind
from motcua.audit.services import read_record
from motcua.core.paging import MAX_PAGE
from motcua.dossiers import api_schemas as s
from motcua.dossiers import inputs, selectors
from motcua.dossiers.access import For, dossier_get_for
from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.lookup import dossier_lookup
from motcua.dossiers.models import DossierFile
from motcua.dossiers.selectors import (
    handler_get,
    procedure_version_current,
    receiving_unit_for,
    unit_get,
)
from motcua.dossiers.services import intake, processing

router = Router(tags=["dossiers"], auth=API_AUTH)

ONE = {200: s.DossierOut, **COMMON_ERRORS}
CREATED = {201: s.DossierOut, **COMMON_ERRORS}
IDEMPOTENCY = Header(None, alias="Idempotency-Key", max_length=100,
                     description="Khóa chống gửi trùng: gửi lại cùng khóa trả về cùng hồ sơ")


def _act(request, dossier_id: int, service, payload: s.VersionIn, *, for_=For.VIEW, **kwargs):
    """Fetch what the caller may see, run the action, answer with the dossier as it now is.
    Actions with a note (every one but the citizen's submit, resubmit and draft edit) pass it."""
    dossier = dossier_get_for(request.auth, dossier_id, for_=for_)
    if isinstance(payload, s.ActionIn):
        kwargs["note"] = payload.note
    service(dossier=dossier, actor=request.auth, expected_version=payload.expected_version,
            **kwargs)
    return selectors.dossier_detail(dossier_id=dossier.pk)


def _applicant(data: s.ApplicantIn) -> inputs.ApplicantData:
    return inputs.ApplicantData(**data.model_dump())


def _draft_args(payload: s.DraftIn) -> dict:
    return {
        "procedure_version": procedure_version_current(code=payload.procedure),
        "receiving_unit": unit_get(code=payload.receiving_unit, field="receiving_unit"),
        "applicant": _applicant(payload.applicant), "form_data": payload.form_data,
        "delivery": payload.delivery, "delivery_address": payload.delivery_address,
        "case": payload.case,
    }


# --- Reading -------------------------------------------------------------------------------

QUEUE_PAGE = Query(1, ge=1, le=MAX_PAGE,
                   description=f"Trang (mỗi trang {selectors.PAGE_SIZE} hồ sơ)")


@router.get("/inbox", response={200: s.QueueOut, **COMMON_ERRORS},
            summary="Hồ sơ cần xử lý của tôi / của đơn vị")
def inbox(request, scope: Literal["mine", "unit"] = "mine", page: int = QUEUE_PAGE):
    return selectors.dossier_inbox_for_officer(officer=request.auth, scope=scope,
                                               page=page)


@router.get("/desk-queue", response={200: s.QueueOut, **COMMON_ERRORS},
            summary="Hồ sơ trực tuyến chờ tiếp nhận")
def desk_queue(request, page: int = QUEUE_PAGE):
    return selectors.dossier_desk_queue(officer=request.auth, page=page)


@router.get("/mine", response={200: list[s.DossierSummaryOut], **COMMON_ERRORS},
            summary="Hồ sơ của tôi (công dân)")
def my_dossiers(request):
    return selectors.dossier_list_for_citizen(citizen=request.auth)


@router.get("/{int:dossier_id}", response=ONE, summary="Chi tiết hồ sơ")
def dossier_detail(request, dossier_id: int):
    dossier = dossier_get_for(request.auth, dossier_id,
                              queryset=selectors.dossier_detail_queryset())
    read_record(request, kind=Kind.API_DOSSIER, dossier=dossier)
    return dossier


@router.get("/{int:dossier_id}/events", response={200: list[s.EventOut], **COMMON_ERRORS},
            summary="Lịch sử xử lý hồ sơ")
def dossier_events(request, dossier_id: int):
    return selectors.dossier_events(dossier=dossier_get_for(request.auth, dossier_id))


# --- Online intake (citizen, then the desk) -----------------------------------------------


@router.post("", response=CREATED, summary="Tạo bản nháp hồ sơ trực tuyến")
def draft_create(request, payload: s.DraftIn, idempotency_key: str | None = IDEMPOTENCY):
    dossier = intake.dossier_draft_create(owner=request.auth, idempotency_key=idempotency_key,
                                          **_draft_args(payload))
    return Status(201, selectors.dossier_detail(dossier_id=dossier.pk))


@router.post("/submissions", response=CREATED, summary="Tạo và nộp hồ sơ trực tuyến")
def submission_create(request, payload: s.DraftIn, idempotency_key: str | None = IDEMPOTENCY):
    dossier = intake.dossier_submit_new(owner=request.auth, idempotency_key=idempotency_key,
                                        **_draft_args(payload))
    return Status(201, selectors.dossier_detail(dossier_id=dossier.pk))


@router.patch("/{int:dossier_id}", response=ONE, summary="Sửa bản nháp")
def draft_update(request, dossier_id: int, payload: s.DraftUpdateIn):
    fields = payload.model_dump(exclude_none=True,
                                exclude={"expected_version", "applicant", "receiving_unit"})
    if payload.applicant is not None:
        fields["applicant"] = _applicant(payload.applicant)
    if payload.receiving_unit is not None:
        fields["receiving_unit"] = unit_get(code=payload.receiving_unit, field="receiving_unit")
    return _act(request, dossier_id, intake.dossier_draft_update, payload, for_=For.OWNER,
                **fields)


@router.post("/{int:dossier_id}/files", response={201: s.FileOut, **COMMON_ERRORS},
             summary="Tải lên tệp của hồ sơ (multipart)")
def file_upload(request, dossier_id: int, file: File[UploadedFile],
                purpose: Form[DossierFile.Purpose] = DossierFile.Purpose.SUBMISSION,
                component: Form[int | None] = None):
    dossier = dossier_get_for(request.auth, dossier_id)
    attached = dossier_file_attach(dossier=dossier, actor=request.auth, upload=file,
                                   purpose=purpose, component=component)
    return Status(201, attached)


@router.post("/{int:dossier_id}/submit", response=ONE, summary="Nộp bản nháp")
def submit(request, dossier_id: int, payload: s.VersionIn):
    return _act(request, dossier_id, intake.dossier_submit, payload, for_=For.OWNER)


@router.post("/{int:dossier_id}/resubmit", response=ONE, summary="Nộp lại hồ sơ đã hoàn thiện")
def resubmit(request, dossier_id: int, payload: s.VersionIn):
    return _act(request, dossier_id, intake.dossier_resubmit, payload, for_=For.OWNER)


@router.post("/{int:dossier_id}/cancel", response=ONE, summary="Hủy hồ sơ chưa được tiếp nhận")
def cancel(request, dossier_id: int, payload: s.ActionIn):
    return _act(request, dossier_id, intake.dossier_cancel, payload, for_=For.OWNER)


@router.post("/{int:dossier_id}/accept", response=ONE, summary="Tiếp nhận hồ sơ trực tuyến")
def accept(request, dossier_id: int, payload: s.ActionIn):
    return _act(request, dossier_id, intake.dossier_accept, payload)


@router.post("/{int:dossier_id}/request-completion", response=ONE,
             summary="Yêu cầu hoàn thiện hồ sơ trước khi tiếp nhận (Mẫu 02)")
def request_completion(request, dossier_id: int, payload: s.DeskItemsIn):
    return _act(request, dossier_id, intake.dossier_request_completion, payload,
                reason=payload.reason, items=payload.items)


@router.post("/{int:dossier_id}/refuse", response=ONE, summary="Từ chối tiếp nhận (Mẫu 03)")
def refuse(request, dossier_id: int, payload: s.DeskReasonIn):
    return _act(request, dossier_id, intake.dossier_refuse, payload, reason=payload.reason)


# --- Desk receipt (in person, by post) -----------------------------------------------------


@router.post("/receipts", response=CREATED,
             summary="Tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính (Mẫu 01)")
def receive(request, payload: s.ReceiptIn, idempotency_key: str | None = IDEMPOTENCY):
    postal = payload.postal and inputs.PostalReceipt(**payload.postal.model_dump())
    dossier = intake.dossier_receive(
        actor=request.auth, procedure_version=procedure_version_current(code=payload.procedure),
        receiving_unit=receiving_unit_for(request.auth, code=payload.receiving_unit),
        applicant=_applicant(payload.applicant),
        components=[inputs.ReceivedComponent(**c.model_dump()) for c in payload.components],
        fee_paid=payload.fee_paid, delivery=payload.delivery,
        delivery_address=payload.delivery_address, case=payload.case,
        form_data=payload.form_data, postal=postal, idempotency_key=idempotency_key,
    )
    return Status(201, selectors.dossier_detail(dossier_id=dossier.pk))


@router.post("/refusals", response=CREATED, summary="Từ chối hồ sơ nộp tại quầy (Mẫu 03)")
def refuse_at_counter(request, payload: s.CounterRefusalIn,
                      idempotency_key: str | None = IDEMPOTENCY):
    dossier = intake.dossier_refuse_at_counter(
        actor=request.auth, procedure_version=procedure_version_current(code=payload.procedure),
        receiving_unit=receiving_unit_for(request.auth, code=payload.receiving_unit),
        applicant=_applicant(payload.applicant), reason=payload.reason,
        components=[inputs.ReceivedComponent(**c.model_dump()) for c in payload.components],
        idempotency_key=idempotency_key,
    )
    return Status(201, selectors.dossier_detail(dossier_id=dossier.pk))


# --- Processing ----------------------------------------------------------------------------


@router.post("/{int:dossier_id}/forward", response=ONE, summary="Chuyển hồ sơ để xử lý")
def forward(request, dossier_id: int, payload: s.ActionIn):
    return _act(request, dossier_id, processing.dossier_forward, payload)


@router.post("/{int:dossier_id}/assign", response=ONE, summary="Phân công người xử lý")
def assign(request, dossier_id: int, payload: s.HandlerIn):
    handler = handler_get(user_id=payload.handler, required=True)
    return _act(request, dossier_id, processing.dossier_assign, payload, handler=handler)


@router.post("/{int:dossier_id}/hand-over", response=ONE, summary="Chuyển bước tiếp theo")
def hand_over(request, dossier_id: int, payload: s.HandlerIn):
    handler = handler_get(user_id=payload.handler, required=False)
    return _act(request, dossier_id, processing.dossier_hand_over, payload, handler=handler)


@router.post("/{int:dossier_id}/send-to-agency", response=ONE,
             summary="Chuyển cơ quan phối hợp (liên thông)")
def send_to_agency(request, dossier_id: int, payload: s.AgencyIn):
    agency = unit_get(code=payload.agency, field="agency")
    return _act(request, dossier_id, processing.dossier_send_to_agency, payload, agency=agency)


@router.post("/{int:dossier_id}/agency-return", response=ONE,
             summary="Cơ quan phối hợp trả kết quả liên thông")
def agency_return(request, dossier_id: int, payload: s.ActionIn):
    return _act(request, dossier_id, processing.dossier_agency_return, payload)


@router.post("/{int:dossier_id}/request-supplement", response=ONE,
             summary="Yêu cầu bổ sung hồ sơ (tạm dừng tính thời hạn)")
def request_supplement(request, dossier_id: int, payload: s.ItemsIn):
    return _act(request, dossier_id, processing.dossier_request_supplement, payload,
                reason=payload.reason, items=payload.items)


@router.post("/{int:dossier_id}/supplement", response=ONE, summary="Bổ sung hồ sơ")
def supplement(request, dossier_id: int, payload: s.SupplementIn):
    return _act(request, dossier_id, processing.dossier_supplement, payload,
                file_ids=payload.file_ids)


@router.post("/{int:dossier_id}/request-obligation", response=ONE,
             summary="Yêu cầu thực hiện nghĩa vụ tài chính (tạm dừng tính thời hạn)")
def request_obligation(request, dossier_id: int, payload: s.ObligationIn):
    return _act(request, dossier_id, processing.dossier_request_obligation, payload,
                reason=payload.reason, amount=payload.amount)


@router.post("/{int:dossier_id}/fulfil-obligation", response=ONE,
             summary="Đã thực hiện nghĩa vụ tài chính")
def fulfil_obligation(request, dossier_id: int, payload: s.ActionIn):
    return _act(request, dossier_id, processing.dossier_fulfil_obligation, payload)


@router.post("/{int:dossier_id}/propose", response=ONE, summary="Trình kết quả")
def propose(request, dossier_id: int, payload: s.ActionIn):
    return _act(request, dossier_id, processing.dossier_propose_result, payload)


@router.post("/{int:dossier_id}/approve", response=ONE, summary="Phê duyệt kết quả")
def approve(request, dossier_id: int, payload: s.ApproveIn):
    results = [inputs.ResultData(**r.model_dump()) for r in payload.results]
    return _act(request, dossier_id, processing.dossier_approve, payload, results=results)


@router.post("/{int:dossier_id}/send-back", response=ONE, summary="Trả lại để xử lý lại")
def send_back(request, dossier_id: int, payload: s.ReasonIn):
    return _act(request, dossier_id, processing.dossier_send_back, payload, reason=payload.reason)


@router.post("/{int:dossier_id}/request-withdrawal", response=ONE, summary="Yêu cầu rút hồ sơ")
def request_withdrawal(request, dossier_id: int, payload: s.ReasonIn):
    return _act(request, dossier_id, processing.dossier_request_withdrawal, payload,
                reason=payload.reason)


@router.post("/{int:dossier_id}/accept-withdrawal", response=ONE,
             summary="Chấp thuận rút hồ sơ (dừng xử lý)")
def accept_withdrawal(request, dossier_id: int, payload: s.ActionIn):
    return _act(request, dossier_id, processing.dossier_accept_withdrawal, payload)


@router.post("/{int:dossier_id}/stop", response=ONE, summary="Dừng xử lý hồ sơ")
def stop(request, dossier_id: int, payload: s.ReasonIn):
    return _act(request, dossier_id, processing.dossier_stop, payload, reason=payload.reason)


@router.post("/{int:dossier_id}/reschedule", response=ONE,
             summary="Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)")
def reschedule(request, dossier_id: int, payload: s.RescheduleIn):
    return _act(request, dossier_id, processing.dossier_reschedule, payload,
                reason=payload.reason, new_appointment_at=payload.new_appointment_at)


@router.post("/{int:dossier_id}/return-result", response=ONE, summary="Trả kết quả")
def return_result(request, dossier_id: int, payload: s.ReturnIn):
    return _act(request, dossier_id, processing.dossier_return_result, payload,
                collected_by=payload.collected_by, waybill=payload.waybill)


# --- Public look-up (mounted at /api/v1/lookup) ---------------------------------------------

lookup_router = Router(tags=["lookup"])
LOOKUP_NOT_FOUND = _("Không tìm thấy hồ sơ có mã và 4 chữ số đã nhập. Vui lòng kiểm tra lại.")


@lookup_router.get("", response={200: s.LookupOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
                   throttle=[LookupThrottle()], summary="Tra cứu hồ sơ theo mã (công khai)")
def lookup(request, code: str = Query(..., max_length=64),
           digits: str = Query(..., pattern=r"^\d{4}$",
                               description="4 chữ số cuối của số điện thoại hoặc số CCCD")):
    """No personal data; an unknown code and wrong digits give the same 404 (docs/api.md)."""
    found = dossier_lookup(code=code, digits=digits)
    if found is None:
        return Status(404, error_body("not_found", LOOKUP_NOT_FOUND))
    return Status(200, found)

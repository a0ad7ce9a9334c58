"""API shapes of the catalog (OpenAPI at /api/v1/openapi.json) and their builders."""

from datetime import date, datetime

from django.urls import reverse
from ninja import Field as SchemaField
from ninja import Schema

from motcua.catalog.content import plain_number
from motcua.catalog.models import Procedure, ProcedureVersion, split_lines
from motcua.catalog.selectors import MAX_PAGE, MAX_PAGE_SIZE, PAGE_SIZE, Page


class ErrorOut(Schema):
    code: str
    message: str


class CodeName(Schema):
    code: str
    name: str


class StageOut(Schema):
    case: str
    kind: str
    value: int | float | None
    verification_extension_working_days: int | float | None
    duration_spec: str | None = SchemaField(description="Chuỗi thời hạn cho lịch làm việc")
    description: str


class TimeLimitSummaryOut(Schema):
    kind: str = SchemaField(description="working_days | working_hours | calendar_days | "
                                        "same_day | staged")
    value: int | float | None = SchemaField(description="null: pháp luật không quy định cụ thể")
    verification_extension_working_days: int | float | None
    duration_spec: str | None = SchemaField(
        description="5d, 0.5d, 4h, 10cd, sameday; null khi chưa xác định hoặc phải chọn trường hợp"
    )
    description: str


class TimeLimitOut(TimeLimitSummaryOut):
    text: str
    exclusions: list[str]
    stage_mode: str | None
    stages: list[StageOut]


class OnlineDiscountOut(Schema):
    percent: int
    valid_from: date | None
    valid_until: date | None


class FeeOut(Schema):
    name: str
    kind: str
    amount: int | None = SchemaField(description="đồng; null khi danh mục chưa có mức thu")
    formula: str | None
    unit: str
    set_by: str
    example: bool
    unverified: bool
    free_if_on_time: bool
    online_discount: OnlineDiscountOut | None
    note: str


class ComponentOut(Schema):
    name: str
    originals: int
    copies: int
    required: bool
    template_url: str | None


class StepOut(Schema):
    name: str
    role: str
    actor: str
    agency: str
    share: int = SchemaField(description="phần trăm thời hạn giải quyết")


class ProcedureSummaryOut(Schema):
    code: str
    national_code: str | None
    name: str
    field: CodeName
    level: CodeName
    competent_unit: CodeName | None
    online_level: str
    channels: list[int] = SchemaField(description="1 trực tiếp, 2 trực tuyến, 3 bưu chính")
    time_limit: TimeLimitSummaryOut
    version: int


class ProcedureDetailOut(ProcedureSummaryOut):
    name_en: str
    level_note: str
    level_before_2025_07: CodeName | None
    level_before_2025_07_note: str
    time_limit: TimeLimitOut
    fee_text: str
    fees: list[FeeOut]
    components: list[ComponentOut]
    results: list[str]
    legal_basis: list[str]
    sources: list[str]
    notes: str
    verification: str
    process: list[StepOut]
    published_at: datetime


class ProcedurePageOut(Schema):
    count: int = SchemaField(description="tổng số thủ tục khớp bộ lọc")
    page: int
    page_size: int
    pages: int
    items: list[ProcedureSummaryOut]




class ProcedureFilters(Schema):
    q: str = SchemaField("", description="tìm không phân biệt dấu, hoa thường; mọi từ đều khớp")
    field: str = SchemaField("", description="mã lĩnh vực")
    level: str = SchemaField("", description="mã cấp: tinh, xa…")
    unit: str = SchemaField("", description="mã đơn vị: thủ tục đơn vị đó giải quyết")
    channel: int | None = SchemaField(None, ge=1, le=3)
    online_level: str = ""
    # Bounded (selectors.MAX_PAGE): the API says so rather than clamping silently.
    page: int = SchemaField(1, ge=1, le=MAX_PAGE)
    page_size: int = SchemaField(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def page_out(page: Page) -> dict:
    return {
        "count": page.count, "page": page.number, "page_size": page.size,
        "pages": page.num_pages, "items": [summary_out(p) for p in page.items],
    }


def summary_out(procedure: Procedure) -> dict:
    version = procedure.current_version
    return {
        "code": procedure.code,
        "national_code": procedure.national_code or None,
        "name": version.name,
        "field": _code_name(version.field),
        "level": _code_name(version.level),
        "competent_unit": _code_name(version.competent_unit),
        "online_level": version.online_level,
        "channels": version.channels,
        "time_limit": _limit_summary(version),
        "version": version.number,
    }


def detail_out(procedure: Procedure) -> dict:
    v = procedure.current_version
    limit = v.time_limit
    return {
        **summary_out(procedure),
        "name_en": v.name_en,
        "level_note": v.level_note,
        "level_before_2025_07": _code_name(v.level_before_2025_07),
        "level_before_2025_07_note": v.level_before_2025_07_note,
        "time_limit": {
            **_limit_summary(v),
            "text": limit.text,
            "exclusions": list(limit.exclusions),
            "stage_mode": limit.stage_mode or None,
            "stages": [_stage_out(v, stage) for stage in v.stages.all()],
        },
        "fee_text": v.fee_text,
        "fees": [_fee_out(fee) for fee in v.fees.all()],
        "components": [_component_out(procedure.code, c) for c in v.components.all()],
        "results": [result.name for result in v.results.all()],
        "legal_basis": split_lines(v.legal_basis),
        "sources": split_lines(v.sources),
        "notes": v.notes,
        "verification": v.verification,
        "process": [
            {"name": s.name, "role": s.role, "actor": s.actor, "agency": s.agency,
             "share": s.share} for s in v.steps.all()
        ],
        "published_at": v.published_at,
    }


def _limit_summary(version: ProcedureVersion) -> dict:
    return {
        "kind": version.time_limit_kind,
        "value": plain_number(version.time_limit_value),
        "verification_extension_working_days": plain_number(version.time_limit_extension),
        "duration_spec": version.duration_spec(),
        "description": version.time_limit_description(),
    }


def _stage_out(version: ProcedureVersion, stage) -> dict:
    return {
        "case": stage.case, "kind": stage.kind, "value": plain_number(stage.value),
        "verification_extension_working_days": plain_number(stage.extension),
        "duration_spec": version.duration_spec(case=stage.case),
        "description": stage.description(),
    }


def _fee_out(fee) -> dict:
    discount = None
    if fee.online_discount_percent is not None:
        discount = {"percent": fee.online_discount_percent,
                    "valid_from": fee.online_discount_from,
                    "valid_until": fee.online_discount_until}
    return {
        "name": fee.name, "kind": fee.kind, "amount": fee.amount, "formula": fee.formula or None,
        "unit": fee.unit, "set_by": fee.set_by, "example": fee.is_example,
        "unverified": fee.is_unverified, "free_if_on_time": fee.free_if_on_time,
        "online_discount": discount, "note": fee.note,
    }


def _component_out(code: str, component) -> dict:
    url = None
    if component.template:
        url = reverse("catalog:component-template", args=[code, component.pk])
    return {"name": component.name, "originals": component.originals,
            "copies": component.copies, "required": component.required, "template_url": url}


def _code_name(row) -> dict | None:
    return {"code": row.code, "name": row.name} if row is not None else None

"""Working-calendar API: the due-date calculator (logic in `motcua.workcal.due_dates`)."""

from datetime import datetime

from ninja import Field, Query, Router, Schema, Status

from motcua.workcal.due_dates import DueDate, DueDateInputError, due_date_compute, pause_from_text

router = Router(tags=["calendar"])


class PauseOut(Schema):
    start: datetime = Field(description="Thời điểm tạm dừng / clock stopped at")
    end: datetime = Field(description="Thời điểm tiếp tục / clock resumed at")


class DueDateOut(Schema):
    received: datetime = Field(description="Thời điểm tiếp nhận, giờ Việt Nam / receipt instant")
    duration: str = Field(description="Thời hạn đã chuẩn hóa / normalised limit, e.g. 1d, 4h")
    pauses: list[PauseOut]
    unit: str | None = Field(None, description="Mã định danh đơn vị / unit identifier")
    due: datetime = Field(description="Hạn giải quyết / legal due instant, ISO 8601 with offset")

    @staticmethod
    def resolve_duration(obj: DueDate) -> str:
        return str(obj.duration)

    @staticmethod
    def resolve_unit(obj: DueDate) -> str | None:
        return obj.unit.code if obj.unit else None


class CalendarErrorOut(Schema):
    code: str = Field(description="Mã lỗi ổn định / stable error code, e.g. duration_invalid")
    message: str = Field(description="Thông báo cho người dùng / message for people")
    field: str | None = Field(None, description="Tham số có lỗi / the offending parameter")


class DueDateQuery(Schema):
    # Plain optional strings: every refusal, a missing value included, is reported by the
    # service as {code, message, field} rather than by the schema validator.
    received: str | None = Field(
        None, description="2026-02-13T10:00 (no offset = Asia/Ho_Chi_Minh) or 13/02/2026 10:00"
    )
    duration: str | None = Field(
        None, description="1d, 0.5d (working days), 4h (working hours), 10cd (calendar days) "
        "or sameday"
    )
    pause: list[str] = Field([], description="FROM,TO — repeat the parameter for each pause")
    unit: str | None = Field(None, description="unit identifier (mã định danh) for its calendar")


@router.get(
    "/due-date",
    response={200: DueDateOut, 422: CalendarErrorOut},
    summary="Tính hạn giải quyết / compute a due instant",
    description="The legal due instant of a time limit counted on the working calendar "
    "(docs/deadlines.md); bad input gives 422 with a stable code and a Vietnamese message.",
)
def due_date(request, query: Query[DueDateQuery]):
    try:
        pauses = [pause_from_text(text) for text in query.pause]
        return Status(200, due_date_compute(received=query.received, duration=query.duration,
                                            pauses=pauses, unit_code=query.unit))
    except DueDateInputError as error:
        return Status(422, error.as_dict())

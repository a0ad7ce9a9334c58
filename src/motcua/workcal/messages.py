"""What users read: refusals keyed by the engine's error codes, and the outcome labels.

Vietnamese msgids as module constants, so tests assert the exact message (STYLE.md); English is
in the locale files.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.workcal.engine import CalendarError, Outcome, Standing

RECEIVED_MISSING = "received_missing"
DURATION_MISSING = "duration_missing"
PAUSE_INVALID = "pause_invalid"
UNIT_NOT_FOUND = "unit_not_found"

MESSAGES = {
    RECEIVED_MISSING: _("Chưa nhập thời điểm tiếp nhận."),
    DURATION_MISSING: _("Chưa nhập thời hạn giải quyết."),
    "duration_invalid": _(
        "Thời hạn “%(text)s” không hợp lệ: hãy nhập ví dụ 1d hoặc 0.5d (ngày làm việc), "
        "4h (giờ làm việc), 10cd (ngày theo lịch) hoặc sameday (trong ngày)."
    ),
    "duration_not_positive": _("Thời hạn “%(text)s” phải lớn hơn 0."),
    "duration_too_long": _("Thời hạn “%(text)s” vượt quá mức tối đa %(limit)s."),
    "duration_calendar_fraction": _("Số ngày theo lịch phải là số nguyên, không phải “%(text)s”."),
    "instant_invalid": _(
        "Không đọc được thời điểm “%(text)s”: hãy nhập dạng 2026-02-13T10:00 hoặc "
        "13/02/2026 10:00."
    ),
    "instant_naive": _("Thời điểm “%(text)s” thiếu múi giờ."),
    "instant_out_of_range": _(
        "Thời điểm “%(text)s” nằm ngoài khoảng năm được hỗ trợ (%(first)s–%(last)s)."
    ),
    PAUSE_INVALID: _("Khoảng tạm dừng “%(text)s” không hợp lệ: hãy nhập dạng TỪ,ĐẾN."),
    "pause_end_before_start": _(
        "Khoảng tạm dừng từ %(start)s kết thúc trước khi bắt đầu (%(end)s)."
    ),
    "pause_before_received": _(
        "Khoảng tạm dừng từ %(start)s bắt đầu trước thời điểm tiếp nhận %(received)s."
    ),
    "pause_overlap": _(
        "Khoảng tạm dừng từ %(start)s bắt đầu khi khoảng trước chưa kết thúc (%(previous_end)s)."
    ),
    UNIT_NOT_FOUND: _("Không có đơn vị mã “%(code)s”."),
    "session_invalid": _("Buổi làm việc phải bắt đầu trước khi kết thúc (%(start)s–%(end)s)."),
    "session_overlap": _("Các buổi làm việc trùng nhau: %(first)s và %(second)s."),
    "schedule_empty": _("Lịch làm việc không có buổi nào."),
    "calendar_error": _("Dữ liệu lịch làm việc không hợp lệ."),
}


def message_for(error_code: str, /, **params: object) -> str:
    """The message of an error code in the active language, with its parameters filled in."""
    template = MESSAGES.get(error_code, MESSAGES["calendar_error"])
    return str(template) % params if params else str(template)


def error_message(error: CalendarError) -> str:
    return message_for(error.code, **error.params)


# Report labels (TT 01/2020 columns, DOMAIN.md §2.6).
OUTCOME_LABELS = {
    Outcome.EARLY: _("Trước hạn"),
    Outcome.ON_TIME: _("Đúng hạn"),
    Outcome.LATE: pgettext_lazy("finished dossier", "Quá hạn"),
}
STANDING_LABELS = {
    Standing.WITHIN: _("Trong hạn"),
    Standing.OVERDUE: pgettext_lazy("dossier in progress", "Quá hạn"),
}

"""Dossier statuses, actions and the one transition table.

Internal statuses are a little richer than the national list; every one maps to a national
status code 1–10 (DOMAIN.md §2.9, the DVCQG `TrangThaiHoSo` list). The table below is the only
place that says which action may move a dossier from which status to which, and with which
permission (motcua.accounts.access) — `services.transition.dossier_transition` enforces it.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.accounts.access import Permission
from motcua.catalog.choices import Channel  # national channel codes 1/2/3, one definition


class Status(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ tiếp nhận")
    COMPLETION_REQUESTED = "completion_requested", _("Yêu cầu hoàn thiện hồ sơ (chưa tiếp nhận)")
    RECEIVED = "received", _("Đã tiếp nhận")
    REFUSED = "refused", _("Từ chối tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    AWAITING_APPROVAL = "awaiting_approval", _("Chờ lãnh đạo phê duyệt")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Yêu cầu bổ sung hồ sơ")
    OBLIGATION_REQUESTED = "obligation_requested", _("Chờ thực hiện nghĩa vụ tài chính")
    WITHDRAWAL_REQUESTED = "withdrawal_requested", _("Công dân yêu cầu rút hồ sơ")
    STOPPED = "stopped", _("Dừng xử lý")
    RESULT_READY = "result_ready", _("Đã có kết quả")
    RETURNED = "returned", _("Đã trả kết quả")


# DOMAIN.md §2.9. A dossier asked to complete before acceptance is not received (no clock
# runs, DOMAIN.md §2.5), so the national portal still sees it as newly registered (1).
NATIONAL_CODE: dict[str, int | None] = {
    Status.DRAFT: None,
    Status.SUBMITTED: 1,
    Status.COMPLETION_REQUESTED: 1,
    Status.RECEIVED: 2,
    Status.REFUSED: 3,
    Status.PROCESSING: 4,
    Status.AWAITING_APPROVAL: 4,
    Status.SUPPLEMENT_REQUESTED: 5,
    Status.OBLIGATION_REQUESTED: 6,
    Status.WITHDRAWAL_REQUESTED: 7,
    Status.STOPPED: 8,
    Status.RESULT_READY: 9,
    Status.RETURNED: 10,
}

# The processing clock stops in these (DESIGN.md "Pause"; DOMAIN.md §2.5).
PAUSED = frozenset({Status.SUPPLEMENT_REQUESTED, Status.OBLIGATION_REQUESTED})
# Finished for statistics: a result (including a refusal letter), a refusal at the desk, a stop.
FINISHED = frozenset({Status.RESULT_READY, Status.RETURNED, Status.STOPPED, Status.REFUSED})
# Received and not finished: the clock is (or was, when paused) running.
OPEN = frozenset(
    {
        Status.RECEIVED,
        Status.PROCESSING,
        Status.AWAITING_APPROVAL,
        Status.SUPPLEMENT_REQUESTED,
        Status.OBLIGATION_REQUESTED,
        Status.WITHDRAWAL_REQUESTED,
    }
)


class Action(models.TextChoices):
    CREATE_DRAFT = "create_draft", _("Tạo bản nháp")
    SUBMIT = "submit", _("Nộp hồ sơ trực tuyến")
    ACCEPT = "accept", _("Tiếp nhận hồ sơ trực tuyến")
    REQUEST_COMPLETION = "request_completion", _("Yêu cầu hoàn thiện hồ sơ (Mẫu 02)")
    RESUBMIT = "resubmit", _("Nộp lại hồ sơ đã hoàn thiện")
    REFUSE = "refuse", _("Từ chối tiếp nhận (Mẫu 03)")
    RECEIVE = "receive", _("Tiếp nhận trực tiếp")
    RECEIVE_POSTAL = "receive_postal", _("Tiếp nhận qua bưu chính")
    CANCEL = "cancel", _("Hủy hồ sơ chưa tiếp nhận")
    FORWARD = "forward", _("Chuyển xử lý")
    ASSIGN = "assign", _("Phân công xử lý")
    HAND_OVER = "hand_over", _("Chuyển bước tiếp theo")
    SEND_TO_AGENCY = "send_to_agency", _("Chuyển cơ quan phối hợp (liên thông)")
    AGENCY_RETURN = "agency_return", _("Cơ quan phối hợp trả kết quả liên thông")
    REQUEST_SUPPLEMENT = "request_supplement", _("Yêu cầu bổ sung hồ sơ")
    SUPPLEMENT = "supplement", _("Bổ sung hồ sơ")
    REQUEST_OBLIGATION = "request_obligation", _("Yêu cầu thực hiện nghĩa vụ tài chính")
    FULFIL_OBLIGATION = "fulfil_obligation", _("Đã thực hiện nghĩa vụ tài chính")
    PROPOSE_RESULT = "propose_result", _("Trình kết quả")
    APPROVE = "approve", _("Phê duyệt kết quả")
    SEND_BACK = "send_back", _("Trả lại để xử lý lại")
    REQUEST_WITHDRAWAL = "request_withdrawal", _("Yêu cầu rút hồ sơ")
    ACCEPT_WITHDRAWAL = "accept_withdrawal", _("Chấp thuận rút hồ sơ")
    STOP = "stop", _("Dừng xử lý")
    RESCHEDULE = "reschedule", _("Xin lỗi và hẹn lại ngày trả (Mẫu 04)")
    RETURN_RESULT = "return_result", _("Trả kết quả")


class Actor(models.TextChoices):
    """Who performs an action: the applicant or an officer holding a permission."""

    APPLICANT = "applicant", _("Người nộp hồ sơ")
    STAFF = "staff", _("Cán bộ")


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the transition table."""

    to: Status | None  # None: the status does not change (e.g. assign, reschedule)
    actor: Actor
    permission: Permission | None = None  # for staff actions
    # True: only the current handler of the step (or a leader of the unit) may act.
    assigned_only: bool = False


S, A, P = Status, Action, Permission
_APPLICANT = Actor.APPLICANT
_STAFF = Actor.STAFF
_WORKING = (S.PROCESSING,)
_WITHDRAWABLE = (
    S.RECEIVED, S.PROCESSING, S.AWAITING_APPROVAL, S.SUPPLEMENT_REQUESTED,
    S.OBLIGATION_REQUESTED,
)
_RESCHEDULABLE = (
    S.RECEIVED, S.PROCESSING, S.AWAITING_APPROVAL, S.SUPPLEMENT_REQUESTED,
    S.OBLIGATION_REQUESTED,
)

# (from status, action) → rule. `None` as from-status: the action creates the dossier.
TRANSITIONS: dict[tuple[Status | None, Action], Rule] = {
    (None, A.CREATE_DRAFT): Rule(S.DRAFT, _APPLICANT),
    (None, A.RECEIVE): Rule(S.RECEIVED, _STAFF, P.DOSSIER_RECEIVE),
    (None, A.RECEIVE_POSTAL): Rule(S.RECEIVED, _STAFF, P.DOSSIER_RECEIVE),
    # Refused at the counter: recorded with a Mẫu 03 so the refusal can be looked up.
    (None, A.REFUSE): Rule(S.REFUSED, _STAFF, P.DOSSIER_RECEIVE),
    (S.DRAFT, A.SUBMIT): Rule(S.SUBMITTED, _APPLICANT),
    (S.DRAFT, A.CANCEL): Rule(S.STOPPED, _APPLICANT),
    (S.SUBMITTED, A.ACCEPT): Rule(S.RECEIVED, _STAFF, P.DOSSIER_ACCEPT_ONLINE),
    (S.SUBMITTED, A.REQUEST_COMPLETION): Rule(
        S.COMPLETION_REQUESTED, _STAFF, P.DOSSIER_ACCEPT_ONLINE
    ),
    (S.SUBMITTED, A.REFUSE): Rule(S.REFUSED, _STAFF, P.DOSSIER_ACCEPT_ONLINE),
    (S.SUBMITTED, A.CANCEL): Rule(S.STOPPED, _APPLICANT),
    (S.COMPLETION_REQUESTED, A.RESUBMIT): Rule(S.SUBMITTED, _APPLICANT),
    (S.COMPLETION_REQUESTED, A.CANCEL): Rule(S.STOPPED, _APPLICANT),
    (S.RECEIVED, A.FORWARD): Rule(S.PROCESSING, _STAFF, P.DOSSIER_RECEIVE),
    **{(s, A.ASSIGN): Rule(None, _STAFF, P.DOSSIER_ASSIGN) for s in (S.PROCESSING,)},
    **{(s, A.HAND_OVER): Rule(None, _STAFF, P.DOSSIER_PROCESS, True) for s in _WORKING},
    **{(s, A.SEND_TO_AGENCY): Rule(None, _STAFF, P.DOSSIER_PROCESS, True) for s in _WORKING},
    # A leader step before a liên thông step (the commune leader signs the proposal, then the
    # department decides: LT-01, LT-02, NCC-* in the catalog): the leader sends it on.
    (S.AWAITING_APPROVAL, A.SEND_TO_AGENCY): Rule(S.PROCESSING, _STAFF, P.DOSSIER_APPROVE),
    (S.PROCESSING, A.AGENCY_RETURN): Rule(None, _STAFF, P.DOSSIER_PROCESS, True),
    (S.PROCESSING, A.REQUEST_SUPPLEMENT): Rule(
        S.SUPPLEMENT_REQUESTED, _STAFF, P.DOSSIER_PROCESS, True
    ),
    (S.SUPPLEMENT_REQUESTED, A.SUPPLEMENT): Rule(S.PROCESSING, _APPLICANT),
    (S.PROCESSING, A.REQUEST_OBLIGATION): Rule(
        S.OBLIGATION_REQUESTED, _STAFF, P.DOSSIER_PROCESS, True
    ),
    (S.OBLIGATION_REQUESTED, A.FULFIL_OBLIGATION): Rule(S.PROCESSING, _APPLICANT),
    (S.PROCESSING, A.PROPOSE_RESULT): Rule(S.AWAITING_APPROVAL, _STAFF, P.DOSSIER_PROCESS, True),
    (S.AWAITING_APPROVAL, A.APPROVE): Rule(S.RESULT_READY, _STAFF, P.DOSSIER_APPROVE),
    (S.AWAITING_APPROVAL, A.SEND_BACK): Rule(S.PROCESSING, _STAFF, P.DOSSIER_APPROVE),
    **{(s, A.REQUEST_WITHDRAWAL): Rule(S.WITHDRAWAL_REQUESTED, _APPLICANT) for s in _WITHDRAWABLE},
    (S.WITHDRAWAL_REQUESTED, A.ACCEPT_WITHDRAWAL): Rule(S.STOPPED, _STAFF, P.DOSSIER_STOP),
    **{(s, A.STOP): Rule(S.STOPPED, _STAFF, P.DOSSIER_STOP) for s in (*_WITHDRAWABLE,
                                                                      S.WITHDRAWAL_REQUESTED)},
    **{(s, A.RESCHEDULE): Rule(None, _STAFF, P.DOSSIER_RESCHEDULE) for s in _RESCHEDULABLE},
    (S.RESULT_READY, A.RETURN_RESULT): Rule(S.RETURNED, _STAFF, P.DOSSIER_RETURN_RESULT),
}


__all__ = ["NATIONAL_CODE", "TRANSITIONS", "Action", "Actor", "Channel", "Rule", "Status"]


def national_code(status: str) -> int | None:
    return NATIONAL_CODE[Status(status)]

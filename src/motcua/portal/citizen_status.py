"""What a citizen reads about their own dossier: the status in plain words, the badges that say
something is waiting for them, and the actions open to them now.

Pure functions of the dossier's fields (and two flags the list annotates in SQL), so the list
and the detail page agree and both are tested without a browser.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import TRANSITIONS, Action, Status

S = Status

# Plain Vietnamese: what the status means for the person waiting (DOMAIN.md §2.9 codes aside).
PLAIN_STATUS = {
    S.DRAFT: _("Bản nháp, chưa nộp"),
    S.SUBMITTED: _("Đã nộp, đang chờ cán bộ tiếp nhận"),
    S.COMPLETION_REQUESTED: _("Cần hoàn thiện hồ sơ trước khi được tiếp nhận"),
    S.RECEIVED: _("Đã được tiếp nhận"),
    S.REFUSED: _("Không được tiếp nhận"),
    S.PROCESSING: _("Đang được giải quyết"),
    S.AWAITING_APPROVAL: _("Đang chờ lãnh đạo ký duyệt"),
    S.SUPPLEMENT_REQUESTED: _("Cần bổ sung giấy tờ"),
    S.OBLIGATION_REQUESTED: _("Chờ thực hiện nghĩa vụ tài chính"),
    S.WITHDRAWAL_REQUESTED: _("Đã gửi yêu cầu rút hồ sơ"),
    S.STOPPED: _("Đã dừng xử lý"),
    S.RESULT_READY: _("Đã có kết quả"),
    S.RETURNED: _("Đã trả kết quả"),
}

# No fee is owed on a dossier that never was or no longer is in the agency's hands.
NO_FEE = frozenset({S.DRAFT, S.REFUSED, S.STOPPED})
# Settled with a result: the citizen may rate it and download the electronic result.
SETTLED = frozenset({S.RESULT_READY, S.RETURNED})


@dataclass(frozen=True, slots=True)
class Badge:
    key: str  # a stable name for tests and CSS
    text: str


def plain_status(dossier: Dossier) -> str:
    return str(PLAIN_STATUS[Status(dossier.status)])


def fee_to_pay(dossier: Dossier) -> bool:
    return dossier.status not in NO_FEE and dossier.fee_due > dossier.fee_paid


def badges(dossier: Dossier, *, owes_fee: bool, rated: bool) -> list[Badge]:
    """What the citizen must do now, one badge per kind of action."""
    found = []
    if dossier.status in (S.SUPPLEMENT_REQUESTED, S.COMPLETION_REQUESTED):
        found.append(Badge("supplement", str(_("Cần bổ sung hồ sơ"))))
    if dossier.status == S.OBLIGATION_REQUESTED:
        found.append(Badge("obligation", str(_("Cần thực hiện nghĩa vụ tài chính"))))
    if owes_fee:
        found.append(Badge("fee", str(_("Cần nộp phí, lệ phí"))))
    if dossier.status in SETTLED and not rated:
        found.append(Badge("rate", str(_("Có kết quả — mời bạn đánh giá"))))
    return found


def may(dossier: Dossier, action: Action) -> bool:
    """Whether the transition table lets the owner do `action` from the dossier's status."""
    return (Status(dossier.status), action) in TRANSITIONS


@dataclass(frozen=True, slots=True)
class Actions:
    """The citizen's actions on the detail page."""

    supplement: bool  # answer a supplement request during processing (status 5)
    complete: bool  # answer the desk's request to complete before acceptance (Mẫu 02)
    withdraw: bool
    cancel: bool
    pay: bool
    rate: bool
    download_result: bool


def actions_for(dossier: Dossier, *, rated: bool) -> Actions:
    status = Status(dossier.status)
    return Actions(
        supplement=status == S.SUPPLEMENT_REQUESTED,
        complete=status == S.COMPLETION_REQUESTED,
        withdraw=may(dossier, Action.REQUEST_WITHDRAWAL),
        # A draft is cancelled where it is edited (the submission pages); here only a dossier
        # already submitted and not yet accepted.
        cancel=status != S.DRAFT and may(dossier, Action.CANCEL),
        pay=fee_to_pay(dossier),
        rate=status in SETTLED and not rated,
        # Decree 45/2020 (DOMAIN.md §1.5): an electronic result has the legal value of the paper
        # one and belongs in the citizen's electronic document store — so the owner gets it as
        # soon as it is signed, whatever way the paper original travels.
        download_result=status in SETTLED,
    )

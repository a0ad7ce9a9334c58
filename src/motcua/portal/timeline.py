"""The dossier's history told to its owner in plain Vietnamese, built from the append-only
events (motcua.dossiers.models.DossierEvent) and nothing else, so it never disagrees with the
record the officers and the reports read.

Internal hand-overs are told without the names of officers (the citizen deals with the agency,
not a person); the reasons the citizen must act on (a supplement request, a refusal, a stop,
an apology) are shown as written.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.core.templatetags.motcua import vnd, vndate, vndatetime
from motcua.dossiers.models import Delivery, Dossier, DossierEvent
from motcua.dossiers.statuses import Action, Status

A = Action


@dataclass(frozen=True, slots=True)
class Entry:
    at: datetime
    text: str
    detail: str = ""
    attention: bool = False  # the citizen had to (or has to) act


def _instant(value) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value)


def _unit_name(event: DossierEvent) -> str:
    return event.unit.name if event.unit_id else ""


def _to_unit(event: DossierEvent) -> str:
    return (event.data.get("to") or {}).get("unit_name") or _unit_name(event)


def _started_step(event: DossierEvent) -> str:
    return (event.data.get("started_step") or {}).get("name", "")


def _items(event: DossierEvent) -> str:
    return "; ".join(event.data.get("items") or ())


def _received(event: DossierEvent) -> Entry:
    data = event.data
    unit = (data.get("receiving_unit") or {}).get("name") or _unit_name(event)
    text = _("{unit} đã tiếp nhận hồ sơ lúc {at}.").format(unit=unit, at=vndatetime(event.at))
    appointment = _instant(data.get("appointment_at"))
    detail = (_("Ngày hẹn trả kết quả: {date}.").format(date=vndatetime(appointment))
              if appointment else _("Thủ tục này không có thời hạn giải quyết cố định."))
    return Entry(event.at, text, str(detail))


def _supplement_requested(event: DossierEvent) -> Entry:
    text = _("{unit} yêu cầu bổ sung hồ sơ. Thời hạn giải quyết tạm dừng từ {at}.").format(
        unit=_unit_name(event), at=vndatetime(event.at))
    detail = _("Lý do: {reason}. Cần bổ sung: {items}.").format(
        reason=event.data.get("reason", ""), items=_items(event))
    return Entry(event.at, text, detail, attention=True)


def _resumed(event: DossierEvent, text) -> Entry:
    after = _instant(event.data.get("appointment_after"))
    detail = (_("Thời hạn giải quyết tiếp tục; ngày hẹn trả kết quả mới: {date}.").format(
        date=vndatetime(after)) if after else _("Thời hạn giải quyết tiếp tục."))
    return Entry(event.at, str(text), str(detail))


def _supplemented(event: DossierEvent) -> Entry:
    text = (_("Bạn đã bổ sung hồ sơ.") if event.actor_role == "applicant"
            else _("Hồ sơ bổ sung của bạn đã được nộp tại Bộ phận Một cửa."))
    return _resumed(event, text)


def _obligation(event: DossierEvent) -> Entry:
    text = _("Cần thực hiện nghĩa vụ tài chính {amount}. Thời hạn giải quyết tạm dừng từ {at}."
             ).format(amount=vnd(event.data.get("amount")), at=vndatetime(event.at))
    detail = _("Nội dung: {reason}.").format(reason=event.data.get("reason", ""))
    return Entry(event.at, text, detail, attention=True)


def _rescheduled(event: DossierEvent) -> Entry:
    new = _instant(event.data.get("new_appointment_at"))
    old = _instant(event.data.get("old_appointment_at"))
    text = _("{unit} xin lỗi vì chưa trả kết quả đúng hẹn và hẹn lại ngày trả kết quả: {new}."
             ).format(unit=_unit_name(event), new=vndatetime(new))
    detail = _("Ngày hẹn trước đó: {old}. Lý do: {reason}.").format(
        old=vndatetime(old) or "—", reason=event.data.get("reason", ""))
    return Entry(event.at, text, detail)


def _approved(event: DossierEvent) -> Entry:
    text = (_("Đã có văn bản trả lời (từ chối giải quyết) ngày {date}.")
            if event.data.get("refusal") else _("Hồ sơ đã có kết quả giải quyết ngày {date}."))
    return Entry(event.at, str(text).format(date=vndate(event.at)))


def _returned(event: DossierEvent) -> Entry:
    delivery = event.data.get("delivery") or {}
    method = delivery.get("method")
    if method == Delivery.POST:
        text = _("Kết quả đã được gửi cho bạn qua bưu chính lúc {at}.")
        waybill = delivery.get("waybill")
        detail = _("Mã vận đơn: {waybill}.").format(waybill=waybill) if waybill else ""
    elif method == Delivery.ELECTRONIC:
        text, detail = _("Kết quả điện tử đã được trả cho bạn lúc {at}."), ""
    else:
        text, detail = _("Kết quả đã được trả tại Bộ phận Một cửa lúc {at}."), ""
    return Entry(event.at, str(text).format(at=vndatetime(event.at)), str(detail))


def _with_reason(text) -> callable:
    def build(event: DossierEvent) -> Entry:
        reason = event.data.get("reason") or event.note
        detail = _("Lý do: {reason}.").format(reason=reason) if reason else ""
        return Entry(event.at, str(text).format(at=vndatetime(event.at)), str(detail))
    return build


def _simple(text) -> callable:
    def build(event: DossierEvent) -> Entry:
        return Entry(event.at, str(text).format(
            at=vndatetime(event.at), unit=_to_unit(event), step=_started_step(event),
            agency=event.data.get("agency") or _to_unit(event), from_unit=_unit_name(event)))
    return build


def _completion(event: DossierEvent) -> Entry:
    text = _("Bộ phận Một cửa đề nghị bạn hoàn thiện hồ sơ trước khi tiếp nhận (Mẫu 02).")
    detail = _("Lý do: {reason}. Cần hoàn thiện: {items}.").format(
        reason=event.data.get("reason", ""), items=_items(event))
    return Entry(event.at, str(text), detail, attention=True)


def _submitted(event: DossierEvent) -> Entry:
    text = _("Bạn đã nộp hồ sơ trực tuyến lúc {at}.").format(at=vndatetime(event.at))
    due = _instant(event.data.get("acceptance_due_at"))
    detail = (_("Bộ phận Một cửa sẽ xem xét tiếp nhận trước {date}.").format(
        date=vndatetime(due)) if due else "")
    return Entry(event.at, text, str(detail))


BUILDERS = {
    A.SUBMIT: _submitted,
    A.REQUEST_COMPLETION: _completion,
    A.RESUBMIT: _simple(_("Bạn đã nộp lại hồ sơ đã hoàn thiện lúc {at}.")),
    A.ACCEPT: _received,
    A.RECEIVE: _received,
    A.RECEIVE_POSTAL: _received,
    A.REFUSE: _with_reason(_("Hồ sơ không được tiếp nhận (Mẫu 03), lúc {at}.")),
    A.CANCEL: _simple(_("Bạn đã hủy hồ sơ lúc {at}.")),
    A.FORWARD: _simple(_("Hồ sơ được chuyển đến {unit} để giải quyết.")),
    A.HAND_OVER: _simple(_("Hồ sơ chuyển sang bước “{step}”.")),
    A.SEND_TO_AGENCY: _simple(_("Hồ sơ được chuyển đến {agency} để phối hợp giải quyết.")),
    A.AGENCY_RETURN: _simple(_("{from_unit} đã hoàn thành phần việc phối hợp.")),
    A.REQUEST_SUPPLEMENT: _supplement_requested,
    A.SUPPLEMENT: _supplemented,
    A.REQUEST_OBLIGATION: _obligation,
    A.FULFIL_OBLIGATION: lambda e: _resumed(e, _("Nghĩa vụ tài chính đã được thực hiện.")),
    A.PROPOSE_RESULT: _simple(_("Hồ sơ đã được trình lãnh đạo ký duyệt.")),
    A.SEND_BACK: _simple(_("Hồ sơ được chuyển lại để xem xét thêm.")),
    A.APPROVE: _approved,
    A.REQUEST_WITHDRAWAL: _with_reason(_("Yêu cầu rút hồ sơ đã được gửi lúc {at}.")),
    A.ACCEPT_WITHDRAWAL: _simple(_("Yêu cầu rút hồ sơ đã được chấp thuận; hồ sơ dừng xử lý.")),
    A.STOP: _with_reason(_("Hồ sơ bị dừng xử lý lúc {at}.")),
    A.RESCHEDULE: _rescheduled,
    A.RETURN_RESULT: _returned,
    # Drafts and assignments are not news to the citizen.
}


def timeline_build(events: list[DossierEvent]) -> list[Entry]:
    """The entries, oldest first."""
    return [BUILDERS[event.action](event) for event in events if event.action in BUILDERS]


# --- Where the dossier stands now ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Standing:
    """The sentence at the top of the page, and the appointment the citizen should expect."""

    text: str
    appointment_at: datetime | None
    first_appointment_at: datetime | None  # before an apology moved it (Mẫu 04)
    paused_since: datetime | None


def standing(dossier: Dossier, events: list[DossierEvent]) -> Standing:
    status = Status(dossier.status)
    first = _first_appointment(events) if dossier.reschedules else None
    unit = dossier.current_unit.name if dossier.current_unit_id else ""
    step = dossier.current_step.name if dossier.current_step_id else ""
    texts = {
        Status.SUBMITTED: _("Hồ sơ đang chờ {unit} tiếp nhận."),
        Status.COMPLETION_REQUESTED: _("Hồ sơ chưa được tiếp nhận: bạn cần hoàn thiện hồ sơ "
                                       "theo yêu cầu rồi nộp lại."),
        Status.RECEIVED: _("Hồ sơ đã được tiếp nhận và đang ở {unit}."),
        Status.PROCESSING: _("Hồ sơ đang được giải quyết tại {unit}, bước “{step}”."),
        Status.AWAITING_APPROVAL: _("Hồ sơ đang chờ lãnh đạo {unit} ký duyệt."),
        Status.SUPPLEMENT_REQUESTED: _("Thời hạn giải quyết đang tạm dừng từ {paused}, chờ bạn "
                                       "bổ sung hồ sơ."),
        Status.OBLIGATION_REQUESTED: _("Thời hạn giải quyết đang tạm dừng từ {paused}, chờ bạn "
                                       "thực hiện nghĩa vụ tài chính."),
        Status.WITHDRAWAL_REQUESTED: _("Yêu cầu rút hồ sơ của bạn đang chờ cơ quan giải quyết "
                                       "xem xét."),
        Status.RESULT_READY: _("Hồ sơ đã có kết quả."),
        Status.RETURNED: _("Kết quả đã được trả cho bạn."),
        Status.REFUSED: _("Hồ sơ không được tiếp nhận."),
        Status.STOPPED: _("Hồ sơ đã dừng xử lý."),
        Status.DRAFT: _("Hồ sơ chưa được nộp."),
    }
    text = str(texts[status]).format(unit=unit, step=step,
                                     paused=vndatetime(dossier.paused_at))
    return Standing(text=text, appointment_at=dossier.appointment_at,
                    first_appointment_at=first, paused_since=dossier.paused_at)


def _first_appointment(events: list[DossierEvent]) -> datetime | None:
    for event in events:
        if event.action == A.RESCHEDULE:
            return _instant(event.data.get("old_appointment_at"))
    return None


def postal_waybills(dossier: Dossier, events: list[DossierEvent],
                    tracked: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(what, waybill): the dossier sent by post, the result sent back by post; without the
    codes of `tracked` postal orders, which the page's tracking box already shows."""
    found = []
    if dossier.postal_waybill:
        found.append((str(_("Hồ sơ gửi qua bưu chính")), dossier.postal_waybill))
    for event in events:
        waybill = (event.data.get("delivery") or {}).get("waybill") if (
            event.action == A.RETURN_RESULT) else None
        if waybill:
            found.append((str(_("Kết quả gửi qua bưu chính")), waybill))
    return [(what, code) for what, code in found if code not in tracked]


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """What the agency asked the citizen for, still unanswered."""

    kind: str  # "supplement", "completion" or "obligation"
    at: datetime
    unit: str
    reason: str
    items: list[str]
    amount: int | None = None


_ASKING = {
    Status.SUPPLEMENT_REQUESTED: (A.REQUEST_SUPPLEMENT, "supplement"),
    Status.COMPLETION_REQUESTED: (A.REQUEST_COMPLETION, "completion"),
    Status.OBLIGATION_REQUESTED: (A.REQUEST_OBLIGATION, "obligation"),
}


def open_request(events: list[DossierEvent], dossier: Dossier) -> OpenRequest | None:
    """The request the dossier's status waits on: the last event that asked it."""
    asking = _ASKING.get(Status(dossier.status))
    if asking is None:
        return None
    action, kind = asking
    event = next((e for e in reversed(events) if e.action == action), None)
    if event is None:
        return None
    return OpenRequest(kind=kind, at=event.at, unit=_unit_name(event),
                       reason=event.data.get("reason", ""),
                       items=list(event.data.get("items") or ()),
                       amount=event.data.get("amount"))

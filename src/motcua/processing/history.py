"""The dossier's history in plain Vietnamese: who did what, when, and the details that matter
(to whom it went, the reason, the items asked for, the new appointment, the result)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from motcua.core.clock import local
from motcua.core.templatetags.motcua import vnd, vndatetime
from motcua.dossiers.models import DossierEvent
from motcua.dossiers.statuses import Action, Actor, Status

ROLE_LABELS = {
    Actor.APPLICANT: _("Người nộp hồ sơ"),
    "desk_on_behalf": _("Bộ phận Một cửa (thay người nộp)"),
    "dossier.receive": _("Bộ phận Một cửa"),
    "dossier.accept_online": _("Bộ phận Một cửa"),
    "dossier.return_result": _("Bộ phận Một cửa"),
    "dossier.process": _("Chuyên viên"),
    "dossier.assign": _("Lãnh đạo"),
    "dossier.approve": _("Lãnh đạo"),
    "dossier.stop": _("Lãnh đạo"),
    "dossier.reschedule": _("Lãnh đạo"),
}


@dataclass
class Line:
    at: datetime
    who: str
    role: str
    unit: str
    what: str
    details: list[str] = field(default_factory=list)
    note: str = ""


def history(events) -> list[Line]:
    return [describe(event) for event in events]


def describe(event: DossierEvent) -> Line:
    who = str(event.actor) if event.actor_id else str(ROLE_LABELS.get(event.actor_role) or "—")
    role = str(ROLE_LABELS.get(event.actor_role, ""))
    return Line(at=event.at, who=who, role=role, unit=event.unit.name if event.unit_id else "",
                what=str(Action(event.action).label), details=_details(event), note=event.note)


def _details(event: DossierEvent) -> list[str]:
    data = event.data or {}
    lines = []
    if event.from_status and event.from_status != event.to_status:
        lines.append(_("Trạng thái: %(old)s → %(new)s") % {
            "old": Status(event.from_status).label, "new": Status(event.to_status).label})
    to = data.get("to") or {}
    if event.action in _MOVES and (to.get("handler_name") or to.get("unit_name")):
        target = to.get("handler_name") or str(_("chưa chỉ định người xử lý"))
        lines.append(_("Chuyển đến: %(who)s (%(unit)s)") % {"who": target,
                                                            "unit": to.get("unit_name", "")})
    if data.get("agency"):
        lines.append(_("Cơ quan phối hợp: %(unit)s") % {"unit": data["agency"]})
    if data.get("reason"):
        lines.append(_("Lý do: %(reason)s") % {"reason": data["reason"]})
    if data.get("items"):
        lines.append(_("Nội dung cần bổ sung: %(items)s") % {"items": "; ".join(data["items"])})
    if data.get("amount"):
        lines.append(_("Số tiền: %(amount)s") % {"amount": vnd(data["amount"])})
    if data.get("new_appointment_at"):
        lines.append(_("Ngày hẹn mới: %(when)s") % {"when": _when(data["new_appointment_at"])})
    for result in data.get("results") or ():
        lines.append(_("Kết quả: %(name)s %(number)s") % {"name": result.get("name", ""),
                                                          "number": result.get("number", "")})
    finished = data.get("finished_step") or {}
    if finished.get("name"):
        lines.append(_("Hoàn thành bước: %(step)s") % {"step": finished["name"]})
    return [str(line).strip() for line in lines]


def _when(text: str) -> str:
    return vndatetime(local(datetime.fromisoformat(text)))


_MOVES = frozenset({
    Action.FORWARD, Action.ASSIGN, Action.HAND_OVER, Action.SEND_TO_AGENCY, Action.AGENCY_RETURN,
    Action.PROPOSE_RESULT, Action.SEND_BACK, Action.APPROVE,
})

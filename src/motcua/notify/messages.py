"""The wording of each message, in Vietnamese (the applicant's documents are Vietnamese).
SMS and Zalo texts are short and without diacritics: a Unicode SMS holds 70 characters, not
160, and operators bill per part."""

import unicodedata

from django.utils.translation import gettext as _

from motcua.core.templatetags.motcua import vndatetime
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import Status


def plain(text: str) -> str:
    """Vietnamese without diacritics ("Đã tiếp nhận" → "Da tiep nhan")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _appointment(dossier: Dossier) -> str | None:
    if dossier.appointment_at and dossier.status not in (Status.REFUSED, Status.STOPPED):
        return vndatetime(dossier.appointment_at)
    return None


def dossier_message(*, dossier: Dossier, event: DossierEvent | None) -> tuple[str, str, str]:
    """(subject, e-mail body, short text) telling the applicant what `event` did. The status
    is the event's own: a worker may send the message after later changes."""
    status = str(Status(event.to_status if event is not None else dossier.status).label)
    subject = _("Hồ sơ %(code)s: %(status)s") % {"code": dossier.code, "status": status}
    lines = [
        _("Kính gửi Ông/Bà %(name)s,") % {"name": dossier.applicant_name},
        "",
        _("Hồ sơ %(code)s (%(procedure)s) hiện ở trạng thái: %(status)s.")
        % {"code": dossier.code, "procedure": dossier.procedure_version.name, "status": status},
    ]
    if event is not None and event.note:
        lines.append(_("Nội dung: %(note)s") % {"note": event.note})
    appointment = _appointment(dossier)
    if appointment:
        lines.append(_("Ngày hẹn trả kết quả: %(when)s") % {"when": appointment})
    lines += ["", _("Tra cứu tiến độ hồ sơ bằng mã hồ sơ trên Cổng dịch vụ công."), "Motcua"]
    text = _("Ho so %(code)s: %(status)s.") % {"code": dossier.code, "status": plain(status)}
    if appointment:
        text += " " + _("Hen tra %(when)s.") % {"when": appointment}
    return str(subject), "\n".join(str(line) for line in lines), text


def staff_alert_message(*, dossier: Dossier, kind: str, due) -> tuple[str, str, str]:
    """(subject, body, short text) warning an officer about a deadline."""
    when = vndatetime(due)
    if kind == "acceptance":
        subject = _("Hồ sơ %(code)s sắp hết hạn tiếp nhận") % {"code": dossier.code}
        body = _("Hồ sơ trực tuyến %(code)s (%(procedure)s) phải được tiếp nhận hoặc từ chối "
                 "trước %(when)s.")
    else:
        subject = _("Hồ sơ %(code)s sắp đến hạn giải quyết") % {"code": dossier.code}
        body = _("Hồ sơ %(code)s (%(procedure)s) đến hạn giải quyết lúc %(when)s.")
    body = body % {"code": dossier.code, "procedure": dossier.procedure_version.name,
                   "when": when}
    return str(subject), f"{body}\n\nMotcua", plain(str(body))

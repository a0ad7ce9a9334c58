"""Tell the applicant by e-mail what happened to their dossier, after the change is committed.

Decree 61/2018 (now Decree 118/2025) asks the desk to inform applicants of acceptance,
requests to supplement, refusals, apologies with a new appointment and results ready
(DOMAIN.md §1.2, §2.7). Messages go out only after commit (STYLE.md habit 7) and re-read the
dossier, so a rolled-back action never mails anyone. Issue #7 moves this behind the
transactional outbox with retries and SMS/Zalo channels; until then a failed send is logged
and the dossier change stands.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from motcua.core.templatetags.motcua import vndatetime
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.statuses import Action, Status

logger = logging.getLogger(__name__)

# The actions an applicant hears about; the rest are internal hand-overs.
APPLICANT_ACTIONS = frozenset(
    {
        Action.SUBMIT, Action.ACCEPT, Action.RECEIVE, Action.RECEIVE_POSTAL,
        Action.REQUEST_COMPLETION, Action.REFUSE, Action.REQUEST_SUPPLEMENT,
        Action.REQUEST_OBLIGATION, Action.RESCHEDULE, Action.APPROVE, Action.RETURN_RESULT,
        Action.STOP, Action.ACCEPT_WITHDRAWAL,
    }
)


def dossier_notify_applicant(*, dossier_id: int, action: Action) -> bool:
    """Mail the applicant about `action`; returns whether a message was sent."""
    if action not in APPLICANT_ACTIONS:
        return False
    dossier = Dossier.objects.select_related("procedure_version").get(pk=dossier_id)
    if not dossier.applicant_email:
        return False
    event = DossierEvent.objects.filter(dossier=dossier, action=action).last()
    with translation.override("vi"):  # the applicant's documents are Vietnamese
        subject, body = _message(dossier=dossier, event=event)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [dossier.applicant_email])
    except Exception:  # the change is committed; a lost e-mail must not undo it
        logger.exception("could not e-mail the applicant of dossier %s", dossier.code)
        return False
    return True


def _message(*, dossier: Dossier, event: DossierEvent | None) -> tuple[str, str]:
    status = Status(dossier.status).label
    subject = _("Hồ sơ %(code)s: %(status)s") % {"code": dossier.code, "status": status}
    lines = [
        _("Kính gửi Ông/Bà %(name)s,") % {"name": dossier.applicant_name},
        "",
        _("Hồ sơ %(code)s (%(procedure)s) hiện ở trạng thái: %(status)s.")
        % {"code": dossier.code, "procedure": dossier.procedure_version.name, "status": status},
    ]
    if event is not None and event.note:
        lines.append(_("Nội dung: %(note)s") % {"note": event.note})
    if dossier.appointment_at and dossier.status not in (Status.REFUSED, Status.STOPPED):
        lines.append(_("Ngày hẹn trả kết quả: %(when)s")
                     % {"when": vndatetime(dossier.appointment_at)})
    lines += ["", _("Tra cứu tiến độ hồ sơ bằng mã hồ sơ trên Cổng dịch vụ công."), "Motcua"]
    return str(subject), "\n".join(str(line) for line in lines)

"""Errors of the dossier engine: a stable code for the API and a Vietnamese message for pages.

A transition that raises writes nothing: the service runs in one transaction.
"""

from django.utils.translation import gettext_lazy as _


class DossierError(Exception):
    code = "dossier_error"
    message = _("Không thể thực hiện thao tác trên hồ sơ.")
    status = 400

    def __init__(self, message=None, *, field: str | None = None, **params):
        self.field = field
        self.params = params
        text = str(message if message is not None else self.message)
        self.text = text.format(**params) if params else text
        super().__init__(self.text)


class ActionNotAllowed(DossierError):
    code = "action_not_allowed"
    message = _("Hồ sơ đang ở trạng thái “{status}”, không thể thực hiện “{action}”.")
    status = 409


class StaleDossier(DossierError):
    """Another officer changed the dossier after the page was loaded."""

    code = "dossier_changed"
    message = _(
        "Hồ sơ đã được người khác xử lý trong lúc bạn thao tác (hiện ở trạng thái “{status}”). "
        "Vui lòng tải lại trang; thao tác của bạn chưa được ghi."
    )
    status = 409


class ActionForbidden(DossierError):
    code = "forbidden"
    message = _("Bạn không có quyền thực hiện thao tác này trên hồ sơ.")
    status = 403


class NotAssigned(DossierError):
    code = "not_assigned"
    message = _("Hồ sơ đang được phân công cho người khác xử lý.")
    status = 403


class InvalidInput(DossierError):
    code = "invalid_input"
    message = _("Dữ liệu không hợp lệ.")
    status = 422


class ReasonRequired(InvalidInput):
    code = "reason_required"
    message = _("Vui lòng nêu rõ lý do.")


class StepUnavailable(DossierError):
    """The dossier's internal process has no step for this action from where it stands (e.g. a
    hand-over after the last processing step: the specialist proposes the result instead)."""

    code = "step_unavailable"
    message = _("Quy trình nội bộ của hồ sơ không có bước phù hợp cho thao tác này.")
    status = 409

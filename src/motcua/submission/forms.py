"""The wizard's forms. Each re-displays what was typed with a Vietnamese message per field;
the services check again (and their `InvalidInput` lands on the field it names, see
`add_service_error`)."""

import uuid

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import DescribedFieldsMixin
from motcua.dossiers.models import Delivery
from motcua.dossiers.services.intake_common import ADDRESS_REQUIRED

CCCD_INVALID = _("Số CCCD gồm đúng 12 chữ số.")
PHONE_INVALID = _("Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0.")
EMAIL_INVALID = _("Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@example.vn.")
AUTHORISATION_REQUIRED = _("Khi nộp thay, vui lòng tải lên văn bản ủy quyền (PDF, JPEG hoặc PNG).")

_cccd = RegexValidator(r"^\d{12}$", CCCD_INVALID)
_phone = RegexValidator(r"^0\d{9,10}$", PHONE_INVALID)


def _required(message):
    return {"required": message}


class AccessibleForm(DescribedFieldsMixin, forms.Form):
    """Hint and error ids `<name>-hint`, `<name>-error` (motcua.core.forms)."""


class VersionForm(AccessibleForm):
    """The draft's version when the page was drawn: a page older than the draft is stale."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class StartForm(AccessibleForm):
    receiving_unit = forms.TypedChoiceField(
        label=_("Nơi nộp hồ sơ (đơn vị tiếp nhận)"), coerce=int,
        help_text=_("Bộ phận Một cửa của đơn vị này tiếp nhận và trả lời hồ sơ của bạn."),
        error_messages={"required": _("Vui lòng chọn đơn vị tiếp nhận hồ sơ."),
                        "invalid_choice": _("Đơn vị này không tiếp nhận thủ tục đã chọn.")},
    )
    case = forms.ChoiceField(
        label=_("Trường hợp"), required=False,
        error_messages={"invalid_choice": _("Vui lòng chọn một trường hợp trong danh sách.")},
    )
    # A double click, or the back button and "Bắt đầu" again, makes one draft, not two.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args, units, cases=(), **kwargs):
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        self.fields["receiving_unit"].choices = [("", _("— Chọn đơn vị —"))] + [
            (unit.pk, unit.name) for unit in units]
        if cases:
            self.fields["case"].required = True
            self.fields["case"].error_messages["required"] = _("Vui lòng chọn trường hợp.")
            self.fields["case"].choices = [("", _("— Chọn trường hợp —"))] + [
                (case, case) for case in cases]
        else:
            del self.fields["case"]


class ApplicantForm(VersionForm):
    SELF, OTHER = "self", "other"
    who = forms.ChoiceField(
        label=_("Ai là người yêu cầu (chủ hồ sơ)?"), widget=forms.RadioSelect,
        choices=[(SELF, _("Tôi nộp cho chính mình")),
                 (OTHER, _("Tôi nộp thay cho người khác (có văn bản ủy quyền)"))],
        error_messages=_required(_("Vui lòng chọn người yêu cầu.")),
    )
    name = forms.CharField(label=_("Họ và tên chủ hồ sơ"), max_length=255,
                           error_messages=_required(_("Vui lòng nhập họ và tên chủ hồ sơ.")),
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    id_number = forms.CharField(
        label=_("Số CCCD của chủ hồ sơ"), max_length=12, validators=[_cccd],
        help_text=_("12 chữ số trên thẻ căn cước công dân."),
        error_messages=_required(_("Vui lòng nhập số CCCD (12 chữ số).")),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    phone = forms.CharField(
        label=_("Số điện thoại"), max_length=11, required=False, validators=[_phone],
        help_text=_("Dùng để tra cứu hồ sơ (4 số cuối) và nhận thông báo."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(
        label=_("Thư điện tử"), required=False, error_messages={"invalid": EMAIL_INVALID},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address = forms.CharField(
        label=_("Địa chỉ thường trú / nơi ở"), max_length=500,
        error_messages=_required(_("Vui lòng nhập địa chỉ của chủ hồ sơ.")),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    submitter_name = forms.CharField(label=_("Họ và tên người nộp thay"), max_length=255,
                                     required=False)
    submitter_id_number = forms.CharField(
        label=_("Số CCCD người nộp thay"), max_length=12, required=False, validators=[_cccd],
        widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    submitter_phone = forms.CharField(
        label=_("Số điện thoại người nộp thay"), max_length=11, required=False,
        validators=[_phone], widget=forms.TextInput(attrs={"inputmode": "tel"}))
    authorisation_note = forms.CharField(
        label=_("Văn bản ủy quyền (số, ngày, nơi chứng thực)"), max_length=500, required=False)
    authorisation = forms.FileField(
        label=_("Tệp văn bản ủy quyền"), required=False,
        help_text=_("PDF, JPEG hoặc PNG. Đã tải lên rồi thì chỉ chọn tệp khi muốn thay."))

    # Required in one of the two cases only (checked in clean): not labelled "không bắt buộc".
    CONDITIONAL = ("phone", "submitter_name", "submitter_id_number", "submitter_phone",
                   "authorisation")

    def __init__(self, *args, has_authorisation: bool = False, **kwargs):
        self.has_authorisation = has_authorisation
        super().__init__(*args, **kwargs)
        for name in self.CONDITIONAL:
            self.fields[name].conditional = True

    def clean(self):
        data = super().clean()
        if data.get("who") == self.SELF:
            if not data.get("phone") and "phone" not in self.errors:
                self.add_error("phone", _("Vui lòng nhập số điện thoại để nhận thông báo."))
            return data
        if data.get("who") != self.OTHER:
            return data
        messages = {
            "submitter_name": _("Vui lòng nhập họ và tên người nộp thay."),
            "submitter_id_number": _("Vui lòng nhập số CCCD của người nộp thay."),
            "submitter_phone": _("Vui lòng nhập số điện thoại của người nộp thay."),
        }
        for name, message in messages.items():
            if not data.get(name) and name not in self.errors:
                self.add_error(name, message)
        if not self.has_authorisation and not data.get("authorisation"):
            self.add_error("authorisation", AUTHORISATION_REQUIRED)
        return data


class ContentForm(VersionForm):
    """The catalog defines no form fields for any procedure yet: the request is free text."""

    content = forms.CharField(
        label=_("Nội dung yêu cầu"), max_length=4000,
        error_messages={"required": _("Vui lòng nhập nội dung yêu cầu."),
                        "max_length": _("Nội dung yêu cầu tối đa %(limit_value)d ký tự.")},
        help_text=_("Ghi rõ bạn đề nghị cơ quan giải quyết việc gì và các thông tin cần thiết "
                    "(ví dụ: họ tên, ngày sinh, nơi sinh của trẻ cần đăng ký khai sinh)."),
        widget=forms.Textarea(attrs={"rows": 8}))
    case = forms.ChoiceField(label=_("Trường hợp"), required=False)

    def __init__(self, *args, cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        if cases:
            self.fields["case"].required = True
            self.fields["case"].error_messages["required"] = _("Vui lòng chọn trường hợp.")
            self.fields["case"].choices = [("", _("— Chọn trường hợp —"))] + [
                (case, case) for case in cases]
        else:
            del self.fields["case"]


class DeliveryForm(VersionForm):
    delivery = forms.ChoiceField(
        label=_("Cách nhận kết quả"), widget=forms.RadioSelect, choices=Delivery.choices,
        error_messages=_required(_("Vui lòng chọn cách nhận kết quả.")))
    delivery_address = forms.CharField(
        label=_("Địa chỉ nhận kết quả qua bưu chính"), max_length=500, required=False,
        help_text=_("Bắt buộc khi nhận kết quả qua bưu chính công ích."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}))

    def clean(self):
        data = super().clean()
        if data.get("delivery") == Delivery.POST and not data.get("delivery_address", "").strip():
            self.add_error("delivery_address", ADDRESS_REQUIRED)
        return data


class SubmitForm(VersionForm):
    pass


def add_service_error(form: forms.Form, error, fields: dict[str, str]) -> bool:
    """Put a service's InvalidInput on the form field it names (`applicant.id_number` →
    `id_number`); False when the field is not on this form (the caller shows it above)."""
    name = fields.get(error.field or "", error.field)
    if name in form.fields:
        form.add_error(name, error.text)  # also marks it invalid (DescribedFieldsMixin)
        return True
    return False

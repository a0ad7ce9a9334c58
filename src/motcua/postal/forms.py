"""The pick-up forms: first the procedure, then where and how to reach the citizen. Each
re-displays what was typed with a Vietnamese message per field."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import DescribedFieldsMixin

PHONE_INVALID = _("Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0.")
PROCEDURE_REQUIRED = _("Vui lòng chọn thủ tục bạn muốn gửi hồ sơ.")
PROCEDURE_NOT_POSTAL = _("Thủ tục này không nhận hồ sơ qua bưu chính. Vui lòng chọn thủ tục "
                         "trong danh sách.")
UNIT_REQUIRED = _("Vui lòng chọn đơn vị tiếp nhận hồ sơ.")
UNIT_INVALID = _("Đơn vị này không tiếp nhận thủ tục đã chọn.")
ADDRESS_REQUIRED = _("Vui lòng nhập địa chỉ bưu điện đến thu gom hồ sơ.")
PHONE_REQUIRED = _("Vui lòng nhập số điện thoại để bưu điện liên hệ.")


class AccessibleForm(DescribedFieldsMixin, forms.Form):
    """Hint and error ids `<name>-hint`, `<name>-error` (motcua.core.forms)."""


class ProcedureForm(AccessibleForm):
    thu_tuc = forms.ChoiceField(
        label=_("Thủ tục hành chính"),
        help_text=_("Chỉ các thủ tục nhận hồ sơ qua dịch vụ bưu chính công ích."),
        error_messages={"required": PROCEDURE_REQUIRED, "invalid_choice": PROCEDURE_NOT_POSTAL})

    def __init__(self, *args, procedures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thu_tuc"].choices = [("", _("— Chọn thủ tục —"))] + [
            (p.code, f"{p.name} ({p.code})") for p in procedures]


class PickupForm(AccessibleForm):
    unit = forms.TypedChoiceField(
        label=_("Nơi nhận hồ sơ (đơn vị tiếp nhận)"), coerce=int,
        help_text=_("Bưu điện chuyển hồ sơ đến Bộ phận Một cửa của đơn vị này."),
        error_messages={"required": UNIT_REQUIRED, "invalid_choice": UNIT_INVALID})
    address = forms.CharField(
        label=_("Địa chỉ thu gom"), max_length=255,
        help_text=_("Số nhà, đường hoặc thôn, ấp; xã, phường; tỉnh, thành phố."),
        error_messages={"required": ADDRESS_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    phone = forms.CharField(
        label=_("Số điện thoại"), max_length=11,
        validators=[RegexValidator(r"^0\d{9,10}$", PHONE_INVALID)],
        error_messages={"required": PHONE_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
    # One order per filled-in form, however often it is sent (a double click, a reload).
    key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    note = forms.CharField(
        label=_("Ghi chú cho bưu điện"), max_length=500, required=False,
        help_text=_("Ví dụ: thời gian thuận tiện để đến thu gom."),
        widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("— Chọn đơn vị —"))] + [
            (unit.pk, unit.name) for unit in units]

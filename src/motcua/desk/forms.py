"""The desk's forms. They check what a page can check (required, formats, numbers) with a
message per field; everything else — the procedure, the channel, the fees, who may act — is
the dossier services' to decide, and their errors come back on the field they name
(`service_error_to_form`)."""

import uuid
from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.clock import VIETNAM
from motcua.core.forms import DescribedFieldsMixin
from motcua.dossiers.errors import DossierError
from motcua.dossiers.models import ApplicantKind, Delivery
from motcua.dossiers.statuses import Channel, Status

DATE_INPUT = "%d/%m/%Y"
DATETIME_INPUTS = ("%H:%M %d/%m/%Y", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M")
REQUIRED = _("Vui lòng nhập thông tin này.")
WHOLE_NUMBER = _("Nhập số nguyên không âm.")
DATE_INVALID = _("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 26/11/2026.")
DATETIME_INVALID = _("Nhập thời điểm theo dạng HH:MM dd/mm/yyyy, ví dụ 08:30 26/11/2026.")
NO_COMPONENT = _("Đánh dấu ít nhất một thành phần hồ sơ đã nhận.")
COUNT_NEEDED = _("Ghi số bản chính hoặc bản sao đã nhận (ít nhất một bản).")
EXTRA_NAME_NEEDED = _("Ghi tên giấy tờ khác đã nhận.")
PERIOD_ORDER = _("Ngày cuối kỳ không được trước ngày đầu kỳ.")
ID_INVALID = _("Số giấy tờ gồm 6 đến 20 chữ số hoặc chữ cái.")
ITEMS_NEEDED = _("Liệt kê ít nhất một giấy tờ, nội dung cần bổ sung (mỗi dòng một mục).")

# Where a service's error field lands on the desk's forms.
_SERVICE_FIELDS = {
    "applicant.name": "name", "applicant.id_number": "id_number",
    "applicant.kind": "kind", "applicant.address": "address", "applicant.phone": "phone",
    "applicant.email": "email", "applicant.submitter_name": "submitter_name",
    "applicant.submitter_id_number": "submitter_id_number",
    "applicant.submitter_phone": "submitter_phone",
    "applicant.authorisation_note": "authorisation_note",
    "fee_paid": "fee_paid", "delivery": "delivery", "delivery_address": "delivery_address",
    "postal.waybill": "waybill", "postal.handed_over_at": "handed_over_at", "case": "case",
    "reason": "reason", "items": "items",
}


class A11yForm(DescribedFieldsMixin, forms.Form):
    """Each field names its hint (its help text) and, when it has one, its error for screen
    readers (`aria-describedby`, `aria-invalid`), as the portal's forms do; the template
    partial `desk/field.html` prints them with these ids."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = str(forms.Field.default_error_messages["required"])
        for field in self.fields.values():
            if str(field.error_messages.get("required", default)) == default:
                field.error_messages["required"] = REQUIRED

    def field_ref(self, name: str) -> str:
        return self[name].auto_id


def service_field(form: forms.Form, error: DossierError) -> str | None:
    """The form's field a service's error names, if the form has it."""
    name = _SERVICE_FIELDS.get(error.field or "")
    return name if name in form.fields else None


def service_error_to_form(form: forms.Form, error: DossierError) -> None:
    """Put a service's Vietnamese message on the field it names, else at the form's top."""
    form.add_error(service_field(form, error), error.text)


def whole_number(value: str) -> int:
    """Amounts typed the Vietnamese way: "10.000", "10 000" and "10000" are ten thousand."""
    digits = (value or "").replace(".", "").replace(" ", "").replace(",", "")
    if not digits:
        return 0
    if not digits.isdigit():
        raise forms.ValidationError(WHOLE_NUMBER)
    return int(digits)


class AmountField(forms.CharField):
    def clean(self, value):
        return whole_number(super().clean(value))


class LocalDateTimeField(forms.CharField):
    """An instant typed as HH:MM dd/mm/yyyy, in Vietnam's time."""

    def clean(self, value):
        text = (super().clean(value) or "").strip()
        if not text:
            return None
        for pattern in DATETIME_INPUTS:
            try:
                return datetime.strptime(text, pattern).replace(tzinfo=VIETNAM)
            except ValueError:
                continue
        raise forms.ValidationError(DATETIME_INVALID)


def _text(label, *, required=False, max_length=255, help_text="", **attrs):
    return forms.CharField(label=label, required=required, max_length=max_length,
                           help_text=help_text, widget=forms.TextInput(attrs=attrs),
                           error_messages={"required": REQUIRED})


class ReceiveForm(A11yForm):
    """In-person (and postal) receipt: applicant, components, fees, delivery (Mẫu 01)."""


    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)
    procedure = forms.CharField(widget=forms.HiddenInput, max_length=20)
    unit = forms.TypedChoiceField(label=_("Đơn vị tiếp nhận"), coerce=int)
    case = forms.ChoiceField(label=_("Trường hợp"), required=False)
    kind = forms.ChoiceField(label=_("Loại chủ hồ sơ"), choices=ApplicantKind.choices,
                             initial=ApplicantKind.PERSON, widget=forms.RadioSelect)
    name = _text(_("Họ và tên (tên tổ chức)"), required=True, autocomplete="name")
    id_number = _text(_("Số CCCD (mã số thuế)"), max_length=20, inputmode="numeric",
                      autocomplete="off",
                      help_text=_("Cá nhân: 12 chữ số CCCD. Tổ chức: mã số thuế."))
    phone = _text(_("Số điện thoại"), max_length=20, inputmode="tel", autocomplete="tel")
    email = forms.EmailField(label=_("Thư điện tử"), required=False,
                             error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")})
    address = _text(_("Địa chỉ"), max_length=500, autocomplete="street-address")
    submitter_name = _text(_("Người nộp thay (nếu có)"))
    submitter_id_number = _text(_("Số CCCD người nộp thay"), max_length=20, inputmode="numeric")
    submitter_phone = _text(_("Điện thoại người nộp thay"), max_length=20, inputmode="tel")
    authorisation_note = _text(_("Giấy ủy quyền"), max_length=500)
    link_account = forms.BooleanField(label=_("Gắn hồ sơ với tài khoản công dân có số CCCD này "
                                              "để công dân theo dõi trực tuyến"), required=False)
    fee_paid = AmountField(label=_("Phí, lệ phí đã thu (đồng)"), required=False, max_length=20,
                           help_text=_("Số tiền bằng đồng, ví dụ 10.000. Để trống nếu chưa thu."),
                           widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    delivery = forms.ChoiceField(label=_("Hình thức nhận kết quả"), choices=Delivery.choices,
                                 initial=Delivery.DESK, widget=forms.RadioSelect)
    delivery_address = _text(_("Địa chỉ nhận kết quả qua bưu chính"), max_length=500,
                             help_text=_("Bắt buộc khi nhận kết quả qua bưu chính."))
    extra_name = _text(_("Giấy tờ khác (nếu có)"), max_length=500)
    extra_originals = forms.IntegerField(label=_("Bản chính"), required=False, min_value=0,
                                         error_messages={"invalid": WHOLE_NUMBER,
                                                         "min_value": WHOLE_NUMBER})
    extra_copies = forms.IntegerField(label=_("Bản sao"), required=False, min_value=0,
                                      error_messages={"invalid": WHOLE_NUMBER,
                                                      "min_value": WHOLE_NUMBER})

    def __init__(self, *args, version, units, postal: bool = False, **kwargs):
        self.version = version
        self.postal = postal
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
        cases = [s.case for s in version.stages.all()] if version.stage_mode == "cases" else []
        self.fields["case"].choices = [("", _("— Chọn trường hợp —"))] + [(c, c) for c in cases]
        self.fields["case"].required = bool(cases)
        self.has_cases = bool(cases)
        self.components = list(version.components.all())
        for component in self.components:
            self._component_fields(component)
        if postal:
            self.fields["waybill"] = _text(_("Số vận đơn bưu chính"), required=True,
                                           max_length=40, autocomplete="off",
                                           help_text=_("Ví dụ EB123456789VN."))
            self.fields["handed_over_at"] = LocalDateTimeField(
                label=_("Thời điểm bưu chính bàn giao"), required=True, max_length=20,
                error_messages={"required": REQUIRED},
                help_text=_("Dạng HH:MM dd/mm/yyyy, ví dụ 08:30 26/11/2026."))
            self.describe_fields()

    def _component_fields(self, component) -> None:
        key = component.pk
        self.fields[f"c{key}"] = forms.BooleanField(label=component.name, required=False)
        self.fields[f"c{key}_originals"] = forms.IntegerField(
            label=_("Bản chính"), required=False, min_value=0, initial=component.originals,
            error_messages={"invalid": WHOLE_NUMBER, "min_value": WHOLE_NUMBER})
        self.fields[f"c{key}_copies"] = forms.IntegerField(
            label=_("Bản sao"), required=False, min_value=0, initial=component.copies,
            error_messages={"invalid": WHOLE_NUMBER, "min_value": WHOLE_NUMBER})

    def component_rows(self):
        """(component, checkbox, originals, copies) bound fields, for the template."""
        return [(c, self[f"c{c.pk}"], self[f"c{c.pk}_originals"], self[f"c{c.pk}_copies"])
                for c in self.components]

    def clean(self):
        data = super().clean()
        received = []
        for component in self.components:
            if not data.get(f"c{component.pk}"):
                continue
            originals = data.get(f"c{component.pk}_originals") or 0
            copies = data.get(f"c{component.pk}_copies") or 0
            if originals + copies <= 0:
                self.add_error(f"c{component.pk}_originals", COUNT_NEEDED)
            received.append((component, originals, copies))
        extra = (data.get("extra_name") or "").strip()
        extra_counts = (data.get("extra_originals") or 0, data.get("extra_copies") or 0)
        if extra:
            if sum(extra_counts) <= 0:
                self.add_error("extra_originals", COUNT_NEEDED)
        elif any(extra_counts):
            self.add_error("extra_name", EXTRA_NAME_NEEDED)
        if not received and not extra:
            self.add_error(None, NO_COMPONENT)
        data["received"] = received
        data["extra"] = (extra, *extra_counts) if extra else None
        return data

    @staticmethod
    def new_key() -> str:
        return uuid.uuid4().hex


class ActionForm(A11yForm):
    """What every dossier action carries: the version the page showed."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class NoteForm(ActionForm):
    note = forms.CharField(label=_("Ghi chú (không bắt buộc)"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class CompletionForm(ActionForm):
    """Mẫu 02: the reason and the items to complete, once and in writing (Decree 61/2018)."""

    prefix = "completion"
    reason = forms.CharField(label=_("Lý do"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))
    items = forms.CharField(label=_("Giấy tờ, nội dung cần bổ sung, hoàn thiện"),
                            max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("Mỗi dòng một mục."),
                            error_messages={"required": ITEMS_NEEDED})

    def clean_items(self) -> list[str]:
        items = [line.strip(" -•\t") for line in self.cleaned_data["items"].splitlines()]
        items = [item for item in items if item]
        if not items:
            raise forms.ValidationError(ITEMS_NEEDED)
        return items


class RefuseForm(ActionForm):
    """Mẫu 03: refused with the reason stated."""

    prefix = "refuse"
    reason = forms.CharField(label=_("Lý do từ chối"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Vui lòng nêu rõ lý do từ chối.")})


class FindForm(A11yForm):
    """A dossier code, or the look-up URL its receipt's QR code holds."""

    ma = forms.CharField(label=_("Mã hồ sơ hoặc địa chỉ trong mã QR"), max_length=500,
                         help_text=_("Ví dụ 000.00.31.Z99-261126-0003, hoặc dán địa chỉ "
                                     "tra cứu đọc được từ mã QR trên giấy tiếp nhận."),
                         widget=forms.TextInput(attrs={"autocomplete": "off",
                                                       "spellcheck": "false"}),
                         error_messages={"required": _("Vui lòng nhập mã hồ sơ.")})


class ReturnForm(ActionForm):
    """Who collected the result at the desk (Decree 61/2018: the result goes back as the
    applicant registered), or the post's waybill."""

    collector_name = _text(_("Họ tên người nhận kết quả"), autocomplete="off")
    collector_id = _text(_("Số CCCD / giấy tờ tùy thân của người nhận"), max_length=20,
                         autocomplete="off",
                         help_text=_("Số CCCD, hộ chiếu hoặc giấy tờ tùy thân khác."))
    authorised = forms.BooleanField(label=_("Người nhận là người được ủy quyền"), required=False)
    authorisation = _text(_("Giấy ủy quyền (số, ngày)"), max_length=255)
    waybill = _text(_("Số vận đơn bưu chính"), max_length=40, autocomplete="off")
    note = forms.CharField(label=_("Ghi chú (không bắt buộc)"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, delivery: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.delivery = delivery
        if delivery == Delivery.DESK:
            for name in ("collector_name", "collector_id"):
                self.fields[name].required = True
            self.describe_fields()

    def clean_collector_id(self) -> str:
        value = self.cleaned_data["collector_id"].strip()
        if value and not (value.isalnum() and 6 <= len(value) <= 20):
            raise forms.ValidationError(ID_INVALID)
        return value

    def clean(self):
        data = super().clean()
        if data.get("authorised") and not (data.get("authorisation") or "").strip():
            self.add_error("authorisation", REQUIRED)
        return data

    def collected_by(self, applicant_name: str) -> str:
        """One line for the history and the register's "Ký nhận" column."""
        data = self.cleaned_data
        name = (data.get("collector_name") or "").strip()
        if not name:
            return ""
        # Recorded in the dossier's history, which is Vietnamese whatever the officer's
        # interface language (it is printed on the register and the acknowledgement).
        text = f"{name} (giấy tờ {data['collector_id']})"
        if data.get("authorised"):
            text += f" – được {applicant_name} ủy quyền: {data['authorisation'].strip()}"
        return text


class RegisterFilterForm(A11yForm):
    """The register's filters, as query parameters."""

    tu = forms.DateField(label=_("Từ ngày"), required=False, input_formats=[DATE_INPUT],
                         error_messages={"invalid": DATE_INVALID}, help_text="dd/mm/yyyy",
                         widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                       "placeholder": "dd/mm/yyyy"}))
    den = forms.DateField(label=_("Đến ngày"), required=False, input_formats=[DATE_INPUT],
                          error_messages={"invalid": DATE_INVALID}, help_text="dd/mm/yyyy",
                          widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                        "placeholder": "dd/mm/yyyy"}))
    thu_tuc = forms.ChoiceField(label=_("Thủ tục"), required=False)
    trang_thai = forms.ChoiceField(
        label=_("Trạng thái"), required=False,
        choices=[("", _("Tất cả"))] + [c for c in Status.choices if c[0] != Status.DRAFT])
    kenh = forms.TypedChoiceField(label=_("Kênh nộp"), required=False, coerce=int,
                                  empty_value=None,
                                  choices=[("", _("Tất cả")), *list(Channel.choices)])

    def __init__(self, *args, procedures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thu_tuc"].choices = [("", _("Tất cả"))] + [
            (p.code, f"{p.code} – {p.name}") for p in procedures]

    def clean(self):
        data = super().clean()
        if data.get("tu") and data.get("den") and data["den"] < data["tu"]:
            self.add_error("den", PERIOD_ORDER)
        return data

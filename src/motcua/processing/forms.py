"""The small form behind each action button of the processing page.

Every form carries the dossier's `expected_version` (the page's snapshot): the service refuses
a stale one and writes nothing. Forms only parse what the officer typed; whether the action is
allowed, and every business rule, is the service's (motcua.dossiers.services.processing).
Each form is prefixed with its action, so the page's many forms keep distinct field ids.
"""

import re
from datetime import datetime, time

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.clock import VIETNAM, local, now
from motcua.core.forms import DescribedFieldsMixin
from motcua.processing import selectors

REQUIRED = {"required": _("Vui lòng nhập thông tin này.")}
REASON_REQUIRED = _("Vui lòng nêu rõ lý do.")
CHOOSE_HANDLER = _("Vui lòng chọn chuyên viên xử lý.")
CHOOSE_AGENCY = _("Vui lòng chọn cơ quan phối hợp.")
DATE_INVALID = _("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 30/11/2026.")
AMOUNT_INVALID = _("Nhập số tiền là số nguyên dương (đồng).")
ITEMS_REQUIRED = _("Vui lòng liệt kê các nội dung cần bổ sung, mỗi dòng một nội dung.")
RESULT_NAME_REQUIRED = _("Vui lòng nhập tên văn bản kết quả.")
# The appointment is an end of a working day unless the leader says otherwise.
DEFAULT_APPOINTMENT_TIME = time(17, 0)
GROUPED_NUMBER = re.compile(r"\s*\d{1,3}(?:[.\s]\d{3})+\s*")


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "cols": 40})


class ActionForm(DescribedFieldsMixin, forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, dossier, user, **kwargs):
        self.dossier, self.user = dossier, user
        kwargs.setdefault("initial", {}).setdefault("expected_version", dossier.version)
        super().__init__(*args, **kwargs)
        self.add_choices()

    def add_choices(self) -> None:
        """Forms with a select fill its options here (only when the action is offered)."""

    def field_ref(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    @property
    def visible_errors(self) -> bool:
        return bool(self.is_bound and self.errors)


class NoteForm(ActionForm):
    note = forms.CharField(label=_("Ghi chú (không bắt buộc)"), required=False,
                           max_length=2000, widget=_textarea(2))


class ReasonForm(ActionForm):
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=_textarea(),
                             error_messages={"required": REASON_REQUIRED})


def _handler_choices(unit) -> list[tuple[str, str]]:
    return [(str(person.pk), str(person)) for person in selectors.handlers_in(unit)]


class AssignForm(ActionForm):
    handler = forms.ChoiceField(label=_("Chuyên viên xử lý"),
                                error_messages={"required": CHOOSE_HANDLER,
                                                "invalid_choice": CHOOSE_HANDLER})
    note = NoteForm.base_fields["note"]

    def add_choices(self) -> None:
        choices = _handler_choices(self.dossier.current_unit)
        self.fields["handler"].choices = [("", _("— Chọn chuyên viên —")), *choices]


class HandOverForm(ActionForm):
    handler = forms.ChoiceField(
        label=_("Chuyên viên nhận bước tiếp theo (không bắt buộc)"), required=False,
        help_text=_("Để trống: bất kỳ chuyên viên nào của đơn vị nhận bước tiếp theo đều xử lý "
                    "được."),
        error_messages={"invalid_choice": CHOOSE_HANDLER})
    note = NoteForm.base_fields["note"]

    def add_choices(self) -> None:
        following = selectors.step_following(self.dossier)
        unit = following.unit if following is not None else self.dossier.current_unit
        self.fields["handler"].choices = [("", _("— Không chỉ định —")),
                                          *_handler_choices(unit)]


class SendToAgencyForm(ActionForm):
    agency = forms.ChoiceField(label=_("Cơ quan phối hợp"),
                               error_messages={"required": CHOOSE_AGENCY,
                                               "invalid_choice": CHOOSE_AGENCY})
    note = NoteForm.base_fields["note"]

    def add_choices(self) -> None:
        agencies = selectors.agencies_for(self.dossier)
        self.fields["agency"].choices = [("", _("— Chọn cơ quan —")),
                                         *((str(unit.pk), unit.name) for unit in agencies)]


class SupplementForm(ReasonForm):
    items = forms.CharField(
        label=_("Nội dung cần bổ sung, hoàn thiện"), widget=_textarea(4),
        help_text=_("Mỗi dòng một giấy tờ hoặc nội dung."),
        error_messages={"required": ITEMS_REQUIRED})

    def clean_items(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["items"].splitlines()]
        wanted = [line for line in lines if line]
        if not wanted:
            raise forms.ValidationError(ITEMS_REQUIRED)
        return wanted


class ObligationForm(ReasonForm):
    amount = forms.IntegerField(
        label=_("Số tiền (đồng)"), min_value=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": AMOUNT_INVALID, "invalid": AMOUNT_INVALID,
                        "min_value": AMOUNT_INVALID})

    def full_clean(self):
        # "1.500.000" as officers write it: dots and spaces group thousands.
        if self.is_bound and self.data is not None:
            key = self.add_prefix("amount")
            if GROUPED_NUMBER.fullmatch(self.data.get(key, "")):
                data = self.data.copy()
                data[key] = re.sub(r"[.\s]", "", data[key])
                self.data = data
        super().full_clean()


def _date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy",
                                                         "inputmode": "numeric"}),
        error_messages={"required": DATE_INVALID, "invalid": DATE_INVALID}, **kwargs)


class RescheduleForm(ReasonForm):
    new_date = _date_field(_("Ngày hẹn trả kết quả mới"),
                           help_text=_("Ngày/tháng/năm, ví dụ 30/11/2026."))
    new_time = forms.TimeField(
        label=_("Giờ hẹn"), required=False, input_formats=["%H:%M"],
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "17:00"}),
        help_text=_("Để trống: 17:00."),
        error_messages={"invalid": _("Nhập giờ theo dạng giờ:phút, ví dụ 16:30.")})

    def clean(self):
        data = super().clean()
        if data.get("new_date"):
            moment = data.get("new_time") or DEFAULT_APPOINTMENT_TIME
            data["new_appointment_at"] = datetime.combine(data["new_date"], moment,
                                                          tzinfo=VIETNAM)
        return data


class ApproveForm(ActionForm):
    name = forms.CharField(label=_("Tên văn bản kết quả"), max_length=500,
                           error_messages={"required": RESULT_NAME_REQUIRED})
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=100, required=False)
    signer = forms.CharField(label=_("Người ký"), max_length=255, required=False)
    signed_on = _date_field(_("Ngày ký"), required=False)
    is_refusal = forms.BooleanField(label=_("Đây là văn bản từ chối giải quyết"), required=False)
    file = forms.FileField(
        label=_("Tệp kết quả đã ký (PDF, JPEG hoặc PNG; không bắt buộc)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
    note = NoteForm.base_fields["note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("signer", str(self.user))
            self.initial.setdefault("signed_on", local(now()).date())

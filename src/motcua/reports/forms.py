"""The pickers of the statistics pages: a unit and a month (public), a period (Biểu 06)."""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import AdministrativeLevel, Unit
from motcua.catalog.models import Field
from motcua.core.clock import local, now
from motcua.core.forms import DescribedFieldsMixin
from motcua.reports.public import units_for_choice

MONTH_INVALID = _("Nhập tháng theo dạng mm/yyyy, ví dụ 11/2026.")
UNIT_INVALID = _("Chọn một đơn vị trong danh sách.")


def this_month() -> date:
    return local(now()).date().replace(day=1)


class DescribedErrors(DescribedFieldsMixin):
    """Errors printed as `<field id>-error` (reports templates)."""

    def field_ref(self, name: str) -> str:
        return self[name].auto_id


class UnitMonthForm(DescribedErrors, forms.Form):
    unit = forms.ChoiceField(label=_("Đơn vị"), error_messages={"invalid_choice": UNIT_INVALID})
    month = forms.CharField(label=_("Tháng (mm/yyyy)"), max_length=7, required=False,
                            error_messages={"invalid": MONTH_INVALID})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = list(units_for_choice())
        self.fields["unit"].choices = [
            (u.code, "\u00a0\u00a0" * u.depth + u.name) for u in self.units]

    def clean_month(self) -> date:
        text = (self.cleaned_data.get("month") or "").strip()
        if not text:
            return this_month()
        found = re.fullmatch(r"(\d{1,2})/(\d{4})|(\d{4})-(\d{1,2})", text)
        if not found:
            raise forms.ValidationError(MONTH_INVALID, code="invalid")
        month, year = (found[1], found[2]) if found[1] else (found[4], found[3])
        if not 1 <= int(month) <= 12 or int(year) < 2000:
            raise forms.ValidationError(MONTH_INVALID, code="invalid")
        return date(int(year), int(month), 1)

    def clean_unit(self) -> Unit:
        code = self.cleaned_data["unit"]
        return next(u for u in self.units if u.code == code)


def unit_month_form(data) -> UnitMonthForm:
    """Bound to the query string, with the first unit and this month when none is given."""
    form = UnitMonthForm(data or None)
    if not data and form.units:
        form = UnitMonthForm({"unit": form.units[0].code, "month": f"{this_month():%m/%Y}"})
    return form


class PeriodForm(DescribedErrors, forms.Form):
    unit = forms.ChoiceField(label=_("Đơn vị"), error_messages={"invalid_choice": UNIT_INVALID})
    first = forms.DateField(label=_("Từ ngày (dd/mm/yyyy)"),
                            input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    last = forms.DateField(label=_("Đến ngày (dd/mm/yyyy)"),
                           input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Field.objects.all(),
                                   required=False, empty_label=_("Tất cả lĩnh vực"))
    level = forms.ModelChoiceField(label=_("Cấp thực hiện"),
                                   queryset=AdministrativeLevel.objects.all(), required=False,
                                   empty_label=_("Tất cả các cấp"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = list(units)
        self.fields["unit"].choices = [(u.code, u.name) for u in self.units]

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("last") and data["last"] < data["first"]:
            self.add_error("last", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data

    def clean_unit(self) -> Unit:
        code = self.cleaned_data["unit"]
        return next(u for u in self.units if u.code == code)


class MonthsForm(PeriodForm):
    """The operational reports: a unit and a period, every field and level."""

    field = None
    level = None

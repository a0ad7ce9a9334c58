"""The search and filter form of the public catalog page."""

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from motcua.catalog import selectors
from motcua.catalog.choices import Channel, OnlineLevel

_ALL = ("", _("Tất cả"))


class ProcedureFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm thủ tục"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "aria-describedby": "q-hint"}))
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    level = forms.ChoiceField(label=_("Cấp thực hiện"), required=False)
    channel = forms.TypedChoiceField(
        label=_("Cách nộp hồ sơ"), required=False, coerce=int, empty_value=None,
        choices=[_ALL, *Channel.choices],
    )
    online_level = forms.ChoiceField(
        label=_("Dịch vụ công trực tuyến"), required=False,
        choices=[_ALL, (OnlineLevel.FULL, OnlineLevel.FULL.label),
                 (OnlineLevel.PARTIAL, OnlineLevel.PARTIAL.label)],
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["field"].choices = [_ALL, *selectors.field_list().values_list("code", "name")]
        self.fields["level"].choices = [_ALL, *((level.code, level.display_name)
                                                for level in selectors.level_list())]

    def filters(self) -> dict:
        """The valid filters; a wrong value (an old link, a typo) is ignored, not an error page."""
        self.is_valid()
        data = {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}
        return {"page": data.pop("page", 1), **data}

    def query_without_page(self) -> str:
        """The filters as a query string, for pagination links."""
        query = self.data.copy()
        query.pop("page", None)
        return urlencode(query, doseq=True)

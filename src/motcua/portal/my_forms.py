"""Forms of the citizen's actions on their dossier. Each carries the dossier's `version` as it
was displayed, passed to the services as `expected_version` (a stale page overwrites nothing).
Uploaded files are read from `request.FILES` and checked by `dossier_file_attach`."""

from django import forms
from django.utils.translation import gettext_lazy as _

NOTE_MAX = 1000
REASON_MAX = 1000


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if self.is_bound and name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
                field.widget.attrs["aria-describedby"] = f"{name}-error"


class SupplementForm(_Versioned):
    note = forms.CharField(
        label=_("Ghi chú cho cán bộ (không bắt buộc)"), required=False, max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Ghi chú không quá %(limit_value)d ký tự.")},
    )


class WithdrawalForm(_Versioned):
    reason = forms.CharField(
        label=_("Lý do rút hồ sơ"), max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Vui lòng nêu lý do rút hồ sơ."),
                        "max_length": _("Lý do không quá %(limit_value)d ký tự.")},
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ConfirmForm(_Versioned):
    """A confirmation with nothing to type (cancelling an unaccepted dossier)."""

"""The public look-up form: a dossier code and the last 4 digits of the applicant's phone or
ID number, as query parameters `ma` and `so` (the receipt's QR code links to `?ma=<code>`)."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.lookup import LOOKUP_DIGITS

CODE_MAX_LENGTH = 64


class LookupForm(forms.Form):
    ma = forms.CharField(
        label=_("Mã hồ sơ"), max_length=CODE_MAX_LENGTH,
        error_messages={
            "required": _("Vui lòng nhập mã hồ sơ."),
            "max_length": _("Mã hồ sơ không quá %(limit_value)d ký tự."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false",
                                      "autocapitalize": "characters"}),
    )
    so = forms.CharField(
        label=_("4 số cuối điện thoại hoặc CCCD"),
        error_messages={"required": _("Vui lòng nhập 4 số cuối điện thoại hoặc số CCCD.")},
        validators=[RegexValidator(
            rf"^\d{{{LOOKUP_DIGITS}}}$",
            message=_("Nhập đúng 4 chữ số, ví dụ: 0123."),
        )],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                      "maxlength": str(LOOKUP_DIGITS),
                                      "pattern": r"[0-9]*"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each field names its hint (and, when it has one, its error) for screen readers.
        for name, field in self.fields.items():
            described = [f"{name}-hint"]
            if self.is_bound and name in self.errors:
                described.append(f"{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            field.widget.attrs["aria-describedby"] = " ".join(described)

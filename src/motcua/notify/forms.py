"""The channel choice form: one checkbox per channel, each re-displayed as ticked."""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.notify.models import Channel
from motcua.notify.services import NO_CHANNEL


class PreferenceForm(forms.Form):
    email = forms.BooleanField(label=Channel.EMAIL.label, required=False)
    sms = forms.BooleanField(label=Channel.SMS.label, required=False)
    zalo = forms.BooleanField(label=Channel.ZALO.label, required=False)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("email", "sms", "zalo")):
            raise forms.ValidationError(NO_CHANNEL, code="no_channel")
        return data


NO_ADDRESS = {
    "email": _("Tài khoản của bạn chưa có địa chỉ thư điện tử, nên chưa nhận được thông báo "
               "qua kênh này."),
    "sms": _("Tài khoản của bạn chưa có số điện thoại, nên chưa nhận được thông báo qua kênh "
             "này."),
    "zalo": _("Tài khoản của bạn chưa có số điện thoại, nên chưa nhận được thông báo qua kênh "
              "này."),
}

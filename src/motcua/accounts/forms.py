"""The citizen's forms: sign-up, sign-in, profile, and Vietnamese-labelled versions of
Django's password forms. Forms parse and validate what was typed; the services write."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import User, cccd_validator, phone_validator
from motcua.accounts.selectors import phone_normalize
from motcua.accounts.services import CONTACT_REQUIRED, user_password_set
from motcua.core.forms import DescribedFieldsMixin

CODE_FORMAT = _("Mã xác thực gồm 6 chữ số, ví dụ: 123456.")
PASSWORDS_DIFFER = _("Hai mật khẩu đã nhập không giống nhau.")
PASSWORD_HINT = _("Ít nhất 8 ký tự; không dùng toàn chữ số, mật khẩu phổ biến hay thông tin "
                  "cá nhân của bạn.")


class AccessibleForm(DescribedFieldsMixin):
    """Hint and error ids `<name>-hint`, `<name>-error` (accounts/_field.html)."""


def _required(message):
    return {"required": message}


def _phone_field():
    return forms.CharField(
        label=_("Số điện thoại"), required=False, max_length=20,
        help_text=_("Ví dụ: 0912 345 678. Cần có số điện thoại hoặc email, ít nhất một."),
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )


def _email_field():
    return forms.EmailField(
        label=_("Email"), required=False, max_length=254,
        error_messages={"invalid": _("Địa chỉ email chưa đúng, ví dụ: ten@example.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


def _cccd_field(required=True):
    return forms.CharField(
        label=_("Số CCCD"), required=required, max_length=12, validators=[cccd_validator],
        error_messages=_required(_("Vui lòng nhập số căn cước công dân (CCCD).")),
        help_text=_("12 chữ số trên thẻ căn cước công dân hoặc thẻ căn cước."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                      "maxlength": "12"}),
    )


class ContactFields(AccessibleForm, forms.Form):
    """Name, phone, e-mail and address, shared by the sign-up and the profile."""

    full_name = forms.CharField(
        label=_("Họ và tên"), max_length=150,
        error_messages=_required(_("Vui lòng nhập họ và tên.")),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = _phone_field()
    email = _email_field()
    address = forms.CharField(
        label=_("Địa chỉ liên hệ"), required=False, max_length=255,
        help_text=_("Không bắt buộc. Số nhà, đường, ấp/thôn, xã/phường, tỉnh/thành phố."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        phone = phone_normalize(phone)
        phone_validator(phone)
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and not (
            self.has_error("phone") or self.has_error("email")
        ):
            self.add_error("phone", CONTACT_REQUIRED)
        return data


class SignupForm(ContactFields):
    field_order = ["full_name", "phone", "email", "cccd", "password1", "password2", "address"]

    cccd = _cccd_field()
    password1 = forms.CharField(
        label=_("Mật khẩu"), strip=False, help_text=PASSWORD_HINT,
        error_messages=_required(_("Vui lòng đặt mật khẩu.")),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"), strip=False,
        error_messages=_required(_("Vui lòng nhập lại mật khẩu.")),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", PASSWORDS_DIFFER)
        elif password1:
            # The person as they will be, so "too similar to your e-mail" can be said.
            person = User(full_name=data.get("full_name", ""), email=data.get("email", ""),
                          phone=data.get("phone") or None)
            try:
                password_validation.validate_password(password1, person)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class LoginForm(AccessibleForm, forms.Form):
    identifier = forms.CharField(
        label=_("Số điện thoại, email hoặc tên đăng nhập"), max_length=254,
        error_messages=_required(_("Vui lòng nhập số điện thoại, email hoặc tên đăng nhập.")),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none",
                                      "spellcheck": "false", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"), strip=False,
        error_messages=_required(_("Vui lòng nhập mật khẩu.")),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(AccessibleForm, forms.Form):
    """The 6-digit code of an authenticator app (two-factor sign-in for staff)."""

    code = forms.CharField(
        label=_("Mã xác thực"), max_length=12,
        help_text=_("6 chữ số đang hiện trong ứng dụng xác thực trên điện thoại của bạn."),
        error_messages=_required(_("Vui lòng nhập mã xác thực gồm 6 chữ số.")),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code",
                                      "autofocus": True, "maxlength": "12"}),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not (len(code) == 6 and code.isascii() and code.isdigit()):
            raise ValidationError(CODE_FORMAT)
        return code


class ProfileForm(ContactFields):
    """The person's own details. The CCCD field is there only while the account has none."""

    def __init__(self, *args, user: User, **kwargs):
        initial = {"full_name": user.full_name, "phone": user.phone or "", "email": user.email,
                   "address": user.address}
        super().__init__(*args, initial=initial, **kwargs)
        if not user.cccd:
            self.fields["cccd"] = _cccd_field(required=False)
        self.describe_fields()


class PasswordChangeForm(AccessibleForm, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu hiện tại")
        _label_new_passwords(self.fields)
        self.describe_fields()

    def save(self, commit=True):
        return user_password_set(user=self.user, password=self.cleaned_data["new_password1"])


class SetPasswordForm(AccessibleForm, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label_new_passwords(self.fields)
        self.describe_fields()

    def save(self, commit=True):
        return user_password_set(user=self.user, password=self.cleaned_data["new_password1"])


class PasswordResetForm(AccessibleForm, auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email đã đăng ký")
        self.fields["email"].error_messages = {
            "required": _("Vui lòng nhập địa chỉ email."),
            "invalid": _("Địa chỉ email chưa đúng, ví dụ: ten@example.com."),
        }
        self.describe_fields()

    def get_users(self, email):
        # Unlike Django's, accounts without a password get the link too: a citizen whose account
        # was made at a VNeID sign-in sets their first password this way.
        return User.objects.filter(email__iexact=email, is_active=True).exclude(email="")


def _label_new_passwords(fields):
    fields["new_password1"].label = _("Mật khẩu mới")
    fields["new_password1"].help_text = PASSWORD_HINT
    fields["new_password2"].label = _("Nhập lại mật khẩu mới")
    fields["new_password2"].help_text = ""

"""The citizen's account pages under /tai-khoan/: parse, call a service, render.

Sign-in (`login`) serves citizens and officers alike; see docs/accounts.md for where each
lands, the lockout (`login_limits`, django-axes) and the staff's second step (`two_factor`:
`otp_verify`, `otp_setup`).
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from motcua.accounts import login_limits, two_factor
from motcua.accounts.forms import (
    CodeForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    SignupForm,
)
from motcua.accounts.landing import after_sign_in_url, safe_next
from motcua.accounts.oidc import oidc_enabled
from motcua.accounts.services import citizen_profile_update, citizen_sign_up

BACKEND = "motcua.accounts.backends.IdentifierBackend"
SIGNED_UP = _("Đăng ký tài khoản thành công. Chào mừng bạn đến với Cổng dịch vụ công.")
LOGIN_FAILED = _("Thông tin đăng nhập chưa đúng. Vui lòng kiểm tra số điện thoại, email hoặc "
                 "tên đăng nhập và mật khẩu.")
CODE_WRONG = _("Mã xác thực chưa đúng hoặc đã hết hạn. Vui lòng nhập mã đang hiện trong ứng "
               "dụng xác thực.")
CODE_WAIT = _("Bạn đã nhập sai mã nhiều lần. Vui lòng chờ %(seconds)d giây rồi nhập mã mới.")
ENROLLED = _("Đã bật xác thực hai lớp cho tài khoản của bạn.")
PROFILE_SAVED = _("Đã lưu thông tin tài khoản.")
PASSWORD_CHANGED = _("Đã đổi mật khẩu.")


def _page(request, template, context, status=200) -> HttpResponse:
    """Account pages carry personal data or one-time tokens: no shared cache keeps them."""
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


@sensitive_post_parameters("password1", "password2")
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(after_sign_in_url(request, request.user))
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = citizen_sign_up(
                full_name=data["full_name"], cccd=data["cccd"], password=data["password1"],
                phone=data["phone"], email=data["email"], address=data["address"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            form.describe_fields()
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, SIGNED_UP)
            return redirect(safe_next(request) or reverse("accounts:profile"))
    return _page(request, "accounts/signup.html", {"form": form, "next": safe_next(request)})


@sensitive_post_parameters("password")
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.method == "GET":
        if two_factor.pending(request):
            return redirect(_second_step_url(request.user, safe_next(request)))
        return redirect(after_sign_in_url(request, request.user))
    form = LoginForm(request.POST or None)
    context = {"form": form, "next": safe_next(request), "oidc_enabled": oidc_enabled()}
    if request.method == "POST" and form.is_valid():
        # A locked identifier or address never reaches the password check: axes' backend
        # refuses first and its middleware answers with login_limits.lockout_response (429).
        user = authenticate(request, username=form.cleaned_data["identifier"],
                            password=form.cleaned_data["password"])
        if user is None:
            context["failed"] = LOGIN_FAILED
            return _page(request, "accounts/login.html", context, status=200)
        login(request, user)
        if two_factor.needed_for(user):
            return redirect(_second_step_url(user, safe_next(request)))
        return redirect(after_sign_in_url(request, user))
    return _page(request, "accounts/login.html", context)


def _second_step_url(user, next_url: str | None) -> str:
    """The code step, or the enrolment for staff without a confirmed authenticator."""
    name = "accounts:otp-verify" if two_factor.confirmed_device(user) else "accounts:otp-setup"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _code_failed(request, identifier: str) -> HttpResponse | None:
    """A wrong code counts as a failed sign-in of the identifier typed with the password; at
    the limit the session ends and the sign-in page says the account is locked."""
    user_login_failed.send(sender=__name__, credentials={"username": identifier},
                           request=request)
    if getattr(request, "axes_locked_out", False):
        logout(request)
        return login_limits.lockout_response(request)
    return None


@login_required
@sensitive_post_parameters("code")
def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second step: the code of the staff member's authenticator app."""
    if not two_factor.pending(request):
        return redirect(after_sign_in_url(request, request.user))
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect(_second_step_url(request.user, safe_next(request)))
    identifier = (request.session.get(two_factor.IDENTIFIER_SESSION_KEY)
                  or login_limits.identifier_fold(request.user.get_username()))
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if not AxesProxyHandler.is_allowed(request, {"username": identifier}):
            logout(request)
            return login_limits.lockout_response(request)
        if form.is_valid():
            wait = two_factor.throttle_seconds(device)
            if wait:
                form.add_error("code", CODE_WAIT % {"seconds": wait})
            elif two_factor.session_verify(request, device, form.cleaned_data["code"]):
                return redirect(after_sign_in_url(request, request.user))
            else:
                locked = _code_failed(request, identifier)
                if locked is not None:
                    return locked
                form.add_error("code", CODE_WRONG)
    return _page(request, "accounts/otp_verify.html",
                 {"form": form, "next": safe_next(request)})


@login_required
@sensitive_post_parameters("code")
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrolment: scan the QR code (or type the secret), then confirm with a current code."""
    if not two_factor.pending(request):
        return redirect(after_sign_in_url(request, request.user))
    if two_factor.confirmed_device(request.user) is not None:
        return redirect(_second_step_url(request.user, safe_next(request)))
    if not two_factor.enrolment_open(request.user):
        return _page(request, "accounts/otp_closed.html",
                     {"days": settings.MOTCUA_STAFF_OTP_ENROL_DAYS}, status=403)
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = two_factor.throttle_seconds(device)
        if wait:
            form.add_error("code", CODE_WAIT % {"seconds": wait})
        elif two_factor.device_confirm(request, device, form.cleaned_data["code"]):
            messages.success(request, ENROLLED)
            return redirect(after_sign_in_url(request, request.user))
        else:
            form.add_error("code", CODE_WRONG)
    context = {"form": form, "next": safe_next(request), "qr": two_factor.qr_data_uri(device),
               "secret": two_factor.secret_text(device)}
    return _page(request, "accounts/otp_setup.html", context)


class LogoutView(auth_views.LogoutView):
    """POST only (Django's rule since 5.0): a link or an image cannot sign anyone out."""

    next_page = "/"


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            citizen_profile_update(
                user=user, full_name=data["full_name"], phone=data["phone"],
                email=data["email"], address=data["address"], cccd=data.get("cccd", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
            form.describe_fields()
            user.refresh_from_db()
        else:
            messages.success(request, PROFILE_SAVED)
            return redirect("accounts:profile")
    return _page(request, "accounts/profile.html", {"form": form, "person": user})


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, PASSWORD_CHANGED)
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")
    from_email = None  # DEFAULT_FROM_EMAIL

    @property
    def extra_email_context(self):
        return {"valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"

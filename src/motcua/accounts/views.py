"""The citizen's account pages under /tai-khoan/: parse, call a service, render.

Sign-in (`login`) serves citizens and officers alike; see docs/accounts.md for where each
lands and for the rate limit.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from motcua.accounts import login_limits
from motcua.accounts.forms import (
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
LOGIN_BLOCKED = _("Bạn đã đăng nhập sai quá nhiều lần. Để bảo vệ tài khoản, vui lòng thử lại "
                  "sau %(minutes)d phút hoặc dùng chức năng quên mật khẩu.")
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
        return redirect(after_sign_in_url(request, request.user))
    form = LoginForm(request.POST or None)
    context = {"form": form, "next": safe_next(request), "oidc_enabled": oidc_enabled()}
    if request.method == "POST" and form.is_valid():
        keys = login_limits.login_keys(request, form.cleaned_data["identifier"])
        if login_limits.login_blocked(keys):
            context["blocked"] = LOGIN_BLOCKED % {"minutes": login_limits.window_minutes()}
            return _page(request, "accounts/login.html", context, status=429)
        user = authenticate(request, username=form.cleaned_data["identifier"],
                            password=form.cleaned_data["password"])
        if user is None:
            login_limits.login_failure_record(keys)
            context["failed"] = LOGIN_FAILED
            return _page(request, "accounts/login.html", context, status=200)
        login_limits.login_success_record(keys)
        login(request, user)
        return redirect(after_sign_in_url(request, user))
    return _page(request, "accounts/login.html", context)


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

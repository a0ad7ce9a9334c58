"""The sign-in lockout, on django-axes (docs/accounts.md "Lockout", docs/security.md).

After MOTCUA_LOGIN_MAX_FAILURES failed sign-ins for one identifier (the phone, e-mail or user
name typed, folded), or MOTCUA_LOGIN_MAX_FAILURES_PER_IP from one client address, further
attempts are refused without checking the password until MOTCUA_LOGIN_WINDOW_SECONDS have
passed since the last counted failure (password guessing; Law 91/2025/QH15 on protecting personal
data: accounts hold a person's ID number and address). Both sign-in pages are covered: ours
and the admin's, since axes sits in front of every `authenticate()` call
(`axes.backends.AxesBackend`, first in AUTHENTICATION_BACKENDS).

Axes keeps failures in the database (`axes.AccessAttempt`: one row per identifier, address and
browser), so every web process sees the same counts, they survive a restart, and a superuser
sees and lifts lockouts in the admin ("Axes › Access attempts").

This module is what axes is configured with (settings `AXES_*`):

* `identifier_of`: the identifier axes counts (AXES_USERNAME_CALLABLE);
* the client's address is `motcua.core.http.client_address` (AXES_CLIENT_IP_CALLABLE);
* `failure_limit`, `cool_off`: read the MOTCUA_LOGIN_* settings at each request;
* `LockoutHandler`: axes' database handler with two limits instead of one;
* `lockout_response`: the sign-in page saying, in Vietnamese, that the account is locked.
"""

import re
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from motcua.accounts.selectors import phone_normalize
from motcua.core.text import fold

LOGIN_BLOCKED = _("Bạn đã đăng nhập sai quá nhiều lần. Để bảo vệ tài khoản, vui lòng thử lại "
                  "sau %(minutes)d phút hoặc dùng chức năng quên mật khẩu.")
# The fields the two sign-in forms name the identifier: ours, then the admin's.
IDENTIFIER_FIELDS = ("identifier", "username")
_PHONE = re.compile(r"\+?[\d.()-]+")


def identifier_fold(identifier: str | None) -> str | None:
    """The identifier as counted: case, diacritics and spaces folded, phone numbers in one
    spelling ("+84 912 345 678" and "0912345678" are one identifier)."""
    if not identifier:
        return None
    folded = fold(identifier).replace(" ", "")
    if _PHONE.fullmatch(folded):
        folded = phone_normalize(folded) or folded
    return folded[:255]


def identifier_of(request, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: what the person typed in the form, folded.

    The form field first: at a successful sign-in axes passes the account's user name, while
    the failures were counted under what was typed (a phone, an e-mail). Without a form (the
    second step, a test's force_login) the credentials' user name.
    """
    data = getattr(request, "POST", None) or {}
    for field in IDENTIFIER_FIELDS:
        if data.get(field):
            return identifier_fold(data[field])
    credentials = credentials or {}
    for field in IDENTIFIER_FIELDS:
        if credentials.get(field):
            return identifier_fold(credentials[field])
    return None


def failure_limit(request=None, credentials=None) -> int:
    """AXES_FAILURE_LIMIT: the identifier's limit (the address's is `LockoutHandler`'s)."""
    return settings.MOTCUA_LOGIN_MAX_FAILURES


def cool_off(request=None) -> timedelta:
    """AXES_COOLOFF_TIME: how long a lockout lasts, and how long a failure is remembered."""
    return timedelta(seconds=settings.MOTCUA_LOGIN_WINDOW_SECONDS)


def window_minutes() -> int:
    return max(1, round(settings.MOTCUA_LOGIN_WINDOW_SECONDS / 60))


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per identifier and a higher one per address.

    Axes compares one number of failures with one limit. An address needs a higher limit than
    an identifier: a commune office, a school or a mobile network puts many people behind one
    address (NAT), and five mistakes among them must not lock them all out. So the number
    reported is the identifier's failures, raised to the identifier's limit once the address
    reached its own (AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"], in that order).
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_identifier, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.MOTCUA_LOGIN_MAX_FAILURES_PER_IP:
            return max(by_identifier, failure_limit(request, credentials))
        return by_identifier

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        """A successful sign-in forgives the failures typed on its identifier only: the
        address's other failures stay (an attacker could sign in to their own account to
        clear them)."""
        username = identifier_of(request, credentials)
        if username is None:
            return 0
        count, _rows = AccessAttempt.objects.filter(username=username).delete()
        return count


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page, saying the account is locked (429), for our
    sign-in page, the admin's and the second step alike."""
    from motcua.accounts.forms import LoginForm
    from motcua.accounts.landing import safe_next
    from motcua.accounts.oidc import oidc_enabled

    form = LoginForm(initial={"identifier": _typed(request)})
    context = {"form": form, "next": safe_next(request), "oidc_enabled": oidc_enabled(),
               "blocked": LOGIN_BLOCKED % {"minutes": window_minutes()}}
    response = render(request, "accounts/login.html", context, status=429)
    add_never_cache_headers(response)
    return response


def _typed(request) -> str:
    data = getattr(request, "POST", None) or {}
    return next((data[field] for field in IDENTIFIER_FIELDS if data.get(field)), "")

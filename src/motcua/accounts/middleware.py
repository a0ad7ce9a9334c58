"""A staff session that still owes its second step (`motcua.accounts.two_factor`) is sent to
that step from every page but the account pages. Installed after django-otp's OTPMiddleware.

Every page, not a list of staff pages: the staff pages are the desk's, the processing pages,
the admin and some reports, but also the shared ones where an officer reads a dossier's files,
forms and receipts through their role (`/tep/`, `/van-ban/`, `/thanh-toan/bien-lai/`), and
whatever page comes next. Signing in is not over until the code is given, so a staff member
has nothing to do elsewhere meanwhile. Citizens are never staff and never sent there.

Left open: the account pages (the code step itself, enrolment, signing out, passwords), the
language switch, the favicon, the API (which ignores such a session and answers 401 itself,
motcua.api.auth) and the admin's sign-out. Even where a page were missed, the access functions
grant an unverified session nothing (access.py, rule 6).
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from motcua.accounts import two_factor

OPEN_NAMESPACES = frozenset({"accounts", "api-v1"})
OPEN_VIEWS = frozenset({"admin:logout", "set_language", "portal:favicon"})


def needs_second_step(match) -> bool:
    """Whether the page is closed to a staff session that still owes its code."""
    if match is None or match.view_name in OPEN_VIEWS:
        return False
    return not set(match.namespaces) & OPEN_NAMESPACES


def code_step_url(next_url: str | None = None) -> str:
    url = reverse("accounts:otp-verify")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not needs_second_step(request.resolver_match) or not two_factor.pending(request):
            return None
        # The page they asked for, to come back to (a GET; a POST's form is gone anyway).
        target = request.get_full_path() if request.method == "GET" else None
        return redirect(code_step_url(target))

"""Where a person lands after signing in, and which `next` addresses may be followed."""

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from motcua.accounts.sections import sections_for

ADMIN_HOME = "/admin/"


def landing_url(user) -> str:
    """The first staff section the person may open (the one-stop desk, then processing), the
    administration for administrators, the profile for everyone else."""
    sections = [section for section in sections_for(user) if section.lands]
    if sections:
        return sections[0].url
    if user.is_staff:
        return ADMIN_HOME
    return reverse("accounts:profile")


def safe_next(request, field: str = "next") -> str | None:
    """The `next` address of the request (POST, then GET) when it stays on this site."""
    target = request.POST.get(field) or request.GET.get(field) or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def after_sign_in_url(request, user) -> str:
    return safe_next(request) or landing_url(user)

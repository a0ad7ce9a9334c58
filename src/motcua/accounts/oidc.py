"""Sign-in through an OpenID Connect identity provider: where VNeID (the national electronic
identity, Decree 69/2024) plugs in.

Off unless every MOTCUA_OIDC_* setting of the client and the provider's endpoints is set
(`oidc_enabled`); then the sign-in page offers the provider's button, and
`CitizenOIDCBackend` turns the provider's claims into an account:

1. the account whose CCCD number is the CCCD claim (MOTCUA_OIDC_CCCD_CLAIM), whoever it is:
   the national identity provider vouches for that number;
2. else the citizen account whose e-mail address is the e-mail claim, unless the provider says
   that address is unverified; never an officer's or administrator's account by e-mail alone;
3. else a new citizen account (`citizen_from_identity`).
"""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from motcua.accounts.landing import landing_url
from motcua.accounts.models import User, cccd_validator
from motcua.accounts.services import citizen_from_identity, citizen_identity_fill

logger = logging.getLogger(__name__)

PROVIDER_FAILED = _("Chưa đăng nhập được bằng tài khoản định danh điện tử. Vui lòng thử lại, "
                    "hoặc đăng nhập bằng số điện thoại/email và mật khẩu.")


def oidc_enabled() -> bool:
    return bool(getattr(settings, "MOTCUA_OIDC_ENABLED", False))


def claims_cccd(claims: dict) -> str | None:
    """The 12-digit CCCD number in the claims, or None when absent or malformed."""
    value = str(claims.get(settings.MOTCUA_OIDC_CCCD_CLAIM) or "").strip()
    try:
        cccd_validator(value)
    except ValidationError:
        return None
    return value


def claims_full_name(claims: dict) -> str:
    name = claims.get("name") or " ".join(
        part for part in (claims.get("family_name"), claims.get("middle_name"),
                          claims.get("given_name")) if part
    )
    return str(name or "").strip()[:150]


def user_match_claims(claims: dict) -> User | None:
    """The existing account the claims name (rules 1 and 2 of the module's docstring)."""
    cccd = claims_cccd(claims)
    if cccd:
        by_cccd = User.objects.filter(cccd=cccd).first()
        if by_cccd is not None:
            return by_cccd
    email = str(claims.get("email") or "").strip()
    if email and claims.get("email_verified") is not False:
        matches = list(
            User.objects.filter(email__iexact=email, is_staff=False, is_superuser=False,
                                staff_roles__isnull=True)[:2]
        )
        if len(matches) == 1:
            return matches[0]
    return None


class CitizenOIDCBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        if not oidc_enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, jwt.PyJWTError, requests.RequestException) as error:
            # A forged or expired token, a replayed nonce, an unreachable provider: a failed
            # sign-in with a message (the callback's login_failure), not an error page.
            logger.warning("OpenID Connect sign-in refused: %s", error)
            return None

    def verify_claims(self, claims):
        # A person the unit can identify: a CCCD number or at least an e-mail address.
        return bool(claims.get("sub")) and bool(claims_cccd(claims) or claims.get("email"))

    def filter_users_by_claims(self, claims):
        user = user_match_claims(claims)
        return User.objects.filter(pk=user.pk) if user else User.objects.none()

    def create_user(self, claims):
        try:
            return citizen_from_identity(
                full_name=claims_full_name(claims), cccd=claims_cccd(claims),
                email=str(claims.get("email") or ""), phone=str(claims.get("phone_number") or ""),
            )
        except ValidationError as error:
            # Turned into a failed sign-in by the library, with a warning in the log.
            raise SuspiciousOperation(
                f"cannot create an account from the claims: {error}"
            ) from error

    def update_user(self, user, claims):
        return citizen_identity_fill(user=user, full_name=claims_full_name(claims),
                                     cccd=claims_cccd(claims))


class OIDCStartView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider; 404 while OpenID Connect is off."""

    def dispatch(self, request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404("OpenID Connect is off")
        return super().dispatch(request, *args, **kwargs)


class OIDCCallbackView(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here; on success the person lands where a password
    sign-in would take them, on failure back on the sign-in page with a message."""

    def dispatch(self, request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404("OpenID Connect is off")
        return super().dispatch(request, *args, **kwargs)

    @property
    def success_url(self):
        # The library checked `next` (the host and scheme) before keeping it in the session.
        return self.request.session.get("oidc_login_next") or landing_url(self.user)

    def login_failure(self):
        messages.error(self.request, PROVIDER_FAILED)
        return redirect(reverse("accounts:login"))

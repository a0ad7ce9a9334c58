"""Two-factor sign-in for staff: a time-based code (TOTP, RFC 6238) from an authenticator app,
on django-otp (docs/accounts.md "Two-factor sign-in", docs/security.md).

Staff are everyone holding an officer role today or `is_staff` (`access.is_staff_member`). With
MOTCUA_STAFF_OTP_REQUIRED on (the default), a staff session counts as staff only once its
second step is done: after the password the person types the 6-digit code of their confirmed
device (`accounts:otp-verify`), or enrols one first (`accounts:otp-setup`). Until then staff
pages send them to that step (`middleware.StaffSecondFactorMiddleware`), the access functions
grant them nothing (`access._second_factor_done`) and the API ignores their session
(`motcua.api.auth`). Citizens are never asked.

Wrong codes are slowed down by django-otp's throttle on the device (1, 2, 4, 8… seconds after
each failure, kept on the device across sessions) and count as failed sign-ins for the
identifier typed at the password step, so the lockout (`login_limits`) ends the session too.
"""

import base64
from datetime import timedelta

import segno
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts.access import is_staff_member
from motcua.accounts.login_limits import identifier_of
from motcua.core.clock import now

# The identifier typed at the password step: wrong codes count against it (login_limits).
IDENTIFIER_SESSION_KEY = "motcua_login_identifier"
DEVICE_NAME = "Ứng dụng xác thực"


def required() -> bool:
    return settings.MOTCUA_STAFF_OTP_REQUIRED


def session_verified(user) -> bool:
    """Whether the request's user passed the second step (django-otp's middleware marks it);
    a user object that did not come through a request is not a session and passes."""
    is_verified = getattr(user, "is_verified", None)
    return is_verified is None or is_verified()


def pending(request) -> bool:
    """Whether the request's session belongs to staff who still owe the second step. The
    answer is kept on the request (one query for the staff check)."""
    cached = getattr(request, "_motcua_second_factor_pending", None)
    if cached is None:
        user = request.user
        cached = bool(required() and user.is_authenticated and not session_verified(user)
                      and is_staff_member(user))
        request._motcua_second_factor_pending = cached
    return cached


def needed_for(user) -> bool:
    """Whether `user`, just signed in with their password, must do the second step."""
    return required() and is_staff_member(user)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def enrolment_open(user) -> bool:
    """Whether `user` may enrol an authenticator now: within MOTCUA_STAFF_OTP_ENROL_DAYS of the
    account's creation or of the last opening by an administrator (`devices_reset`). Enrolment
    needs only the password, so an account left without a device for longer must not be
    claimable by whoever learns that password."""
    opened = max(filter(None, (user.date_joined, user.otp_enrol_opened_at)))
    return now() < opened + timedelta(days=settings.MOTCUA_STAFF_OTP_ENROL_DAYS)


def pending_device(user) -> TOTPDevice:
    """The device being enrolled: the same secret until it is confirmed, so reloading the page
    does not change the QR code the person may already have scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


@transaction.atomic
def device_confirm(request, device: TOTPDevice, token: str) -> bool:
    """Confirm an enrolment with a current code; the session is then verified."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user_id, confirmed=False).delete()
    _session_verified(request, device)
    return True


def session_verify(request, device: TOTPDevice, token: str) -> bool:
    """Check a code of the person's confirmed device; on success the session is verified."""
    if not device.verify_token(token):
        return False
    _session_verified(request, device)
    return True


def _session_verified(request, device: TOTPDevice) -> None:
    # A new session key for the raised privilege, as Django does at sign-in (fixation).
    request.session.cycle_key()
    otp_login(request, device)
    request.session.pop(IDENTIFIER_SESSION_KEY, None)
    request._motcua_second_factor_pending = False


def throttle_seconds(device: TOTPDevice) -> int:
    """Seconds to wait before the device accepts another code (0: now)."""
    allowed, data = device.verify_is_allowed()
    if allowed or not data or "locked_until" not in data:
        return 0
    return max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)


@transaction.atomic
def devices_reset(user) -> int:
    """Remove every authenticator of `user` (a lost phone) and open their enrolment again: they
    enrol a new one at their next sign-in, within MOTCUA_STAFF_OTP_ENROL_DAYS. The admin action
    records who did it (accounts/admin.py)."""
    count, _rows = TOTPDevice.objects.filter(user=user).delete()
    user.otp_enrol_opened_at = now()
    user.save(update_fields=["otp_enrol_opened_at"])
    return count


def provisioning_uri(device: TOTPDevice) -> str:
    return device.config_url


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into the app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The provisioning URI as a QR code, an SVG data URI (the CSP allows `img-src data:`)."""
    return segno.make(provisioning_uri(device), error="m").svg_data_uri(scale=5, border=2)


@receiver(user_logged_in)
def _remember_identifier(sender, request, user, **kwargs):
    """Keep what was typed at the password step: wrong codes count against it."""
    if request is None or not hasattr(request, "session"):
        return
    identifier = identifier_of(request, {"username": user.get_username()})
    if identifier and needed_for(user):
        request.session[IDENTIFIER_SESSION_KEY] = identifier

"""Helpers for staff's two-factor sign-in in tests: an authenticator app's code, a confirmed
device, a session that passed the second step (for tests that sign officers in with
`force_login` while MOTCUA_STAFF_OTP_REQUIRED is on: tests/security, the browser journeys)."""

import base64
import re
from importlib import import_module

from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def code_for_key(key: bytes, drift: int = 0) -> str:
    """The code an authenticator app shows now (`drift` steps of 30 s later)."""
    return f"{totp(key, drift=drift):06d}"


def code_for_secret(secret_text: str, drift: int = 0) -> str:
    """The code for a base32 secret as the enrolment page shows it ("ABCD EFGH …")."""
    secret = re.sub(r"\s+", "", secret_text).upper()
    return code_for_key(base64.b32decode(secret + "=" * (-len(secret) % 8)), drift)


def code_for(device: TOTPDevice, drift: int = 0) -> str:
    return code_for_key(device.bin_key, drift)


def device_for(user) -> TOTPDevice:
    """The person's confirmed authenticator, made when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Thử", confirmed=True)


def verify_session(session_key: str, user) -> None:
    """Mark a signed-in session as having passed the second step, as the code step does."""
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)
    session[DEVICE_ID_SESSION_KEY] = device_for(user).persistent_id
    session.save()


def verify_client(client, user) -> None:
    """`client` (already force_login'ed as `user`) passes the second step."""
    verify_session(client.cookies[settings.SESSION_COOKIE_NAME].value, user)

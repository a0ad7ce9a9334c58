"""Creating, checking and revoking API tokens (the only writes of `ApiToken`)."""

import hashlib
import secrets
from datetime import timedelta

from motcua.api.models import ApiToken
from motcua.core.clock import now

TOKEN_PREFIX = "mc_"
# Recording every use would make each API call a write; a minute's precision is enough to
# see which tokens are alive.
LAST_USED_PRECISION = timedelta(minutes=1)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; returns the row and the token itself, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, key_hash=token_hash(raw), prefix=raw[:10], created_at=now()
    )
    return token, raw


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, raw: str):
    """The active user behind a token, or None (unknown, revoked, or an inactive account)."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=token_hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    instant = now()
    if token.last_used_at is None or instant - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=instant)
    return token.user

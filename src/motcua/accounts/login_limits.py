"""The sign-in rate limit: after MOTCUA_LOGIN_MAX_FAILURES failed attempts for one identifier,
or MOTCUA_LOGIN_MAX_FAILURES_PER_IP from one client address, within MOTCUA_LOGIN_WINDOW_SECONDS,
further attempts are refused without checking the password (password guessing, Decree
13/2023 on protecting personal data: accounts hold a person's ID number and address).

Counters live in the shared Django cache (the database table by default), so every web process
sees the same ones. A window starts at the first failure and is not extended by later ones; a
successful sign-in clears the identifier's counter, not the address's (one office may share an
address, but an attacker could also sign in to their own account to reset it).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import BaseThrottle

from motcua.core.text import fold

_PREFIX = "motcua_login_fail"


@dataclass(frozen=True)
class LoginKeys:
    identifier: str
    address: str


def client_address(request) -> str:
    """The client's IP address, trusting X-Forwarded-For only as far as MOTCUA_NUM_PROXIES
    says (the same rule as the public look-up's limit)."""
    return BaseThrottle().get_ident(request) or "unknown"


def login_keys(request, identifier: str) -> LoginKeys:
    # Hashed: the cache table must not become a list of who tried to sign in.
    folded = fold(identifier).replace(" ", "")
    digest = hashlib.sha256(folded.encode()).hexdigest()[:32]
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return LoginKeys(f"{_PREFIX}_id_{digest}", f"{_PREFIX}_ip_{address}")


def login_blocked(keys: LoginKeys) -> bool:
    counts = cache.get_many([keys.identifier, keys.address])
    return (counts.get(keys.identifier, 0) >= settings.MOTCUA_LOGIN_MAX_FAILURES
            or counts.get(keys.address, 0) >= settings.MOTCUA_LOGIN_MAX_FAILURES_PER_IP)


def login_failure_record(keys: LoginKeys) -> None:
    for key in (keys.identifier, keys.address):
        # add() starts the window only at the first failure; incr() keeps its expiry.
        if not cache.add(key, 1, timeout=settings.MOTCUA_LOGIN_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=settings.MOTCUA_LOGIN_WINDOW_SECONDS)


def login_success_record(keys: LoginKeys) -> None:
    cache.delete(keys.identifier)


def window_minutes() -> int:
    return max(1, round(settings.MOTCUA_LOGIN_WINDOW_SECONDS / 60))

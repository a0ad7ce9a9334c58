"""Facts about an HTTP request that several apps need the same way."""

import ipaddress

from django.http import HttpRequest
from ninja.throttling import BaseThrottle


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, trusting X-Forwarded-For only as far as MOTCUA_NUM_PROXIES
    says (the rule of the public look-up's rate limit, the sign-in lockout and the audit log);
    None when it is not an address."""
    ident = BaseThrottle().get_ident(request)
    try:
        return str(ipaddress.ip_address((ident or "").strip()))
    except ValueError:
        return None

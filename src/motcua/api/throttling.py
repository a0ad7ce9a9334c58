"""Rate limit of the public look-up, per client IP address, kept in the shared Django cache.

The counter must be seen by every web process, so the cache is the database table by default
(settings.CACHES); a process-local cache would multiply the limit by the number of processes.
The client address is the socket's unless MOTCUA_NUM_PROXIES says how many reverse proxies
append to X-Forwarded-For: trusting that header blindly would let anyone reset their limit.
"""

from django.conf import settings
from ninja.throttling import AnonRateThrottle


class LookupThrottle(AnonRateThrottle):
    scope = "lookup"
    cache_format = "motcua_throttle_%(scope)s_%(ident)s"

    def __init__(self):
        super().__init__(settings.MOTCUA_LOOKUP_RATE)

    def allow_request(self, request) -> bool:
        # Read the setting on each call, so a changed setting (and a test) takes effect.
        self.num_requests, self.duration = self.parse_rate(settings.MOTCUA_LOOKUP_RATE)
        return super().allow_request(request)

    def get_cache_key(self, request) -> str:
        # The look-up is public: limit every caller, signed in or not.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

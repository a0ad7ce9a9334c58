"""Rate limit of the public look-up, per client IP address, kept in the shared Django cache.

The counter must be seen by every web process, so the cache is the database table by default
(settings.CACHES); a process-local cache would multiply the limit by the number of processes.
The client address is the socket's unless MOTCUA_NUM_PROXIES says how many reverse proxies
append to X-Forwarded-For: trusting that header blindly would let anyone reset their limit.

A fixed window: MOTCUA_LOOKUP_RATE "30/min" allows 30 look-ups per address in each minute of
the clock, counted under a key that names the window, and a refused caller is told to retry
when the window ends. The count costs one round trip to the cache on Redis (INCR and EXPIRE
in one script, atomic across processes), where ninja's throttle read then rewrote a list of
timestamps in two (issue #8: the look-up is the busiest read). The page /tra-cuu/ counts with
the same class and key, so the page and the API share one budget of guesses.
"""

import threading
import time
import weakref

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.redis import RedisCache
from ninja.throttling import SimpleRateThrottle


class LookupThrottle(SimpleRateThrottle):
    scope = "lookup"
    cache_format = "motcua_throttle_%(scope)s_%(ident)s_%(window)d"
    timer = time.time

    def __init__(self):
        self._rate: tuple[str | None, int | None, int | None] = (None, None, None)
        # ninja keeps one instance per endpoint, shared by the process's threads: what
        # `wait` reports belongs to the request this thread just counted.
        self._counted = threading.local()

    def allow_request(self, request) -> bool:
        # Read the setting on each call, so a changed setting (and a test) takes effect.
        rate = settings.MOTCUA_LOOKUP_RATE
        if rate != self._rate[0]:
            self._rate = (rate, *self.parse_rate(rate))
        _, limit, duration = self._rate
        if limit is None:
            return True
        now = self.timer()
        window = int(now // duration)
        key = self.cache_format % {"scope": self.scope, "ident": self.get_ident(request),
                                   "window": window}
        self._counted.wait = (window + 1) * duration - now
        return _count(caches["default"], key, duration) <= limit

    def wait(self) -> float | None:
        """Seconds until the window that refused the request ends."""
        return getattr(self._counted, "wait", None)


def _count(cache: BaseCache, key: str, timeout: int) -> int:
    """Count one more request under `key`, which expires `timeout` seconds after a count (its
    window is over by then): the number counted so far."""
    if isinstance(cache, RedisCache):
        return _redis_counter(cache)(keys=[cache.make_and_validate_key(key)], args=[timeout])
    if type(cache).incr is not BaseCache.incr:
        # The backend counts atomically (locmem, memcached): add, else increment.
        if cache.add(key, 1, timeout):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between the two calls: a new count
            cache.set(key, 1, timeout)
            return 1
    # The database cache's incr is a read and a write that resets the timeout to the default:
    # read and write here with ours, in fewer statements (`add` would read the key again).
    count = cache.get(key, 0) + 1
    cache.set(key, count, timeout)
    return count


# INCR, and EXPIRE on the first count, in one script: Redis runs it atomically, so a counter
# never outlives its timeout, in one command and one reply (a MULTI/EXEC pipeline of the two
# commands costs four replies and twice the client's CPU). redis-py sends it by its SHA and
# loads it again if the server has lost it.
_COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""
# One script (and its client) per cache connection, kept while that connection lives (its
# pools are its own): Django's RedisCache builds a new client for each command, which cost as
# much CPU as the round trip itself.
_redis_counters: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _redis_counter(cache: RedisCache):
    backend = cache._cache
    counter = _redis_counters.get(backend)
    if counter is None:
        client = backend._client(connection_pool=backend._get_connection_pool(write=True))
        counter = _redis_counters[backend] = client.register_script(_COUNT_SCRIPT)
    return counter

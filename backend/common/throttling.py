import logging
from typing import Any, cast

from django.core.cache import cache
from redis.exceptions import RedisError
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle, SimpleRateThrottle

logger = logging.getLogger(__name__)


def count_in_window(key: str, seconds: int) -> int:
    """Add one to the counter `key` (kept `seconds`) and return it: on Redis one round trip
    (INCR and EXPIRE pipelined); on another cache `add` then `incr`. A Redis that is away
    counts nothing (0): the ceiling is a guard, never a reason to refuse everyone."""
    client = getattr(getattr(cache, "client", None), "get_client", None)
    if client is None:
        cache.add(key, 0, seconds)
        try:
            return int(cache.incr(key))
        except ValueError:  # expired between the two calls
            cache.add(key, 1, seconds)
            return 1
    try:
        pipe = client(write=True).pipeline(transaction=False)
        name = cache.make_key(key)
        pipe.incr(name)
        pipe.expire(name, seconds)
        return int(pipe.execute()[0])
    except (RedisError, OSError):
        logger.warning("rate counter unavailable; request allowed", exc_info=True)
        return 0


class UserOrIpThrottle(SimpleRateThrottle):
    """A generous ceiling for every API call, per person (or per IP when signed out).

    Counted in fixed windows of the rate's period: one counter per person and window, one
    cache round trip per request. (DRF's sliding log reads and writes the whole list of
    request times on every call: 600 floats pickled both ways at the default rate.)
    """

    scope = "user_or_ip"
    wait_seconds: float = 0.0

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        # Set by SimpleRateThrottle.__init__ from the rate (the stubs don't declare them).
        period: int = self.duration  # type: ignore[attr-defined]
        limit: int = self.num_requests  # type: ignore[attr-defined]
        now = self.timer()
        window = int(now // period)
        if count_in_window(f"{self.key}:{window}", period + 1) > limit:
            self.wait_seconds = (window + 1) * period - now
            return False
        return True

    def wait(self) -> float | None:
        return max(self.wait_seconds, 1.0)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if request.user and request.user.is_authenticated:
            ident = str(request.user.pk)
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class ScopedThrottle(ScopedRateThrottle):
    """Per-operation limits: a view names its `throttle_scope`.

    Only writes count, so reading a screen never uses up the right to act.
    """

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return super().allow_request(request, view)


def throttles_with(*extra: type[BaseThrottle]) -> list[type[BaseThrottle]]:
    """The default throttles plus a view's own (`throttle_classes = throttles_with(...)`)."""
    return [
        # The stubs say list of str; DRF has imported them into classes by now.
        *cast(list[type[BaseThrottle]], api_settings.DEFAULT_THROTTLE_CLASSES),
        *extra,
    ]

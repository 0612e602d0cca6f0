from typing import Any, cast

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle, SimpleRateThrottle


class UserOrIpThrottle(SimpleRateThrottle):
    """A generous ceiling for every API call, per person (or per IP when signed out)."""

    scope = "user_or_ip"

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

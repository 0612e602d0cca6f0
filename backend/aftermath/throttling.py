from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from backend.aftermath import conf


class AftermathWriteThrottle(SimpleRateThrottle):
    """Notes and reactions written per person. The rate lives in this app's conf, so
    settings.py needs no new scope; reading never counts."""

    scope = "aftermath_write"

    def get_rate(self) -> str:
        return conf.note_write_rate()

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": str(request.user.pk)}

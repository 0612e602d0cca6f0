from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from backend.checkins.models import Kind


class NudgeThrottle(SimpleRateThrottle):
    """The per-day `nudge` limit, on top of `checkin_create`, counted for nudges only, so
    "thinking of you" can't become a stream."""

    scope = "nudge"

    def allow_request(self, request: Request, view: Any) -> bool:
        data = request.data if request.method == "POST" else None
        if not isinstance(data, dict) or data.get("kind") != Kind.NUDGE:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": str(request.user.pk)}

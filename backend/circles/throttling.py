from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from backend.circles.conf import invite_guess_rate


class InviteGuessThrottle(SimpleRateThrottle):
    """Per-IP ceiling on every look at an invite token (preview, accept, decline), reads
    included, so tokens can't be guessed from one address whoever is signed in."""

    scope = "invite_guess"

    def get_rate(self) -> str:
        return invite_guess_rate()

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

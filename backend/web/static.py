"""WhiteNoise hooks for the built PWA (no Django imports at module level: settings import this)."""

from typing import Any, cast


def add_headers(headers: Any, path: str, url: str) -> None:
    if url in ("/sw.js", "/registerSW.js"):
        # The browser must see a new service worker at once.
        headers["Cache-Control"] = "no-cache"
        headers["Service-Worker-Allowed"] = "/"
    elif url.endswith((".html", ".webmanifest")):
        headers["Cache-Control"] = "no-cache"
    if url.endswith(".html"):
        from django.conf import settings
        from django.utils.csp import build_policy

        headers["Content-Security-Policy"] = build_policy(cast(dict[str, Any], settings.SECURE_CSP))

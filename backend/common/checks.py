"""System checks for what a production deployment must not miss."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches)
def shared_cache_in_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Rate limits, lockouts and throttles count in the cache: a per-process one lets each
    gunicorn worker count on its own (and DummyCache counts nothing)."""
    if not getattr(settings, "PRODUCTION", False):
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Error(
            "Production needs a cache shared by every process for its rate limits.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0).",
            id="shoulder.E001",
        )
    ]

"""Settings of the notifications app, read lazily so `override_settings` applies.

Everything has a default here, so the app needs no lines in `backend/settings.py`;
`settings.SHOULDER[...]` or the environment can override each value.
"""

import os
from datetime import timedelta
from typing import Any

from django.conf import settings

DEFAULT_PUSH_HOSTS = (
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "*.push.services.mozilla.com",
    "*.push.apple.com",
    "*.notify.windows.com",
)

# After attempt n fails with a 5xx or a network error, the next try waits BACKOFF[n-1].
BACKOFF_SECONDS = (30, 120, 600, 3600, 3600)
MAX_ATTEMPTS = 6
# Longest Retry-After we honour (a push service asking for more is treated as this).
MAX_RETRY_AFTER = timedelta(hours=6)
# A delivery still "sending" after this long belongs to a worker that died.
STALE_SENDING_AFTER = timedelta(minutes=5)
# A pending delivery this far past due (and not re-enqueued recently) lost its task.
STALE_PENDING_AFTER = timedelta(minutes=2)
SWEEP_INTERVAL = timedelta(minutes=1)
PUSH_TIMEOUT_SECONDS = 10
DEFAULT_TTL_SECONDS = 12 * 60 * 60
MAX_PAYLOAD_BYTES = 3 * 1024


def _shoulder(name: str, default: Any) -> Any:
    return getattr(settings, "SHOULDER", {}).get(name, default)


def push_hosts() -> tuple[str, ...]:
    """Host patterns push endpoints may point at; `*.example.com` matches subdomains only."""
    configured = _shoulder("PUSH_HOSTS", None)
    if configured is None and os.environ.get("PUSH_HOSTS"):
        configured = os.environ["PUSH_HOSTS"].split(",")
    if configured is None:
        return DEFAULT_PUSH_HOSTS
    return tuple(h.strip().lower() for h in configured if h.strip())


def is_production() -> bool:
    return bool(getattr(settings, "PRODUCTION", False))

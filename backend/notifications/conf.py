"""Knobs and limits of the notifications app; the knobs live in `settings.SHOULDER` and are
read on each call, so `override_settings` applies."""

from datetime import timedelta

from django.conf import settings

from backend.common.conf import shoulder_duration, shoulder_setting

# After attempt n fails with a 5xx or a network error, the next try waits BACKOFF[n-1].
BACKOFF_SECONDS = (30, 120, 600, 3600, 3600)
MAX_ATTEMPTS = 6
# Longest Retry-After we honour (a push service asking for more is treated as this).
MAX_RETRY_AFTER = timedelta(hours=6)
# A pending delivery this far past due (and not re-enqueued recently) lost its task.
STALE_PENDING_AFTER = timedelta(minutes=2)
SWEEP_INTERVAL = timedelta(minutes=1)
RETENTION_INTERVAL = timedelta(hours=1)
PUSH_TIMEOUT_SECONDS = 10
# A notify() call's deliveries go out as one task per this many devices (a reach-out to 11
# friends: one task), encrypted and sent side by side by a pool of this many threads per
# worker process (shared by its task threads), so a batch takes about one send's time.
PUSH_BATCH_SIZE = 16
PUSH_SEND_THREADS = 16
DEFAULT_TTL_SECONDS = 12 * 60 * 60
MAX_PAYLOAD_BYTES = 3 * 1024
# The task queue of what may wake someone (asks, and the pushes that follow them); it has a
# worker of its own, so these never wait behind bulk work in the default queue.
ASKS_QUEUE = "asks"


def stale_sending_after() -> timedelta:
    """A delivery still "sending" after this long belongs to a worker that died."""
    return shoulder_duration("PUSH_STALE_SENDING_AFTER")


def push_hosts() -> tuple[str, ...]:
    """Host patterns push endpoints may point at; `*.example.com` matches subdomains only."""
    return tuple(h.strip().lower() for h in shoulder_setting("PUSH_HOSTS") if h.strip())


def vapid_setting(name: str) -> str:
    """`PRIVATE_KEY`, `PUBLIC_KEY` or `SUBJECT`: empty when not configured."""
    return str(shoulder_setting(f"VAPID_{name}") or "").strip()


def is_production() -> bool:
    return bool(getattr(settings, "PRODUCTION", False))

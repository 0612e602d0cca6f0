"""Settings of the check-ins app, read lazily from `settings.SHOULDER` (so `override_settings`
applies) with defaults here; settings.py needs no lines. Durations may be given as a
`timedelta` or as a number of seconds."""

from datetime import datetime, timedelta

from django.conf import settings

# How far ahead a "check on me later" may be set.
SCHEDULE_MAX_AHEAD = timedelta(days=7)
# Aftercare never comes sooner than this after the session closed.
AFTERCARE_MIN_DELAY = timedelta(hours=6)
SWEEP_INTERVAL = timedelta(minutes=1)
MESSAGE_MAX = 280
ETA_MAX_MINUTES = 240
IDEMPOTENCY_KEY_MAX = 64
# Pushes about a check-in stay useful for about as long as the check-in stays open.
PUSH_TTL_SECONDS = 12 * 60 * 60


def _shoulder(name: str, default: object) -> object:
    return getattr(settings, "SHOULDER", {}).get(name, default)


def _duration(name: str, default: timedelta) -> timedelta:
    value = _shoulder(name, default)
    if isinstance(value, timedelta):
        return value
    return timedelta(seconds=float(str(value)))


def nobody_answered_after() -> timedelta:
    """After this long with no answer (other than "can't right now"), the requester is
    gently offered another circle and the crisis resources."""
    return _duration("NOBODY_ANSWERED_AFTER", timedelta(minutes=10))


def expire_after() -> timedelta:
    """An open or answered check-in nobody closed expires this long after it opened."""
    return _duration("EXPIRE_AFTER", timedelta(hours=12))


def cancel_until(activated_at: datetime | None) -> datetime | None:
    """Until when the requester may still take an asking check-in back (None: not asking yet)."""
    return None if activated_at is None else activated_at + cancel_window()


def cancel_window() -> timedelta:
    """How long after sending the requester may still take a check-in back."""
    return _duration("CANCEL_WINDOW", timedelta(minutes=2))


def aftercare_hour() -> int:
    """Local hour (in each helper's timezone) of the "How are you after that?" push."""
    return int(str(_shoulder("AFTERCARE_HOUR", 9)))

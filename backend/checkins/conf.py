"""Knobs and limits of the check-ins app. The knobs live in `settings.SHOULDER` and are read
on each call (so `override_settings` applies); durations may be given as a `timedelta` or
as a number of seconds."""

from datetime import datetime, timedelta

from backend.common.conf import shoulder_duration, shoulder_setting

# Aftercare never comes sooner than this after the session closed.
AFTERCARE_MIN_DELAY = timedelta(hours=6)
SWEEP_INTERVAL = timedelta(minutes=1)
MESSAGE_MAX = 280
# The one short line a requester adds during a session ("door's open").
UPDATE_MAX = 140
ETA_MAX_MINUTES = 240
IDEMPOTENCY_KEY_MAX = 64
# Pushes about a check-in stay useful for about as long as the check-in stays open.
PUSH_TTL_SECONDS = 12 * 60 * 60


def schedule_max_ahead() -> timedelta:
    """How far ahead a "check on me later" may be set."""
    return shoulder_duration("SCHEDULE_MAX_AHEAD")


def nobody_answered_after() -> timedelta:
    """After this long with no answer (other than "can't right now"), the requester is
    gently offered another circle and the crisis resources."""
    return shoulder_duration("NOBODY_ANSWERED_AFTER")


def expire_after() -> timedelta:
    """An open or answered check-in nobody closed expires this long after it opened."""
    return shoulder_duration("EXPIRE_AFTER")


def cancel_until(activated_at: datetime | None) -> datetime | None:
    """Until when the requester may still take an asking check-in back (None: not asking yet)."""
    return None if activated_at is None else activated_at + cancel_window()


def cancel_window() -> timedelta:
    """How long after sending the requester may still take a check-in back."""
    return shoulder_duration("CANCEL_WINDOW")


def aftercare_hour() -> int:
    """Local hour (in each helper's timezone) of the "How are you after that?" push."""
    return int(shoulder_setting("AFTERCARE_HOUR"))


def scheduled_max_pending() -> int:
    """How many "check on me later"s one person may have waiting at once."""
    return int(shoulder_setting("SCHEDULED_MAX_PENDING"))


def scheduled_min_spacing() -> timedelta:
    """The least time between the scheduled times of one person's waiting check-on-mes."""
    return shoulder_duration("SCHEDULED_MIN_SPACING")


def nudges_per_recipient_per_day() -> int:
    """Nudges one person receives in 24 hours, from everyone together."""
    return int(shoulder_setting("NUDGES_PER_RECIPIENT_PER_DAY"))


NUDGE_WINDOW = timedelta(days=1)

"""Knobs and limits of the circles app; the knobs live in `settings.SHOULDER`."""

from backend.common.conf import shoulder_setting


def circle_max_members() -> int:
    return int(shoulder_setting("CIRCLE_MAX_MEMBERS"))


def invite_guess_rate() -> str:
    """Per-IP ceiling on invite previews/answers, against token guessing."""
    return str(shoulder_setting("INVITE_GUESS_RATE"))


def site_url() -> str:
    return str(shoulder_setting("SITE_URL")).rstrip("/")


INVITE_DEFAULT_EXPIRY_DAYS = 7
INVITE_MAX_EXPIRY_DAYS = 30
INVITE_MAX_USES = 50
INVITE_MESSAGE_MAX = 280

"""App settings, read from `settings.SHOULDER` with defaults (settings.py is not ours to edit)."""

from django.conf import settings


def _shoulder(name: str, default: object) -> object:
    return getattr(settings, "SHOULDER", {}).get(name, default)


def circle_max_members() -> int:
    return int(str(_shoulder("CIRCLE_MAX_MEMBERS", 12)))


def invite_guess_rate() -> str:
    """Per-IP ceiling on invite previews/answers, against token guessing."""
    return str(_shoulder("INVITE_GUESS_RATE", "60/hour"))


def site_url() -> str:
    return str(getattr(settings, "SITE_URL", "http://127.0.0.1:8000")).rstrip("/")


INVITE_DEFAULT_EXPIRY_DAYS = 7
INVITE_MAX_EXPIRY_DAYS = 30
INVITE_MAX_USES = 50
INVITE_MESSAGE_MAX = 280

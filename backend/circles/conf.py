"""Knobs and limits of the circles app; the knobs live in `settings.SHOULDER`."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from backend.common.conf import shoulder_duration, shoulder_setting


def circle_max_members() -> int:
    return int(shoulder_setting("CIRCLE_MAX_MEMBERS"))


def invite_guess_rate() -> str:
    """Per-IP ceiling on invite previews/answers, against token guessing."""
    return str(shoulder_setting("INVITE_GUESS_RATE"))


def invite_emails_per_day() -> int:
    return int(shoulder_setting("INVITE_EMAILS_PER_DAY"))


def invite_message_min_account_age() -> timedelta:
    return shoulder_duration("INVITE_MESSAGE_MIN_ACCOUNT_AGE")


INVITE_EMAIL_WINDOW = timedelta(days=1)
INVITE_EMAIL_SUBJECT = _("You're invited to a circle on Shoulder")


def site_url() -> str:
    return str(shoulder_setting("SITE_URL")).rstrip("/")


INVITE_DEFAULT_EXPIRY_DAYS = 7
INVITE_MAX_EXPIRY_DAYS = 30
INVITE_MAX_USES = 50
INVITE_MESSAGE_MAX = 280

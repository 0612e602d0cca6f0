"""The one way code reads Shoulder's knobs: `shoulder_setting("NAME")`.

Every knob is declared once, with its default, in `settings.SHOULDER` (backend/settings.py);
it is read on each call, so pytest-django's `settings` fixture and `override_settings` apply.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def shoulder_setting(name: str) -> Any:
    try:
        return settings.SHOULDER[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"settings.SHOULDER has no {name!r}: declare it, with its default, in settings.py."
        ) from None


def shoulder_duration(name: str) -> timedelta:
    """A duration knob, given as a `timedelta` or as a number of seconds."""
    value = shoulder_setting(name)
    if isinstance(value, timedelta):
        return value
    return timedelta(seconds=float(str(value)))

"""Settings of the aftermath app, read lazily from `settings.SHOULDER` with defaults here, so
settings.py needs no lines."""

from django.conf import settings

BODY_MAX = 2000


def note_write_rate() -> str:
    """Writes of notes and reactions per person (DRF rate syntax)."""
    return str(getattr(settings, "SHOULDER", {}).get("AFTERMATH_WRITE_RATE", "120/hour"))

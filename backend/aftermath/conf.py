"""Knobs and limits of the aftermath app; the knobs live in `settings.SHOULDER`."""

from backend.common.conf import shoulder_setting

BODY_MAX = 2000


def note_write_rate() -> str:
    """Writes of notes and reactions per person (DRF rate syntax)."""
    return str(shoulder_setting("AFTERMATH_WRITE_RATE"))

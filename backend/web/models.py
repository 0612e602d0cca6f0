import re

from django.core.exceptions import ValidationError
from django.db import models

from backend.common.models import BaseModel

INTERNATIONAL = "international"
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def validate_region(value: str) -> None:
    if value != INTERNATIONAL and not _COUNTRY.match(value):
        raise ValidationError(
            "Use a two-letter country code in capitals (GB, US, ES…) or 'international'.",
            code="invalid_region",
        )


class CrisisResource(BaseModel):
    """A line on the "Need help right now?" page; edited by admins. The defaults are rows
    too (migration 0003, from crisis_resources.json, which the PWA bundles offline)."""

    name = models.CharField(max_length=120)
    region = models.CharField(
        max_length=13,
        default=INTERNATIONAL,
        validators=[validate_region],
        help_text="Where it applies: a country code (ISO 3166-1, e.g. GB, US, ES) or "
        "'international' for what works anywhere.",
    )
    language = models.CharField(
        max_length=8, default="en", help_text="The language it answers in, e.g. en, es, fr."
    )
    is_emergency = models.BooleanField(
        default=False,
        help_text="The emergency number of its region: shown first, and always shown "
        "(the built-in one stands in if none is active).",
    )
    description = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    text = models.CharField(max_length=80, blank=True, help_text="How to reach it by text/SMS.")
    url = models.URLField(blank=True)
    position = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ("position", "name")

    def __str__(self) -> str:
        return f"{self.name} ({self.region})"

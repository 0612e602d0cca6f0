from django.db import models

from backend.common.models import BaseModel


class CrisisResource(BaseModel):
    """A line on the "Need help right now?" page; edited by admins."""

    name = models.CharField(max_length=120)
    region = models.CharField(
        max_length=80, help_text="Where it applies, e.g. 'United States' or 'Worldwide'."
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

"""Aftermath notes: what the people who were there write after a session, and gentle
reactions to them. Who may read a note is decided in one place (`selectors.note_visible_to`)."""

from typing import ClassVar

from django.conf import settings
from django.db import models

from backend.aftermath.conf import BODY_MAX
from backend.checkins.models import CheckIn
from backend.common.models import BaseModel
from backend.common.versions import TrackedQuerySet


class Audience(models.TextChoices):
    PARTICIPANTS = "participants", "Just us"
    CIRCLE = "circle", "The whole circle"


class ReactionKind(models.TextChoices):
    HUG = "hug", "Hug"
    TEARS = "tears", "Tears"
    ME_TOO = "me_too", "Me too"
    HEART = "heart", "Heart"


class AftermathNote(BaseModel):
    """Deleting a note deletes the row (and its reactions): the text is gone everywhere at
    once. A report keeps its own snapshot of what was reported."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="aftermath_notes"
    )
    body = models.CharField(max_length=BODY_MAX)
    audience = models.CharField(
        max_length=12, choices=Audience.choices, default=Audience.PARTICIPANTS
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    # A hidden note is shown to nobody.
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = TrackedQuerySet.as_manager()

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(condition=~models.Q(body=""), name="note_body_not_empty"),
        ]
        indexes: ClassVar = [
            models.Index(fields=["checkin", "created_at"], name="note_checkin_created"),
        ]

    def __str__(self) -> str:
        # Never the body: this string can end up in logs and admin pages.
        return f"Note {self.pk} on {self.checkin_id}"


class Reaction(BaseModel):
    """One reaction per person per note; reacting again replaces it."""

    note = models.ForeignKey(AftermathNote, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="note_reactions"
    )
    kind = models.CharField(max_length=8, choices=ReactionKind.choices)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["note", "user"], name="reaction_once_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.note_id}"

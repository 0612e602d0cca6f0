"""Reports, the append-only audit log of moderation actions, strikes and appeals.

Every state is a timestamp plus an actor, never a bare boolean; evidence (a report's snapshot,
an action's label) is copied at write time, so it still reads after the target is edited or
gone. See `services.py` for the one place that writes them.
"""

import datetime as dt
from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.common.models import BaseModel
from backend.moderation import conf


class TargetType(models.TextChoices):
    NOTE = "note", _("Note")
    CHECKIN = "checkin", _("Check-in message")
    USER = "user", _("Person")
    CIRCLE = "circle", _("Circle")


class Category(models.TextChoices):
    HARASSMENT = "harassment", _("Harassment or bullying")
    HATE = "hate", _("Hate")
    SEXUAL = "sexual", _("Sexual content")
    SPAM = "spam", _("Spam")
    SELF_HARM_CONCERN = "self_harm_concern", _("Worried they may hurt themselves")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed")


class ActionKind(models.TextChoices):
    DISMISS = "dismiss", "Dismiss"
    HIDE_CONTENT = "hide_content", "Hide content"
    RESTORE_CONTENT = "restore_content", "Restore content"
    WARN = "warn", "Warn"
    SUSPEND = "suspend", "Suspend"
    UNSUSPEND = "unsuspend", "Unsuspend"
    BAN = "ban", "Ban"
    OWNER_REMOVE_NOTE = "owner_remove_note", "Circle owner removed a note"
    OWNER_REMOVE_MEMBER = "owner_remove_member", "Circle owner removed a member"
    APPEAL_APPROVED = "appeal_approved", "Appeal approved"
    APPEAL_REJECTED = "appeal_rejected", "Appeal rejected"


class StrikeKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    SUSPENSION = "suspension", _("Suspension")
    BAN = "ban", _("Ban")


class AppealDecision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Report(BaseModel):
    """Someone's report of a note, a check-in's message, a person or a circle."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="reports_made",
    )
    target_type = models.CharField(max_length=8, choices=TargetType.choices)
    target_id = models.UUIDField()
    # The person the report is about (author, requester, the person, the circle's owner).
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports_about",
    )
    target_label = models.CharField(max_length=conf.LABEL_MAX)
    snapshot = models.TextField(blank=True)
    category = models.CharField(max_length=20, choices=Category.choices)
    details = models.CharField(max_length=conf.DETAILS_MAX, blank=True)
    # A self-harm concern goes first in the queue.
    urgent = models.BooleanField(default=False)

    status = models.CharField(max_length=10, choices=ReportStatus.choices, default="open")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(max_length=20, blank=True)
    outcome_text = models.CharField(max_length=conf.OUTCOME_TEXT_MAX, blank=True)

    class Meta:
        constraints: ClassVar = [
            # Reporting the same thing again while it is open answers the same report.
            models.UniqueConstraint(
                fields=["reporter", "target_type", "target_id"],
                condition=Q(status="open"),
                name="report_open_once_per_reporter",
            ),
        ]
        indexes: ClassVar = [
            models.Index(fields=["status", "-urgent", "created_at"], name="report_queue"),
            models.Index(fields=["target_type", "target_id"], name="report_target"),
            models.Index(fields=["reporter", "-created_at"], name="report_reporter_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.target_label}"


class AppendOnlyQuerySet(models.QuerySet[Any]):
    """The audit log is written once: no bulk updates or deletes through the ORM."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise TypeError("The moderation log is append-only.")

    def delete(self) -> NoReturn:
        raise TypeError("The moderation log is append-only.")


class ModerationAction(BaseModel):
    """One entry of the append-only audit log."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="moderation_actions",
    )
    actor_label = models.CharField(max_length=conf.LABEL_MAX)
    action = models.CharField(max_length=20, choices=ActionKind.choices)
    target_type = models.CharField(max_length=8, choices=TargetType.choices)
    target_id = models.UUIDField()
    target_label = models.CharField(max_length=conf.LABEL_MAX)
    reason = models.CharField(max_length=conf.REASON_MAX, blank=True)
    reports = models.ManyToManyField(Report, blank=True, related_name="actions")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["target_type", "target_id"], name="action_target"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.target_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("The moderation log is append-only.")


class Strike(BaseModel):
    """What a person is told was done about their words or conduct, and why."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="strikes"
    )
    kind = models.CharField(max_length=10, choices=StrikeKind.choices)
    reason = models.CharField(max_length=conf.REASON_MAX)
    snapshot = models.TextField(blank=True)
    target_label = models.CharField(max_length=conf.LABEL_MAX, blank=True)
    action = models.ForeignKey(ModerationAction, on_delete=models.PROTECT, related_name="strikes")
    suspended_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["person", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def appeal_until(self) -> dt.datetime:
        return self.created_at + conf.APPEAL_WINDOW


class Appeal(BaseModel):
    """A person's one appeal of a strike; a moderator approves (the action is reversed) or
    rejects it."""

    strike = models.OneToOneField(Strike, on_delete=models.CASCADE, related_name="appeal")
    text = models.CharField(max_length=conf.APPEAL_TEXT_MAX)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision = models.CharField(max_length=10, choices=AppealDecision.choices, blank=True)
    decision_reason = models.CharField(max_length=conf.REASON_MAX, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(condition=~Q(text=""), name="appeal_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"Appeal of {self.strike}"

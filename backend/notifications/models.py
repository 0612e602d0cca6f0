import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models

from backend.common.models import BaseModel
from backend.notifications.validators import (
    validate_auth_secret,
    validate_p256dh,
    validate_push_endpoint,
)


class PushSubscription(BaseModel):
    """One device (browser profile) that agreed to receive this person's notifications."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=2048, unique=True, validators=[validate_push_endpoint])
    p256dh = models.CharField(max_length=128, validators=[validate_p256dh])
    auth = models.CharField(max_length=64, validators=[validate_auth_secret])
    expiration_time = models.DateTimeField(null=True, blank=True)
    user_agent = models.CharField(max_length=512, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    failure_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.endpoint[:60]


class Urgency(models.TextChoices):
    VERY_LOW = "very-low"
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class Notification(BaseModel):
    """What one person is told, once, whatever number of devices they have."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    payload = models.JSONField()
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    ttl = models.PositiveIntegerField()
    tag = models.CharField(max_length=64)
    circle_id = models.UUIDField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"
    GONE = "gone"
    # A re-send nobody wants any more (the check-in it asked for ended meanwhile).
    CANCELLED = "cancelled"


class Delivery(BaseModel):
    """One notification to one device: the source of truth for sending it exactly once.

    The task queue has no retries and forgets tasks whose worker died, so every send is
    claimed here with a guarded UPDATE, and the sweep re-enqueues what is overdue.
    """

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscription = models.ForeignKey(
        PushSubscription,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    enqueued_at = models.DateTimeField(null=True, blank=True)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    gone_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["notification", "subscription"], name="delivery_once_per_device"
            )
        ]
        indexes: ClassVar = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.status} ({self.attempts} attempts)"


class NotificationPreference(BaseModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    quiet_hours_enabled = models.BooleanField(default=False)
    quiet_hours_start = models.TimeField(default=datetime.time(22, 0))
    quiet_hours_end = models.TimeField(default=datetime.time(7, 0))
    reach_outs_break_quiet_hours = models.BooleanField(default=True)
    # When a friend asks and no push can reach this person (no device, or it failed): email.
    email_when_push_fails = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Notification settings of {self.user_id}"


class CircleLevel(models.TextChoices):
    """How much one person hears from one circle; the circles app stores each person's."""

    ALL = "all"
    REACH_OUTS = "reach_outs"
    MUTED = "muted"

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from backend.common.models import BaseModel
from backend.notifications.models import CircleLevel


class Circle(BaseModel):
    """A small group of trusted friends. Who owns it lives on `Membership.role`."""

    name = models.CharField(max_length=60)
    approval_required = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class Membership(BaseModel):
    """A person currently in a circle. Leaving or removal deletes the row and writes a
    `Departure`, so `Membership` always means "is in the circle right now"."""

    class Role(models.TextChoices):
        OWNER = "owner", "Owner"
        MEMBER = "member", "Member"

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(default=timezone.now)
    # How much this person hears from this circle (`notify()` honours it).
    notification_level = models.CharField(
        max_length=12, choices=CircleLevel.choices, default=CircleLevel.ALL
    )

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["circle", "user"], name="membership_unique"),
            models.UniqueConstraint(
                fields=["circle"], condition=Q(role="owner"), name="membership_one_owner"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.circle} ({self.role})"


class Departure(BaseModel):
    """Someone left or was removed; kept so an invite made before a removal can't re-add them."""

    class Reason(models.TextChoices):
        LEFT = "left", "Left"
        REMOVED = "removed", "Removed"

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="departures")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_departures"
    )
    reason = models.CharField(max_length=10, choices=Reason.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        indexes: ClassVar = [models.Index(fields=["circle", "user"])]

    def __str__(self) -> str:
        return f"{self.user} {self.reason} {self.circle}"


class Invite(BaseModel):
    """The token is shown once; only its sha256 hex digest is stored."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"
        USED_UP = "used_up", "Used up"

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="invites")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invites_created"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField()
    max_uses = models.PositiveSmallIntegerField(default=1)
    use_count = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=280, blank=True)
    email = models.EmailField(blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(use_count__lte=F("max_uses")), name="invite_uses_within_max"
            ),
            models.CheckConstraint(condition=Q(max_uses__gte=1), name="invite_max_uses_positive"),
        ]

    def __str__(self) -> str:
        return f"Invite to {self.circle} ({self.status})"

    @property
    def status(self) -> "Invite.Status":
        if self.revoked_at is not None:
            return Invite.Status.REVOKED
        if self.use_count >= self.max_uses:
            return Invite.Status.USED_UP
        if self.expires_at <= timezone.now():
            return Invite.Status.EXPIRED
        return Invite.Status.ACTIVE


class InviteAcceptance(BaseModel):
    """Who used an invite, and when (`created_at`). One row per use."""

    invite = models.ForeignKey(Invite, on_delete=models.CASCADE, related_name="acceptances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invite_acceptances"
    )

    def __str__(self) -> str:
        return f"{self.user} accepted {self.invite_id}"


class InviteDecline(BaseModel):
    """A person said no to an invite. Nobody is told."""

    invite = models.ForeignKey(Invite, on_delete=models.CASCADE, related_name="declines")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invite_declines"
    )

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["invite", "user"], name="invite_decline_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} declined {self.invite_id}"


class JoinRequest(BaseModel):
    """Accepting an invite to a circle with `approval_required` asks the owner first."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    invite = models.ForeignKey(
        Invite, on_delete=models.SET_NULL, null=True, blank=True, related_name="join_requests"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["circle", "user"],
                condition=Q(status="pending"),
                name="join_request_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} asks to join {self.circle} ({self.status})"


class Block(BaseModel):
    """`blocker` blocked `blocked`. Checked in both directions (see selectors.are_blocked)."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_unique"),
            models.CheckConstraint(condition=~Q(blocker=F("blocked")), name="block_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.blocker} blocked {self.blocked}"

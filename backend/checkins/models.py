"""Check-ins: reach-outs, "check on me later" and nudges, who was asked, and their answers.

State is a status plus timestamps and actors, never a bare boolean. The transitions live in
`services.py`; the time-driven ones (activation, nobody answered, expiry, aftercare) in
`transitions.py`, driven by the timestamps here: whether each is due is one QuerySet method
below, used by the per-row guarded UPDATE and by the sweep alike.
"""

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from backend.checkins import conf
from backend.checkins.conf import ETA_MAX_MINUTES, IDEMPOTENCY_KEY_MAX, MESSAGE_MAX, UPDATE_MAX
from backend.circles.models import Circle
from backend.common.models import BaseModel
from backend.common.versions import TrackedQuerySet


class Kind(models.TextChoices):
    REACH_OUT = "reach_out", "Reach out"
    CHECK_ON_ME = "check_on_me", "Check on me later"
    NUDGE = "nudge", "Thinking of you"


class Mode(models.TextChoices):
    COME_OVER = "come_over", "Come over"
    CALL = "call", "Call"
    TEXT = "text", "Text"
    SIT_WITH_ME = "sit_with_me", "Sit with me"


class Status(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    OPEN = "open", "Open"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"
    EXPIRED = "expired", "Expired"
    CANCELLED = "cancelled", "Cancelled"


ACTIVE_STATUSES = (Status.OPEN, Status.ANSWERED)


class Answer(models.TextChoices):
    ON_MY_WAY = "on_my_way", "On my way"
    CALLING = "calling", "Calling you now"
    TEXTING = "texting", "Texting you"
    CANT_RIGHT_NOW = "cant_right_now", "Can't right now — sending love"
    OKAY = "okay", "I'm okay"
    HEAVY = "heavy", "It's heavy"
    NEED_YOU = "need_you", "I need you"


ANSWERS_FOR_KIND: dict[str, tuple[str, ...]] = {
    Kind.REACH_OUT: (Answer.ON_MY_WAY, Answer.CALLING, Answer.TEXTING, Answer.CANT_RIGHT_NOW),
    Kind.CHECK_ON_ME: (Answer.ON_MY_WAY, Answer.CALLING, Answer.TEXTING, Answer.CANT_RIGHT_NOW),
    Kind.NUDGE: (Answer.OKAY, Answer.HEAVY, Answer.NEED_YOU),
}
# "Can't right now" is a kind answer, but it doesn't mean someone is there.
NOT_THERE_ANSWERS = (Answer.CANT_RIGHT_NOW,)


class CheckInQuerySet(TrackedQuerySet):
    """When each time-driven transition is due (see `transitions.py`)."""

    def due_activation(self, now: dt.datetime) -> "CheckInQuerySet":
        """A check-on-me whose time has come."""
        return self.filter(status=Status.SCHEDULED, scheduled_for__lte=now)

    def nobody_answered_due(self, now: dt.datetime) -> "CheckInQuerySet":
        """Still OPEN (no answer but "can't right now") NOBODY_ANSWERED_AFTER after it started
        asking, and the requester not told yet. Nudges are only a question."""
        return self.filter(
            kind__in=(Kind.REACH_OUT, Kind.CHECK_ON_ME),
            status=Status.OPEN,
            nobody_answered_at__isnull=True,
            activated_at__lte=now - conf.nobody_answered_after(),
        )

    def expire_due(self, now: dt.datetime) -> "CheckInQuerySet":
        """Open or answered, and nobody closed it within EXPIRE_AFTER of it starting to ask."""
        return self.filter(status__in=ACTIVE_STATUSES, activated_at__lte=now - conf.expire_after())


class CheckIn(BaseModel):
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins_made"
    )
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="checkins")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    mode = models.CharField(max_length=12, choices=Mode.choices, blank=True)
    no_need_to_explain = models.BooleanField(default=False)
    just_listen = models.BooleanField(default=False)
    silence_ok = models.BooleanField(default=False)
    message = models.CharField(max_length=MESSAGE_MAX, blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    # One short line the requester adds during the session, for everyone asked.
    update_line = models.CharField(max_length=UPDATE_MAX, blank=True)
    update_line_at = models.DateTimeField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=IDEMPOTENCY_KEY_MAX, blank=True)
    # A reach-out sent back to the sender of a nudge ("I need you"), or to the person one was
    # there for ("I could use someone too", see `mutual.py`).
    in_reply_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # When it started asking (creation, or the scheduled time for a check-on-me).
    activated_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    nobody_answered_at = models.DateTimeField(null=True, blank=True)
    # "Ask them again": the requester re-pinged the people who haven't answered (once).
    asked_again_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expired_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Set by moderation: the message is shown to nobody (the check-in itself stays).
    message_hidden_at = models.DateTimeField(null=True, blank=True)
    message_hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = CheckInQuerySet.as_manager()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["requester", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="checkin_idempotency_key_unique",
            ),
            # One open reach-out per person; also holds under concurrent requests.
            models.UniqueConstraint(
                fields=["requester"],
                condition=Q(kind="reach_out", status__in=["open", "answered"]),
                name="checkin_one_open_reach_out",
            ),
            models.CheckConstraint(
                condition=Q(kind="check_on_me", scheduled_for__isnull=False)
                | (~Q(kind="check_on_me") & Q(scheduled_for__isnull=True)),
                name="checkin_scheduled_for_check_on_me_only",
            ),
        ]
        indexes: ClassVar = [
            models.Index(fields=["status", "scheduled_for"], name="checkin_due_activation"),
            models.Index(fields=["status", "activated_at"], name="checkin_due_by_activation"),
            models.Index(fields=["requester", "-created_at"], name="checkin_requester_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.status} ({self.pk})"


class AudienceMember(BaseModel):
    """One person asked, as chosen when the check-in was made (a snapshot)."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="audience")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins_asked"
    )
    # Asked through another circle the requester shares with them (the check-in widened past
    # its own circle); empty for the people of the check-in's circle. They see it while they
    # are still in this circle (`selectors.in_session_circle`).
    via_circle = models.ForeignKey(
        Circle, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The push that asked them (notifications.Notification id); delivery status is read
    # from its deliveries, so the notifications app never writes here.
    notification_id = models.UUIDField(null=True, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)
    # They put its card away on their home (a nudge's "reach out to them?" prompt).
    dismissed_at = models.DateTimeField(null=True, blank=True)

    objects = TrackedQuerySet.as_manager()
    # No push could reach them (no device, or every delivery failed): the ask went by email.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["checkin", "user"], name="audience_member_unique"),
        ]
        indexes: ClassVar = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} asked in {self.checkin_id}"


class ResponseQuerySet(TrackedQuerySet):
    def aftercare_due(self, now: dt.datetime) -> "ResponseQuerySet":
        """Helpers whose "How are you after that?" is due and not sent yet (the unset
        `aftercare_sent_at` is also the exactly-once guard of sending it)."""
        return self.filter(
            checkin__status=Status.CLOSED,
            aftercare_sent_at__isnull=True,
            aftercare_due_at__lte=now,
        )


class Response(BaseModel):
    """The current answer of one asked person; answering again replaces it."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="responses")
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_responses"
    )
    answer = models.CharField(max_length=16, choices=Answer.choices)
    eta_minutes = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(ETA_MAX_MINUTES)],
    )
    message = models.CharField(max_length=MESSAGE_MAX, blank=True)
    # When `eta_minutes` counts from: set when the ETA (or the answer) changes, not when only
    # the message does, so "around 02:25" stays put.
    eta_from = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # "How are you after that?": due the morning after the session closed, in their timezone.
    aftercare_due_at = models.DateTimeField(null=True, blank=True)
    aftercare_sent_at = models.DateTimeField(null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["checkin", "responder"], name="response_once"),
        ]
        indexes: ClassVar = [
            models.Index(fields=["aftercare_due_at"], name="response_aftercare_due"),
        ]

    def __str__(self) -> str:
        return f"{self.answer} from {self.responder_id}"


# --- two-way sessions ------------------------------------------------------------------------


class ShareStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"  # "Of course": the session is mutual
    DECLINED = "declined", "Declined"  # "Let it be": quietly, nobody is told
    ENDED = "ended", "Ended"  # the friend left the circle (or was removed)


class ShareOffer(BaseModel):
    """ "Can I share too?": a friend who showed up asks to share something of their own in
    the same session; once the requester answers "Of course" the session is mutual and the
    friend's needs (the same three as a check-in's) are shown to both of them. One per friend
    per check-in; the requester's answer (by rule, the only one who answers) is a timestamp."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="share_offers")
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_offers"
    )
    status = models.CharField(
        max_length=10, choices=ShareStatus.choices, default=ShareStatus.PENDING
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    no_need_to_explain = models.BooleanField(default=False)
    just_listen = models.BooleanField(default=False)
    silence_ok = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["checkin", "offered_by"], name="share_offer_once"),
        ]
        indexes: ClassVar = [models.Index(fields=["offered_by", "status"])]

    def __str__(self) -> str:
        return f"share offer {self.status} from {self.offered_by_id} in {self.checkin_id}"

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.models import User
from backend.notifications import conf
from backend.notifications.models import (
    Delivery,
    DeliveryStatus,
    NotificationPreference,
    PushSubscription,
)


def notification_preference_get(*, user: User) -> dict[str, Any]:
    """This person's quiet hours (the stored ones, or the defaults)."""
    preference = NotificationPreference.objects.filter(user=user).first() or (
        NotificationPreference(user=user)
    )
    return {
        "quiet_hours": {
            "enabled": preference.quiet_hours_enabled,
            "start": preference.quiet_hours_start,
            "end": preference.quiet_hours_end,
        },
        "reach_outs_break_quiet_hours": preference.reach_outs_break_quiet_hours,
        "email_when_push_fails": preference.email_when_push_fails,
    }


def deliveries_overdue(due_before: datetime) -> str | None:
    """Readiness: a push that should have gone out before `due_before` and did not (nothing
    ran it, or the send it was in never finished)."""
    pending = Delivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lt=due_before
    ).exists()
    stuck = Delivery.objects.filter(
        status=DeliveryStatus.SENDING,
        sending_started_at__lt=due_before - conf.stale_sending_after(),
    ).exists()
    if pending or stuck:
        return "Push notifications are overdue: is the task worker running?"
    return None


def email_fallback_user_ids(user_ids: Iterable[UUID]) -> set[UUID]:
    """Of these people, those no push can reach (no device at all) who haven't turned the
    email fallback off."""
    ids = set(user_ids)
    with_device = set(
        PushSubscription.objects.filter(user_id__in=ids).values_list("user_id", flat=True)
    )
    opted_out = set(
        NotificationPreference.objects.filter(
            user_id__in=ids, email_when_push_fails=False
        ).values_list("user_id", flat=True)
    )
    return ids - with_device - opted_out


def email_fallback_opted_out(user_ids: Iterable[UUID]) -> set[UUID]:
    return set(
        NotificationPreference.objects.filter(
            user_id__in=set(user_ids), email_when_push_fails=False
        ).values_list("user_id", flat=True)
    )

from datetime import datetime
from typing import Any

from backend.accounts.models import User
from backend.notifications import conf
from backend.notifications.models import Delivery, DeliveryStatus, NotificationPreference


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

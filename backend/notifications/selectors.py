from typing import Any

from backend.accounts.models import User
from backend.notifications.models import NotificationPreference


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

import uuid
from typing import Any

from backend.accounts.models import User
from backend.notifications.models import CircleNotificationSetting, NotificationPreference


def circle_names(circle_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Names of these circles as the person sees them.

    Empty until the circles app exists; the lead wires it to Membership/Circle (one query).
    """
    return {}


def notification_settings_get(*, user: User) -> dict[str, Any]:
    preference = NotificationPreference.objects.filter(user=user).first() or (
        NotificationPreference(user=user)
    )
    rows = list(
        CircleNotificationSetting.objects.filter(user=user).order_by("created_at", "circle_id")
    )
    names = circle_names([row.circle_id for row in rows])
    return {
        "quiet_hours": {
            "enabled": preference.quiet_hours_enabled,
            "start": preference.quiet_hours_start,
            "end": preference.quiet_hours_end,
        },
        "reach_outs_break_quiet_hours": preference.reach_outs_break_quiet_hours,
        "circles": [
            {"circle": {"id": row.circle_id, "name": names.get(row.circle_id)}, "level": row.level}
            for row in rows
        ],
    }

import uuid
from typing import Any

from backend.accounts.models import User
from backend.notifications.models import CircleNotificationSetting, NotificationPreference


def my_circle_names(*, user: User) -> dict[uuid.UUID, str]:
    """The circles this person is in now, by id (one query)."""
    from backend.circles.models import Membership

    rows = Membership.objects.filter(user=user).order_by("joined_at")
    return dict(rows.values_list("circle_id", "circle__name"))


def notification_settings_get(*, user: User) -> dict[str, Any]:
    preference = NotificationPreference.objects.filter(user=user).first() or (
        NotificationPreference(user=user)
    )
    names = my_circle_names(user=user)
    levels = dict(
        CircleNotificationSetting.objects.filter(user=user, circle_id__in=names).values_list(
            "circle_id", "level"
        )
    )
    return {
        "quiet_hours": {
            "enabled": preference.quiet_hours_enabled,
            "start": preference.quiet_hours_start,
            "end": preference.quiet_hours_end,
        },
        "reach_outs_break_quiet_hours": preference.reach_outs_break_quiet_hours,
        # Every circle I am in, at its stored level or the default "all".
        "circles": [
            {"circle": {"id": circle_id, "name": name}, "level": levels.get(circle_id, "all")}
            for circle_id, name in names.items()
        ],
    }

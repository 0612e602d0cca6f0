from typing import Any

from django.db import migrations, models


def copy_levels(apps: Any, schema_editor: Any) -> None:
    """Each person's per-circle level, until now kept by the notifications app."""
    Setting = apps.get_model("notifications", "CircleNotificationSetting")
    Membership = apps.get_model("circles", "Membership")
    for user_id, circle_id, level in Setting.objects.exclude(level="all").values_list(
        "user_id", "circle_id", "level"
    ):
        Membership.objects.filter(user_id=user_id, circle_id=circle_id).update(
            notification_level=level
        )


def copy_levels_back(apps: Any, schema_editor: Any) -> None:
    Setting = apps.get_model("notifications", "CircleNotificationSetting")
    Membership = apps.get_model("circles", "Membership")
    for user_id, circle_id, level in Membership.objects.exclude(
        notification_level="all"
    ).values_list("user_id", "circle_id", "notification_level"):
        Setting.objects.update_or_create(
            user_id=user_id, circle_id=circle_id, defaults={"level": level}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("circles", "0001_initial"),
        ("notifications", "0002_periodic_schedule_moves_to_common"),
    ]
    # The old table goes only once its rows are copied here.
    run_before = [("notifications", "0003_circle_levels_move_to_memberships")]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="notification_level",
            field=models.CharField(
                choices=[("all", "All"), ("reach_outs", "Reach Outs"), ("muted", "Muted")],
                default="all",
                max_length=12,
            ),
        ),
        migrations.RunPython(copy_levels, copy_levels_back),
    ]

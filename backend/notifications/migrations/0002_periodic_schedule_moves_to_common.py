from typing import Any

from django.db import migrations

# What the old single table's magic row numbers meant.
OLD_ROWS = {1: "notifications.sweep", 2: "checkins.sweep"}


def copy_rows(apps: Any, schema_editor: Any) -> None:
    SweepSchedule = apps.get_model("notifications", "SweepSchedule")
    PeriodicSchedule = apps.get_model("common", "PeriodicSchedule")
    for row in SweepSchedule.objects.filter(pk__in=OLD_ROWS):
        PeriodicSchedule.objects.update_or_create(
            name=OLD_ROWS[row.pk],
            defaults={"next_run_at": row.next_run_at, "last_run_at": row.last_run_at},
        )


def copy_back(apps: Any, schema_editor: Any) -> None:
    SweepSchedule = apps.get_model("notifications", "SweepSchedule")
    PeriodicSchedule = apps.get_model("common", "PeriodicSchedule")
    for pk, name in OLD_ROWS.items():
        row = PeriodicSchedule.objects.filter(name=name).first()
        if row is not None:
            SweepSchedule.objects.update_or_create(
                pk=pk, defaults={"next_run_at": row.next_run_at, "last_run_at": row.last_run_at}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("common", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_rows, copy_back),
        migrations.DeleteModel(name="SweepSchedule"),
    ]

"""The "Moderators" group: the queue and what it needs, nothing else (no circles, notes or
check-ins, no people's accounts, no MFA secrets)."""

from typing import Any

from django.db import migrations

GROUP = "Moderators"
PERMISSIONS = (
    "view_report",
    "change_report",
    "view_moderationaction",
    "view_strike",
    "view_appeal",
    "change_appeal",
)


def create_group(apps: Any, schema_editor: Any) -> None:
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; this group needs them now.
    app_config = apps.get_app_config("moderation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="moderation", codename__in=PERMISSIONS)
    )


def remove_group(apps: Any, schema_editor: Any) -> None:
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]

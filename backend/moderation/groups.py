"""The "Moderators" group: the queue and what it needs, nothing else (no circles, notes or
check-ins, no people's accounts, no MFA secrets).

Kept after every migrate (and after the test runner's flush) by a post_migrate hook, the
way Django keeps its own permissions: the group is configuration, not data."""

from typing import Any

from django.contrib.auth.models import Group, Permission

MODERATORS = "Moderators"
PERMISSIONS = (
    "view_report",
    "change_report",
    "view_moderationaction",
    "view_strike",
    "view_appeal",
    "change_appeal",
)


def moderators_group_ensure(**_: Any) -> Group:
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="moderation", codename__in=PERMISSIONS)
    )
    return group

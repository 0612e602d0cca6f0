"""A moderator for the browser tests. Transactional tests flush every table afterwards, so the
"Moderators" group its data migration made may be gone; it is put back the same way."""

import importlib
from typing import Any

from django.contrib.auth.models import Group, Permission

from backend.accounts.models import User
from tests.common.helpers import add_totp

_migration = importlib.import_module("backend.moderation.migrations.0002_moderators_group")


def make_moderator(make_user: Any, email: str = "mod@example.com") -> tuple[User, str]:
    """Staff in the Moderators group with TOTP; returns the person and the TOTP secret."""
    group, _ = Group.objects.get_or_create(name=_migration.GROUP)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="moderation", codename__in=_migration.PERMISSIONS
        )
    )
    moderator = make_user(display_name="Mod", email=email, is_staff=True)
    moderator.groups.add(group)
    secret = add_totp(moderator)
    return User.objects.get(pk=moderator.pk), secret

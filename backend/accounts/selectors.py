"""Reads of accounts shared by the apps above."""

from collections.abc import Iterable
from uuid import UUID

from django.db.models import Q
from django.utils import timezone

from backend.accounts.models import User


def restricted() -> Q:
    """People a moderator suspended (until a time still to come) or banned (deactivated):
    left out of audiences and pushes, silently, like a block."""
    return Q(is_active=False) | Q(is_suspended_until__gt=timezone.now())


def restricted_user_ids(user_ids: Iterable[UUID]) -> set[UUID]:
    return set(
        User.objects.filter(restricted(), pk__in=list(user_ids)).values_list("pk", flat=True)
    )

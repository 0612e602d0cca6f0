"""Reads of accounts shared by the apps above."""

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db.models import Q
from django.utils import timezone

from backend.accounts.models import User, public_name
from backend.accounts.permissions import suspended_until


def restricted() -> Q:
    """People a moderator suspended (until a time still to come) or banned (deactivated):
    left out of audiences and pushes, silently, like a block."""
    return Q(is_active=False) | Q(is_suspended_until__gt=timezone.now())


def restricted_user_ids(user_ids: Iterable[UUID]) -> set[UUID]:
    return set(
        User.objects.filter(restricted(), pk__in=list(user_ids)).values_list("pk", flat=True)
    )


# --- read models: plain dicts the hot reads answer with (the API's `Person` shape) ---------


def person(user_id: UUID | None, display_name: str | None) -> dict[str, Any] | None:
    """`{id, display_name}` from two columns (None when there is nobody)."""
    if user_id is None:
        return None
    return {"id": user_id, "display_name": public_name(display_name)}


def me_read(user: User) -> dict[str, Any]:
    """`GET /api/v1/me/` from the person already loaded with the session (no query)."""
    until = suspended_until(user)
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "timezone": user.timezone,
        "language": user.language,
        "phone": user.phone,
        "date_joined": user.date_joined,
        "suspended_until": until,
        "standing": "suspended" if until else "good",
    }

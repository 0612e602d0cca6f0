from uuid import UUID

from rest_framework.exceptions import NotFound

from backend.accounts.models import User
from backend.moderation.models import Strike


def access_strike(user: User, strike_id: UUID) -> Strike:
    """Only the person a strike is about sees it."""
    strike = Strike.objects.filter(person=user, pk=strike_id).select_related("appeal").first()
    if strike is None:
        raise NotFound("There is no such strike on your account.")
    return strike

from typing import Any

from backend.accounts.models import User
from backend.checkins import errors
from backend.checkins.models import CheckIn
from backend.checkins.selectors import checkin_base, visible_to


def access_checkin(user: User, checkin_id: Any) -> CheckIn:
    """The one gate to a check-in: the requester, or a friend who was asked, is still in the
    circle and not in a block relation with the requester. Anyone else gets 404."""
    checkin = checkin_base().filter(visible_to(user), pk=checkin_id).first()
    if checkin is None:
        raise errors.not_found()
    return checkin

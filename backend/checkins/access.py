from typing import Any

from backend.accounts.models import User
from backend.checkins import errors
from backend.checkins.models import CheckIn
from backend.checkins.selectors import Row, checkin_base, checkin_read, visible_to


def access_checkin(user: User, checkin_id: Any) -> CheckIn:
    """The one gate to a check-in: the requester, or a friend who was asked, is still in the
    circle and not in a block relation with the requester. Anyone else gets 404."""
    checkin = checkin_base().filter(visible_to(user), pk=checkin_id).first()
    if checkin is None:
        raise errors.not_found()
    return checkin


def access_checkin_read(user: User, checkin_id: Any) -> Row:
    """The same gate, answering the full read model (`selectors.full_reads`)."""
    row = checkin_read(checkin_id=checkin_id, viewer=user)
    if row is None:
        raise errors.not_found()
    return row

"""The gates of the aftermath app: 404 for anything the user may not see."""

from typing import Any

from django.utils.translation import gettext

from backend.accounts.models import User
from backend.aftermath import errors
from backend.aftermath.models import AftermathNote
from backend.aftermath.selectors import (
    note_list_for_user,
    session_base,
    session_open_to,
    session_visible_to,
)
from backend.checkins.models import CheckIn


def access_note(user: User, note_id: Any) -> AftermathNote:
    """The one gate to a note: whoever may read it (see `selectors.note_visible_to`)."""
    note = note_list_for_user(user=user).filter(pk=note_id).first()
    if note is None:
        raise errors.not_found(gettext("There is no such note, or it isn't yours to see."))
    return note


def _no_session() -> Exception:
    return errors.not_found(gettext("There is no such check-in, or it isn't yours to see."))


def access_session(user: User, checkin_id: Any) -> CheckIn:
    """A check-in's notes page: for those who were there and are still in its circle, and for
    circle members who can read one of its circle-wide notes."""
    checkin = session_base().filter(session_visible_to(user), pk=checkin_id).first()
    if checkin is None:
        raise _no_session()
    return checkin


def access_session_id(user: User, checkin_id: Any) -> Any:
    """`access_session` where only the gate matters (reading the notes)."""
    if not session_open_to(user=user, checkin_id=checkin_id):
        raise _no_session()
    return checkin_id

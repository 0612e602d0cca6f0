"""The gates of the aftermath app: 404 for anything the user may not see."""

from typing import Any

from django.db.models import Exists, OuterRef

from backend.accounts.models import User
from backend.aftermath import errors
from backend.aftermath.models import AftermathNote
from backend.aftermath.selectors import note_list_for_user, session_base, session_visible_to
from backend.checkins.models import CheckIn
from backend.circles.models import Membership
from backend.circles.selectors import blocked_with


def access_note(user: User, note_id: Any) -> AftermathNote:
    """The one gate to a note: whoever may read it (see `selectors.note_visible_to`)."""
    note = note_list_for_user(user=user).filter(pk=note_id).first()
    if note is None:
        raise errors.not_found("There is no such note, or it isn't yours to see.")
    return note


def access_session(user: User, checkin_id: Any) -> CheckIn:
    """A check-in's notes page: for those who were there and are still in its circle, and for
    circle members who can read one of its circle-wide notes."""
    checkin = session_base().filter(session_visible_to(user), pk=checkin_id).first()
    if checkin is None:
        raise errors.not_found("There is no such check-in, or it isn't yours to see.")
    return checkin


def access_person(user: User, person_id: Any) -> User:
    """Someone who shares a circle with `user` right now and is in no block relation with
    them (never `user` themself)."""
    shares_a_circle = Exists(
        Membership.objects.filter(
            user_id=OuterRef("pk"),
            circle_id__in=Membership.objects.filter(user_id=user.pk).values("circle_id"),
        )
    )
    person = (
        User.objects.filter(shares_a_circle, pk=person_id, is_active=True)
        .exclude(pk=user.pk)
        .exclude(blocked_with(user, OuterRef("pk")))
        .first()
    )
    if person is None:
        raise errors.not_found("There is no such person among your circles.")
    return person

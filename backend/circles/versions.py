"""Who sees a change to a person, a circle and what belongs to it (backend.common.versions).

A person's name and standing show wherever they appear: to everyone who shares a circle with
them. A circle's rows show to its members (and to the person a row is about, who may have just
left it). A block changes what both people see of each other.
"""

from typing import Any

from backend.accounts.models import User
from backend.circles.models import (
    Block,
    Circle,
    Departure,
    Invite,
    InviteAcceptance,
    InviteDecline,
    JoinRequest,
    Membership,
)
from backend.common.versions import track
from backend.notifications.models import NotificationPreference


def circle_members(circle_id: Any) -> list[Any]:
    return list(Membership.objects.filter(circle_id=circle_id).values_list("user_id", flat=True))


def person_and_circle_mates(user_id: Any) -> set[Any]:
    """This person and everyone in a circle with them."""
    mates = Membership.objects.filter(circle__memberships__user_id=user_id).values_list(
        "user_id", flat=True
    )
    return {user_id, *mates}


def _in_circle(row: Any) -> list[Any]:
    return [*circle_members(row.circle_id), getattr(row, "user_id", None)]


def _invite_answer(row: InviteAcceptance | InviteDecline) -> list[Any]:
    invite = Invite.objects.filter(pk=row.invite_id).values_list("circle_id", "created_by_id")
    people: list[Any] = [row.user_id]
    for circle_id, created_by in invite:
        people += [created_by, *circle_members(circle_id)]
    return people


def track_circles() -> None:
    # A sign-in writes last_login (and a rehash the password): nobody sees those.
    track(
        User,
        lambda user: person_and_circle_mates(user.pk),
        unseen_fields=frozenset({"last_login", "password"}),
    )
    track(Circle, lambda circle: circle_members(circle.pk))
    for model in (Membership, Departure, Invite, JoinRequest):
        track(model, _in_circle)
    for answer in (InviteAcceptance, InviteDecline):
        track(answer, _invite_answer)
    track(Block, lambda block: [block.blocker_id, block.blocked_id])
    track(NotificationPreference, lambda preference: [preference.user_id])

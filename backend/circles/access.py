"""The gates of the circles app: 404 `not_found` for anything the user may not see."""

from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext

from backend.accounts.models import User
from backend.circles.errors import not_found, owner_only
from backend.circles.models import Circle, Invite, JoinRequest, Membership
from backend.circles.selectors import blocked_with, shares_or_shared_a_circle


def access_circle(user: User, circle_id: UUID, *, owner: bool = False) -> Circle:
    """The one gate to a circle: 404 unless `user` is in it; 403 `owner_only` when the
    operation is the owner's and `user` is just a member (members know the circle exists)."""
    membership = (
        Membership.objects.select_related("circle")
        .filter(circle_id=circle_id, user_id=user.pk)
        .first()
    )
    if membership is None:
        raise not_found(gettext("There is no such circle, or you're not in it."))
    if owner and membership.role != Membership.Role.OWNER:
        raise owner_only()
    return membership.circle


def access_invite(user: User, circle_id: UUID, invite_id: UUID) -> Invite:
    """An invite of a circle `user` owns."""
    circle = access_circle(user, circle_id, owner=True)
    invite = Invite.objects.filter(circle=circle, pk=invite_id).first()
    if invite is None:
        raise not_found(gettext("There is no such invite in this circle."))
    return invite


def access_join_request(user: User, circle_id: UUID, request_id: UUID) -> JoinRequest:
    """A join request to a circle `user` owns."""
    circle = access_circle(user, circle_id, owner=True)
    join_request = (
        JoinRequest.objects.select_related("user", "decided_by")
        .filter(circle=circle, pk=request_id)
        .first()
    )
    if join_request is None:
        raise not_found(gettext("There is no such request in this circle."))
    return join_request


def access_person(user: User, person_id: Any, *, blocked_too: bool = False) -> User:
    """Someone who shares a circle with `user` right now and is in no block relation with
    them (never `user` themself). With `blocked_too`, a block doesn't hide them: for a page
    that answers "nothing here" across a block, so the blocked person can't tell."""
    shares_a_circle = Exists(
        Membership.objects.filter(
            user_id=OuterRef("pk"),
            circle_id__in=Membership.objects.filter(user_id=user.pk).values("circle_id"),
        )
    )
    people = User.objects.filter(shares_a_circle, pk=person_id, is_active=True).exclude(pk=user.pk)
    if not blocked_too:
        people = people.exclude(blocked_with(user, OuterRef("pk")))
    person = people.first()
    if person is None:
        raise not_found(gettext("There is no such person among your circles."))
    return person


def access_blockable_person(user: User, person_id: Any) -> User:
    """Someone `user` may block: anyone who is or was in a circle with them (themself too,
    for the service to refuse). Anyone else, 404 with no name, so a block can't be used to
    look people up by id."""
    if person_id == user.pk:
        return user
    person = User.objects.filter(
        shares_or_shared_a_circle(user, OuterRef("pk")), pk=person_id
    ).first()
    if person is None:
        raise not_found(gettext("There is no such person among your circles."))
    return person

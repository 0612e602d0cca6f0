"""What a report or an action is about: found through the reporter's own gates (404 for what
they can't see), or, for moderators, directly. Each target gives a readable label and a
snapshot of its words, copied at write time."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound

from backend.accounts.models import User, public_name_lazy
from backend.aftermath.access import access_note
from backend.aftermath.models import AftermathNote
from backend.checkins.access import access_checkin
from backend.checkins.models import CheckIn
from backend.circles.access import access_circle
from backend.circles.models import Circle, Membership
from backend.common.i18n import Words, lazy_date
from backend.moderation.models import TargetType


@dataclass(frozen=True)
class Target:
    type: str
    id: UUID
    label: Words  # rendered in the language of whoever it is stored for
    snapshot: str
    person: User | None  # whom an action on it lands on
    obj: Any


def _of_note(note: AftermathNote) -> Target:
    author = note.author
    label = format_lazy(
        _("Note by {name}, {date}"),
        name=public_name_lazy(author.display_name),
        date=lazy_date(note.created_at),
    )
    return Target(TargetType.NOTE, note.pk, label, note.body, author, note)


def _of_checkin(checkin: CheckIn) -> Target:
    who = checkin.requester
    label = format_lazy(
        _("Check-in message by {name}, {date}"),
        name=public_name_lazy(who.display_name),
        date=lazy_date(checkin.created_at),
    )
    return Target(TargetType.CHECKIN, checkin.pk, label, checkin.message, who, checkin)


def _of_user(person: User) -> Target:
    label = format_lazy(_("Person: {name}"), name=public_name_lazy(person.display_name))
    return Target(TargetType.USER, person.pk, label, "", person, person)


def _of_circle(circle: Circle) -> Target:
    owner = User.objects.filter(
        memberships__circle=circle, memberships__role=Membership.Role.OWNER
    ).first()
    return Target(
        TargetType.CIRCLE,
        circle.pk,
        format_lazy(_("Circle: {name}"), name=circle.name),
        circle.name,
        owner,
        circle,
    )


def _access_person(user: User, person_id: Any) -> User:
    """Someone who shares a circle with `user` right now (blocks don't hide them here: one
    can report the person one has just blocked)."""
    shares_a_circle = Exists(
        Membership.objects.filter(
            user_id=OuterRef("pk"),
            circle_id__in=Membership.objects.filter(user_id=user.pk).values("circle_id"),
        )
    )
    person = (
        User.objects.filter(shares_a_circle, pk=person_id, is_active=True)
        .exclude(pk=user.pk)
        .first()
    )
    if person is None:
        raise NotFound("There is no such person among your circles.")
    return person


def target_for_reporter(user: User, target_type: str, target_id: UUID) -> Target:
    """What `user` can see, or 404."""
    if target_type == TargetType.NOTE:
        return _of_note(access_note(user, target_id))
    if target_type == TargetType.CHECKIN:
        return _of_checkin(access_checkin(user, target_id))
    if target_type == TargetType.USER:
        return _of_user(_access_person(user, target_id))
    if target_type == TargetType.CIRCLE:
        return _of_circle(access_circle(user, target_id))
    raise NotFound("There is no such thing to report.")


def target_for_moderator(target_type: str, target_id: UUID) -> Target | None:
    """The target as it is now, hidden or not; None when it is gone."""
    if target_type == TargetType.NOTE:
        note = AftermathNote.objects.select_related("author").filter(pk=target_id).first()
        return _of_note(note) if note else None
    if target_type == TargetType.CHECKIN:
        checkin = CheckIn.objects.select_related("requester").filter(pk=target_id).first()
        return _of_checkin(checkin) if checkin else None
    if target_type == TargetType.USER:
        person = User.objects.filter(pk=target_id).first()
        return _of_user(person) if person else None
    if target_type == TargetType.CIRCLE:
        circle = Circle.objects.filter(pk=target_id).first()
        return _of_circle(circle) if circle else None
    return None

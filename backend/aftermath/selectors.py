"""Reads of aftermath notes. Who may read a note is one WHERE (`note_visible_to`), used by
the gate, the lists and the timelines alike; reactions and authors come prefetched, so no
list grows its query count with its rows.

A note is readable by its author, and by someone who
- is in the circle of its check-in right now,
- is a participant of the session (the requester, or a friend who answered with anything but
  "can't right now"), or the note's audience is `circle`,
- is in no block relation with the note's author nor with the session's requester,
and nobody reads a hidden note.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote, Audience, Reaction
from backend.checkins.models import CheckIn, Kind, ShareOffer, ShareStatus, Status
from backend.checkins.selectors import showed_up
from backend.circles.models import Membership
from backend.circles.selectors import blocked_with

# Sessions are reach-outs and check-on-mes that came to an end; a nudge is a question, and a
# cancelled check-in was taken back before anyone came.
SESSION_KINDS = (Kind.REACH_OUT, Kind.CHECK_ON_ME)
OVER_STATUSES = (Status.CLOSED, Status.EXPIRED)


def _member(user: User, circle: Any) -> Exists:
    return Exists(Membership.objects.filter(circle_id=circle, user_id=user.pk))


def note_visible_to(user: User) -> Q:
    """The notes `user` may read (for an `AftermathNote` queryset)."""
    participant = Q(checkin__requester_id=user.pk) | Q(showed_up(user, OuterRef("checkin_id")))
    others = Q(
        _member(user, OuterRef("checkin__circle_id")),
        Q(audience=Audience.CIRCLE) | participant,
        ~blocked_with(user, OuterRef("author_id")),
        ~blocked_with(user, OuterRef("checkin__requester_id")),
    )
    return Q(hidden_at__isnull=True) & (Q(author_id=user.pk) | others)


def participant_in(user: User) -> Q:
    """Check-ins (a `CheckIn` queryset) where `user` was there."""
    return Q(requester_id=user.pk) | Q(showed_up(user, OuterRef("pk")))


def session_visible_to(user: User) -> Q:
    """Check-ins whose notes page `user` may open: they are in its circle now, in no block
    relation with its requester, and either were there or can read a note of it."""
    return Q(
        _member(user, OuterRef("circle_id")),
        ~blocked_with(user, OuterRef("requester_id")),
        ~Q(status=Status.SCHEDULED) | Q(requester_id=user.pk),
        participant_in(user) | Q(_has_visible_note(user)),
    )


def _has_visible_note(user: User) -> Exists:
    return Exists(AftermathNote.objects.filter(note_visible_to(user), checkin_id=OuterRef("pk")))


def reactions_prefetch(viewer: User) -> Prefetch[str]:
    """Reactions of people still in the note's circle; the viewer doesn't see reactions of
    people they are in a block relation with."""
    queryset = (
        Reaction.objects.select_related("user")
        .filter(
            Exists(
                Membership.objects.filter(
                    circle_id=OuterRef("note__checkin__circle_id"), user_id=OuterRef("user_id")
                )
            )
        )
        .exclude(blocked_with(viewer, OuterRef("user_id")))
        .order_by("created_at", "pk")
    )
    return Prefetch("reactions", queryset=queryset)


def note_list_for_user(*, user: User) -> QuerySet[AftermathNote]:
    return (
        AftermathNote.objects.filter(note_visible_to(user))
        .select_related("author")
        .prefetch_related(reactions_prefetch(user))
    )


def note_list_for_checkin(*, checkin: CheckIn, user: User) -> QuerySet[AftermathNote]:
    return note_list_for_user(user=user).filter(checkin=checkin)


def session_base() -> QuerySet[CheckIn]:
    return CheckIn.objects.select_related("requester", "circle")


def is_participant(*, checkin: CheckIn, user: User) -> bool:
    return CheckIn.objects.filter(participant_in(user), pk=checkin.pk).exists()


def _moments(user: User) -> QuerySet[CheckIn]:
    """Sessions that are over and have at least one note `user` may read, each with only
    those notes (oldest first, like a conversation) prefetched as its `notes`."""
    notes = note_list_for_user(user=user).order_by("created_at", "pk")
    return (
        session_base()
        .filter(
            session_visible_to(user),
            _has_visible_note(user),
            kind__in=SESSION_KINDS,
            status__in=OVER_STATUSES,
        )
        .prefetch_related(Prefetch("notes", queryset=notes), _shared_with(user))
    )


def _shared_with(user: User) -> Prefetch[str]:
    """The friends whose "Can I share too?" was answered "Of course" (two-way sessions), as
    `accepted_shares`; none across a block with `user`."""
    offers = (
        ShareOffer.objects.filter(status=ShareStatus.ACCEPTED)
        .exclude(blocked_with(user, OuterRef("offered_by_id")))
        .select_related("offered_by")
        .order_by("accepted_at", "pk")
    )
    return Prefetch("share_offers", queryset=offers, to_attr="accepted_shares")


def moments_for_circle(*, circle_id: UUID, user: User) -> QuerySet[CheckIn]:
    return _moments(user).filter(circle_id=circle_id)


def moments_with_person(*, person: User, user: User) -> QuerySet[CheckIn]:
    """Sessions both `user` and `person` were there for; none across a block."""
    return (
        _moments(user)
        .filter(participant_in(user), participant_in(person))
        .exclude(blocked_with(user, person.pk))
    )


@dataclass(frozen=True)
class NoteView:
    """A note as one reader sees it: what the serializers read."""

    note: AftermathNote
    my_reaction: str | None
    can_edit: bool


@dataclass(frozen=True)
class MomentView:
    """A session that is over, with the notes the viewer may read. `shared_with`: in a
    two-way session, the friends who shared too (one moment together, never a tally)."""

    session: CheckIn
    ended_at: dt.datetime | None
    notes: list[NoteView]
    shared_with: list[User]


def note_views(notes: Iterable[AftermathNote], viewer: User) -> list[NoteView]:
    """From the prefetched reactions (no queries)."""
    views = []
    for note in notes:
        mine = next((r.kind for r in note.reactions.all() if r.user_id == viewer.pk), None)
        views.append(NoteView(note=note, my_reaction=mine, can_edit=note.author_id == viewer.pk))
    return views


def moment_views(sessions: Iterable[CheckIn], viewer: User) -> list[MomentView]:
    """From sessions of `moments_for_circle` / `moments_with_person` (notes prefetched)."""
    return [
        MomentView(
            session=session,
            ended_at=session.closed_at or session.expired_at,
            notes=note_views(session.notes.all(), viewer),
            shared_with=[offer.offered_by for offer in getattr(session, "accepted_shares", [])],
        )
        for session in sessions
    ]

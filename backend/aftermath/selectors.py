"""Reads of aftermath notes. Who may read a note is one WHERE (`note_visible_to`), used by
the gate, the lists and the timelines alike; reactions and authors come prefetched, so no
list grows its query count with its rows.

A note is readable by its author, and by someone who
- is in the circle of its check-in right now (or was asked in it through another circle
  they are still in),
- is a participant of the session (the requester, or a friend who answered with anything but
  "can't right now"), or the note's audience is `circle`,
- is in no block relation with the note's author nor with the session's requester,
and nobody reads a hidden note.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from backend.accounts.models import User
from backend.accounts.selectors import person
from backend.aftermath.models import AftermathNote, Audience, Reaction
from backend.checkins.models import CheckIn, Kind, ShareOffer, ShareStatus, Status
from backend.checkins.selectors import in_session_circle, showed_up
from backend.circles.selectors import blocked_with
from backend.common.compiled import Paged, compiled

# Sessions are reach-outs and check-on-mes that came to an end; a nudge is a question, and a
# cancelled check-in was taken back before anyone came.
SESSION_KINDS = (Kind.REACH_OUT, Kind.CHECK_ON_ME)
OVER_STATUSES = (Status.CLOSED, Status.EXPIRED)


def note_visible_to(user: User) -> Q:
    """The notes `user` may read (for an `AftermathNote` queryset)."""
    participant = Q(checkin__requester_id=user.pk) | Q(showed_up(user, OuterRef("checkin_id")))
    others = Q(
        in_session_circle(user, OuterRef("checkin_id"), OuterRef("checkin__circle_id")),
        Q(audience=Audience.CIRCLE) | participant,
        ~blocked_with(user, OuterRef("author_id")),
        ~blocked_with(user, OuterRef("checkin__requester_id")),
    )
    return Q(hidden_at__isnull=True) & (Q(author_id=user.pk) | others)


def _note_visible_in_session(user: User) -> Q:
    """`note_visible_to` for notes of a session already known to be visible to `user` (in its
    circle now, in no block relation with its requester): the same notes, without asking
    those two again for every note. Half the SQL to build and plan on the hot reads."""
    participant = Q(checkin__requester_id=user.pk) | Q(showed_up(user, OuterRef("checkin_id")))
    others = Q(
        Q(audience=Audience.CIRCLE) | participant, ~blocked_with(user, OuterRef("author_id"))
    )
    return Q(hidden_at__isnull=True) & (Q(author_id=user.pk) | others)


def participant_in(user: User) -> Q:
    """Check-ins (a `CheckIn` queryset) where `user` was there."""
    return Q(requester_id=user.pk) | Q(showed_up(user, OuterRef("pk")))


def session_visible_to(user: User) -> Q:
    """Check-ins whose notes page `user` may open: they are in its circle now, in no block
    relation with its requester, and either were there or can read a note of it."""
    return Q(
        in_session_circle(user, OuterRef("pk"), OuterRef("circle_id")),
        ~blocked_with(user, OuterRef("requester_id")),
        ~Q(status=Status.SCHEDULED) | Q(requester_id=user.pk),
        participant_in(user) | Q(_has_visible_note(user)),
    )


def _has_visible_note(user: User) -> Exists:
    """Only ever ANDed with the session's own gate (in its circle, no block with its
    requester), so the notes' shorter condition is the same set."""
    return Exists(
        AftermathNote.objects.filter(_note_visible_in_session(user), checkin_id=OuterRef("pk"))
    )


def reactions_prefetch(viewer: User) -> Prefetch[str]:
    """Reactions of people still in the note's circle; the viewer doesn't see reactions of
    people they are in a block relation with."""
    queryset = (
        Reaction.objects.select_related("user")
        .filter(
            in_session_circle(
                OuterRef("user_id"),
                OuterRef("note__checkin_id"),
                OuterRef("note__checkin__circle_id"),
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


def session_base() -> QuerySet[CheckIn]:
    return CheckIn.objects.select_related("requester", "circle")


def is_participant(*, checkin: CheckIn, user: User) -> bool:
    return CheckIn.objects.filter(participant_in(user), pk=checkin.pk).exists()


def _moment_sessions(user: User) -> QuerySet[CheckIn]:
    """Sessions that are over and have at least one note `user` may read:
    `session_visible_to` with what is implied left out (an over session is not scheduled, and
    a readable note is the second half of its "was there or can read a note")."""
    return CheckIn.objects.filter(
        in_session_circle(user, OuterRef("pk"), OuterRef("circle_id")),
        ~blocked_with(user, OuterRef("requester_id")),
        _has_visible_note(user),
        kind__in=SESSION_KINDS,
        status__in=OVER_STATUSES,
    )


@dataclass(frozen=True)
class NoteView:
    """A note as one reader sees it: what the serializers read."""

    note: AftermathNote
    my_reaction: str | None
    can_edit: bool


def note_views(notes: Iterable[AftermathNote], viewer: User) -> list[NoteView]:
    """From the prefetched reactions; one query when the viewer wrote any of them: an author
    can edit only while still in the note's circle (`services.note_update`)."""
    notes = list(notes)
    own = [n.checkin_id for n in notes if n.author_id == viewer.pk]
    still_in = (
        set(
            CheckIn.objects.filter(
                in_session_circle(viewer, OuterRef("pk"), OuterRef("circle_id")), pk__in=own
            ).values_list("pk", flat=True)
        )
        if own
        else set()
    )
    views = []
    for note in notes:
        mine = next((r.kind for r in note.reactions.all() if r.user_id == viewer.pk), None)
        can_edit = note.author_id == viewer.pk and note.checkin_id in still_in
        views.append(NoteView(note=note, my_reaction=mine, can_edit=can_edit))
    return views


# --- read models for the hot reads -----------------------------------------------------------
# The notes page and "our moments" answer plain dicts from `values()` rows (the shapes of
# `AftermathNoteSerializer` / `AftermathMomentSerializer`, which document them; the tests hold
# the two the same). To add a field: name its column below and put it in the builder.

NOTE_COLUMNS = (
    "id",
    "checkin_id",
    "author_id",
    "author__display_name",
    "body",
    "audience",
    "created_at",
    "edited_at",
)
SESSION_COLUMNS = (
    "id",
    "kind",
    "circle_id",
    "circle__name",
    "requester_id",
    "requester__display_name",
    "created_at",
    "closed_at",
    "expired_at",
)
Row = dict[str, Any]


_session_open_to = compiled(
    lambda user_id, checkin_id: CheckIn.objects.filter(
        session_visible_to(User(pk=user_id)), pk=checkin_id
    ).values("pk")
)


def session_open_to(*, user: User, checkin_id: Any) -> bool:
    """`session_visible_to` for one check-in (the notes page's gate; compiled once)."""
    return bool(_session_open_to.rows(user.pk, checkin_id))


_session_note_rows = compiled(
    lambda user_id, checkin_id: AftermathNote.objects.filter(
        _note_visible_in_session(User(pk=user_id)), checkin_id=checkin_id
    ).values(*NOTE_COLUMNS)
)


def note_rows_for_checkin(*, checkin_id: Any, user: User) -> Paged:
    """The notes of a session `user` may read (through `access.access_session` first), as
    flat rows to paginate (a page goes to `note_reads`)."""
    return _session_note_rows.page(user.pk, checkin_id)


_reaction_rows = compiled(
    lambda viewer_id, note_ids: (
        reactions_prefetch(User(pk=viewer_id))
        .queryset.filter(note_id__in=note_ids)  # type: ignore[union-attr]
        .values("note_id", "user_id", "user__display_name", "kind")
    )
)
_session_notes = compiled(
    lambda viewer_id, checkin_ids: (
        AftermathNote.objects.filter(
            _note_visible_in_session(User(pk=viewer_id)), checkin_id__in=checkin_ids
        )
        .order_by("created_at", "pk")
        .values(*NOTE_COLUMNS)
    )
)
_shared_by = compiled(
    lambda viewer_id, checkin_ids: (
        ShareOffer.objects.filter(status=ShareStatus.ACCEPTED, checkin_id__in=checkin_ids)
        .exclude(blocked_with(User(pk=viewer_id), OuterRef("offered_by_id")))
        .order_by("accepted_at", "pk")
        .values("checkin_id", "offered_by_id", "offered_by__display_name")
    )
)


def _reactions(note_ids: list[Any], viewer: User) -> dict[Any, list[Row]]:
    """The reactions `reactions_prefetch` shows, for all these notes in one query."""
    by_note: dict[Any, list[Row]] = {i: [] for i in note_ids}
    if not note_ids:
        return by_note
    for r in _reaction_rows.rows(viewer.pk, note_ids):
        by_note[r["note_id"]].append(
            {"user": person(r["user_id"], r["user__display_name"]), "kind": r["kind"]}
        )
    return by_note


def _note_read(row: Row, viewer: User, reactions: list[Row]) -> Row:
    mine = next((r["kind"] for r in reactions if r["user"]["id"] == viewer.pk), None)
    return {
        "id": row["id"],
        "author": person(row["author_id"], row["author__display_name"]),
        "body": row["body"],
        "audience": row["audience"],
        "created_at": row["created_at"],
        "edited_at": row["edited_at"],
        "reactions": reactions,
        "my_reaction": mine,
        "checkin": row["checkin_id"],
        "can_edit": row["author_id"] == viewer.pk,
    }


def note_reads(rows: list[Row], viewer: User) -> list[Row]:
    """Notes from `NOTE_COLUMNS` rows, with one query for all their reactions."""
    reactions = _reactions([row["id"] for row in rows], viewer)
    return [_note_read(row, viewer, reactions[row["id"]]) for row in rows]


_circle_moment_rows = compiled(
    lambda user_id, circle_id: (
        _moment_sessions(User(pk=user_id)).filter(circle_id=circle_id).values(*SESSION_COLUMNS)
    )
)


def _with_person(user_id: Any, person_id: Any) -> QuerySet[CheckIn, Row]:
    user, person = User(pk=user_id), User(pk=person_id)
    return (
        _moment_sessions(user)
        .filter(participant_in(user), participant_in(person))
        .exclude(blocked_with(user, person.pk))
        .values(*SESSION_COLUMNS)
    )


_moment_rows_with = compiled(_with_person)


def moment_rows_for_circle(*, circle_id: UUID, user: User) -> Paged:
    """Our moments in a circle, as flat rows to paginate (a page goes to `moment_reads`)."""
    return _circle_moment_rows.page(user.pk, circle_id)


def moment_rows_with_person(*, person: User, user: User) -> Paged:
    """Sessions both `user` and `person` were there for; none across a block."""
    return _moment_rows_with.page(user.pk, person.pk)


def moment_reads(rows: list[Row], viewer: User) -> list[Row]:
    """Moments from `SESSION_COLUMNS` rows: one query for the notes the viewer may read of
    all of them (oldest first), one for those notes' reactions."""
    if not rows:
        return []
    notes_by_session: dict[Any, list[Row]] = {row["id"]: [] for row in rows}
    note_rows = _session_notes.rows(viewer.pk, list(notes_by_session))
    for note in note_reads(note_rows, viewer):
        notes_by_session[note["checkin"]].append(note)
    # Two-way sessions: the friends whose "Can I share too?" was answered "Of course" — one
    # moment together, never a tally; nobody across a block with the viewer.
    shared: dict[Any, list[Row | None]] = {row["id"]: [] for row in rows}
    for offer in _shared_by.rows(viewer.pk, list(shared)):
        shared[offer["checkin_id"]].append(
            person(offer["offered_by_id"], offer["offered_by__display_name"])
        )
    return [
        {
            "id": row["id"],
            "kind": row["kind"],
            "circle": {"id": row["circle_id"], "name": row["circle__name"]},
            "requester": person(row["requester_id"], row["requester__display_name"]),
            "created_at": row["created_at"],
            "ended_at": row["closed_at"] or row["expired_at"],
            "notes": notes_by_session[row["id"]],
            "mutual": bool(shared[row["id"]]),
            "shared_with": shared[row["id"]],
        }
        for row in rows
    ]

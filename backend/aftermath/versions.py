"""Who sees a change to a note or a reaction (backend.common.versions): the people of its
check-in."""

from typing import Any

from django.db.models import QuerySet

from backend.aftermath.models import AftermathNote, Reaction
from backend.checkins.models import CheckIn
from backend.checkins.versions import checkin_people, checkins_people
from backend.common.versions import track


def notes_people(notes: QuerySet[Any]) -> set[Any]:
    return checkins_people(CheckIn.objects.filter(pk__in=notes.values("checkin_id")))


def track_aftermath() -> None:
    track(
        AftermathNote,
        lambda note: checkin_people(note.checkin_id),
        rows=lambda notes: notes_people(notes.order_by()),
    )
    track(
        Reaction,
        lambda reaction: notes_people(AftermathNote.objects.filter(pk=reaction.note_id)),
        rows=lambda reactions: notes_people(
            AftermathNote.objects.filter(pk__in=reactions.order_by().values("note_id"))
        ),
    )

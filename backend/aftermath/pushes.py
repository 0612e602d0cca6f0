"""Every push the aftermath app sends: its words, tag and link. Called inside the service's
transaction: `notify()` enqueues on commit."""

from collections.abc import Iterable
from uuid import UUID

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import public_name_lazy
from backend.aftermath.models import AftermathNote
from backend.notifications.services import notify

NOTE_TITLE = _("{name} wrote a few words")
# The note itself stays out of the push: lock screens are not private.
NOTE_BODY = _("About your time together. Open Shoulder to read it.")


def note_written(note: AftermathNote, user_ids: Iterable[UUID]) -> None:
    """A quiet push to the others who were there."""
    notify(
        user_ids=user_ids,
        kind="note",
        title=format_lazy(NOTE_TITLE, name=public_name_lazy(note.author.display_name)),
        body=NOTE_BODY,
        url=f"/checkins/{note.checkin_id}",
        data={"checkin_id": str(note.checkin_id), "note_id": str(note.pk)},
        circle_id=note.checkin.circle_id,
        tag=f"note-{note.pk}",
    )

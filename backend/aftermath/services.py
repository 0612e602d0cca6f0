"""Writes of aftermath notes and reactions. Callers fetch through `access.py` first; these
functions check what the gate doesn't (authorship, being one of those who were there, the
session being over). The push about a new note (`pushes.py`) goes through `notify()` inside
the transaction, so it is enqueued on commit and never on rollback."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.aftermath import errors, pushes
from backend.aftermath.models import AftermathNote, Audience, Reaction
from backend.aftermath.selectors import OVER_STATUSES, SESSION_KINDS, is_participant
from backend.checkins.models import CheckIn, Status
from backend.checkins.selectors import session_circle_user_ids, who_was_there
from backend.circles.selectors import blocked_user_ids


def _check_writable(checkin: CheckIn, author: User) -> None:
    if not is_participant(checkin=checkin, user=author):
        raise errors.participants_only()
    if checkin.kind not in SESSION_KINDS or checkin.status == Status.CANCELLED:
        raise errors.not_a_session()
    if checkin.status not in OVER_STATUSES:
        raise errors.session_not_over()


@transaction.atomic
def note_create(
    *, checkin: CheckIn, author: User, body: str, audience: str = Audience.PARTICIPANTS
) -> AftermathNote:
    """Only the people who were there write, once the session is over. The other participants
    still in the circle (and not in a block relation with the author) get a quiet push; a
    circle-wide note doesn't buzz the rest of the circle."""
    _check_writable(checkin, author)
    note = AftermathNote(checkin=checkin, author=author, body=body.strip(), audience=audience)
    note.full_clean()
    note.save()
    members = session_circle_user_ids(checkin=checkin)
    recipients = (who_was_there(checkin=checkin) & members) - blocked_user_ids(author)
    recipients.discard(author.pk)
    if recipients:
        pushes.note_written(note, recipients)
    return note


@transaction.atomic
def note_update(
    *, note: AftermathNote, by: User, body: str | None = None, audience: str | None = None
) -> AftermathNote:
    """The author changes the text and/or who reads it; effective for the next read. Only
    while still in the note's circle: someone who left (or was removed) can't rewrite what the
    others read, nor widen a "just us" note to the circle. Deleting stays allowed."""
    if note.author_id != by.pk:
        raise errors.author_only()
    if body is None and audience is None:
        raise errors.nothing_to_change()
    note = AftermathNote.objects.select_for_update().select_related("checkin").get(pk=note.pk)
    if by.pk not in session_circle_user_ids(checkin=note.checkin):
        raise errors.not_in_circle()
    if body is not None:
        note.body = body.strip()
    if audience is not None:
        note.audience = audience
    note.edited_at = timezone.now()
    note.full_clean()
    note.save(update_fields=["body", "audience", "edited_at"])
    return note


@transaction.atomic
def note_delete(*, note: AftermathNote, by: User) -> None:
    """Hard delete: the text and its reactions are gone for everyone at once."""
    if note.author_id != by.pk:
        raise errors.author_only()
    AftermathNote.objects.filter(pk=note.pk).delete()


@transaction.atomic
def reaction_set(*, note: AftermathNote, user: User, kind: str) -> Reaction:
    """One reaction per person per note; setting another replaces it."""
    reaction = Reaction.objects.filter(note=note, user=user).first()
    if reaction is None:
        reaction = Reaction(note=note, user=user, kind=kind)
        reaction.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                reaction.save()
        except IntegrityError:
            # The same person reacted twice at once: keep one row, with the latest kind.
            Reaction.objects.filter(note=note, user=user).update(kind=kind)
            reaction = Reaction.objects.get(note=note, user=user)
        return reaction
    reaction.kind = kind
    reaction.full_clean(validate_constraints=False)
    reaction.save(update_fields=["kind", "updated_at"])
    return reaction


@transaction.atomic
def reaction_delete(*, note: AftermathNote, user: User) -> None:
    """Idempotent."""
    Reaction.objects.filter(note=note, user=user).delete()

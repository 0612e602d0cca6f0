"""Who sees a moderation action (backend.common.versions): the people of the hidden or
restored words, or the person acted on and everyone in a circle with them. Every action is
logged as one `ModerationAction` row in its own transaction, so that row is what is tracked
(suspensions and bans update users with `QuerySet.update`)."""

from typing import Any

from backend.aftermath.models import AftermathNote
from backend.aftermath.versions import notes_people
from backend.checkins.versions import checkin_people
from backend.circles.versions import circle_members, person_and_circle_mates
from backend.common.versions import track
from backend.moderation.models import Appeal, ModerationAction, Report, Strike, TargetType


def _action(action: ModerationAction) -> set[Any]:
    if action.target_type == TargetType.NOTE:
        return notes_people(AftermathNote.objects.filter(pk=action.target_id))
    if action.target_type == TargetType.CHECKIN:
        return checkin_people(action.target_id)
    if action.target_type == TargetType.USER:
        return person_and_circle_mates(action.target_id)
    if action.target_type == TargetType.CIRCLE:
        return set(circle_members(action.target_id))
    return set()


def track_moderation() -> None:
    track(ModerationAction, _action)
    track(Strike, lambda strike: person_and_circle_mates(strike.person_id))
    track(
        Appeal,
        lambda appeal: person_and_circle_mates(
            Strike.objects.filter(pk=appeal.strike_id).values_list("person_id", flat=True)[0]
        ),
    )
    track(Report, lambda report: [report.reporter_id])

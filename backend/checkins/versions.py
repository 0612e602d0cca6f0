"""Who sees a change to a check-in (backend.common.versions): its requester and the members of
its circle (everyone it may ask; `visible_to` narrows that down, a bump may be wider)."""

import uuid
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from backend.checkins.models import AudienceMember, CheckIn, Response, ShareOffer
from backend.common.versions import bump, track
from backend.notifications.models import Notification
from backend.notifications.tasks import delivered_source


def checkins_people(checkins: QuerySet[CheckIn]) -> set[Any]:
    """The requesters of these check-ins, the members of their circles, and the people asked
    through another circle (a widened check-in shows to them too)."""
    people: set[Any] = set()
    for requester, member in checkins.values_list("requester_id", "circle__memberships__user_id"):
        people.update((requester, member))
    people.update(
        AudienceMember.objects.filter(
            checkin__in=checkins.values("pk"), via_circle__isnull=False
        ).values_list("user_id", flat=True)
    )
    people.discard(None)
    return people


def checkin_people(checkin_id: Any) -> set[Any]:
    return checkins_people(CheckIn.objects.filter(pk=checkin_id))


def _of_checkins(rows: QuerySet[Any]) -> set[Any]:
    return checkins_people(CheckIn.objects.filter(pk__in=rows.values("checkin_id")))


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _delivered(notifications: Iterable[Notification]) -> None:
    # "Delivered" shows beside each person asked.
    ids = {n.payload.get("checkin_id") for n in notifications} - {None}
    ids = {i for i in ids if _is_uuid(i)}
    if ids:
        bump(checkins_people(CheckIn.objects.filter(pk__in=ids)))


def track_checkins() -> None:
    track(
        CheckIn,
        lambda checkin: checkin_people(checkin.pk) | {checkin.requester_id},
        rows=lambda checkins: checkins_people(checkins.order_by()),
    )
    # A "Can I share too?" offer and its answer show on the session screen (two-way sessions).
    for model in (AudienceMember, Response, ShareOffer):
        track(
            model,
            lambda row: checkin_people(row.checkin_id),
            rows=lambda rows: _of_checkins(rows.order_by()),
        )
    delivered_source(_delivered)

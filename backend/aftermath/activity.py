"""What happened lately around me, for the calm list on home: answers to what I asked (and to
my nudges), friends who said "I'm okay now", people waiting for me to let them into a circle,
and new notes I may read. Read-only; one query per kind of event, however many there are.

It lives here, above check-ins and circles, because notes are part of it.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from uuid import UUID

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote
from backend.aftermath.selectors import note_visible_to
from backend.checkins.models import AudienceMember, CheckIn, Kind, Response, Status
from backend.checkins.selectors import visible_to
from backend.circles.models import Circle, JoinRequest, Membership
from backend.circles.selectors import blocked_with

# How far back "lately" reaches, and how much of it home shows.
ACTIVITY_WINDOW = dt.timedelta(days=3)
ACTIVITY_MAX = 20

ActivityKind = Literal["answer", "nudge_answer", "okay_now", "join_request", "note"]


@dataclass(frozen=True)
class ActivityItem:
    kind: ActivityKind
    at: dt.datetime
    person: User
    circle: Circle
    checkin_id: UUID | None = None
    answer: str | None = None


def _through(user: User, checkin: str) -> dict[str, Subquery]:
    """The other circle `user` was asked through in a check-in (in the same query)."""
    mine = AudienceMember.objects.filter(checkin_id=OuterRef(checkin), user_id=user.pk)
    return {
        "via_id": Subquery(mine.values("via_circle_id")[:1]),
        "via_name": Subquery(mine.values("via_circle__name")[:1]),
    }


def _seen_in(circle: Circle, via_id: UUID | None, via_name: str | None) -> Circle:
    # Someone asked through another circle never reads the name of one they aren't in.
    return circle if via_id is None else Circle(pk=via_id, name=via_name or "")


def activity_for_user(*, user: User, now: dt.datetime | None = None) -> list[ActivityItem]:
    """Newest first, at most ACTIVITY_MAX, from the last ACTIVITY_WINDOW; four queries."""
    since = (now or timezone.now()) - ACTIVITY_WINDOW
    items: list[ActivityItem] = []

    answers = (
        Response.objects.filter(checkin__requester_id=user.pk, updated_at__gte=since)
        .exclude(responder_id=user.pk)
        .select_related("responder", "checkin__circle")
        .order_by("-updated_at")[:ACTIVITY_MAX]
    )
    for r in answers:
        kind: ActivityKind = "nudge_answer" if r.checkin.kind == Kind.NUDGE else "answer"
        items.append(
            ActivityItem(kind, r.updated_at, r.responder, r.checkin.circle, r.checkin_id, r.answer)
        )

    okay_now = (
        CheckIn.objects.annotate(**_through(user, "pk"))
        .filter(
            visible_to(user),
            status=Status.CLOSED,
            kind__in=(Kind.REACH_OUT, Kind.CHECK_ON_ME),
            closed_at__gte=since,
        )
        .exclude(requester_id=user.pk)
        .select_related("requester", "circle")
        .order_by("-closed_at")[:ACTIVITY_MAX]
    )
    for c in okay_now:
        assert c.closed_at is not None
        circle = _seen_in(c.circle, c.via_id, c.via_name)
        items.append(ActivityItem("okay_now", c.closed_at, c.requester, circle, c.pk))

    waiting = (
        JoinRequest.objects.filter(
            status=JoinRequest.Status.PENDING,
            circle__memberships__user_id=user.pk,
            circle__memberships__role=Membership.Role.OWNER,
        )
        .exclude(blocked_with(user, OuterRef("user_id")))
        .select_related("user", "circle")
        .order_by("-created_at")[:ACTIVITY_MAX]
    )
    for j in waiting:
        items.append(ActivityItem("join_request", j.created_at, j.user, j.circle))

    notes = (
        AftermathNote.objects.annotate(**_through(user, "checkin_id"))
        .filter(note_visible_to(user), created_at__gte=since)
        .exclude(author_id=user.pk)
        .select_related("author", "checkin__circle")
        .order_by("-created_at")[:ACTIVITY_MAX]
    )
    for n in notes:
        circle = _seen_in(n.checkin.circle, n.via_id, n.via_name)
        items.append(ActivityItem("note", n.created_at, n.author, circle, n.checkin_id))

    items.sort(key=lambda i: i.at, reverse=True)
    return items[:ACTIVITY_MAX]

"""Reads of check-ins. Every list and detail has a constant number of queries: the audience
and responses are prefetched once per page, delivery status is a subquery over the
notifications app's deliveries (no cross-app writes), and who may see what is one WHERE.
Serializers read typed views (`CheckinView`) built here from the prefetched rows."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal
from uuid import UUID

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)

from backend.accounts.models import User
from backend.checkins.models import (
    ACTIVE_STATUSES,
    NOT_THERE_ANSWERS,
    Answer,
    AudienceMember,
    CheckIn,
    Kind,
    Response,
    Status,
)
from backend.circles.models import Membership
from backend.circles.selectors import blocked_with
from backend.notifications.models import Delivery, DeliveryStatus, Notification


def visible_to(user: User) -> Q:
    """What `user` may see: what they asked for; or what asks them, while they are still in
    that circle, once it has started asking (a scheduled one is the requester's secret until
    its time) and while no block stands between them and the requester."""
    asked = Q(
        Exists(AudienceMember.objects.filter(checkin_id=OuterRef("pk"), user_id=user.pk)),
        Exists(Membership.objects.filter(circle_id=OuterRef("circle_id"), user_id=user.pk)),
        ~Q(status=Status.SCHEDULED),
        ~blocked_with(user, OuterRef("requester_id")),
    )
    return Q(requester_id=user.pk) | asked


def _delivered_at() -> Subquery:
    return Subquery(
        Delivery.objects.filter(
            notification_id=OuterRef("notification_id"), status=DeliveryStatus.DELIVERED
        )
        .order_by("delivered_at")
        .values("delivered_at")[:1]
    )


def detail_prefetches(viewer: User) -> list[Prefetch[str]]:
    """The audience (with delivered_at) and the responses. Someone asked doesn't see the
    people they are in a block relation with; the requester sees everyone they asked."""
    audience = (
        AudienceMember.objects.select_related("user")
        .annotate(delivered_at=_delivered_at())
        .exclude(blocked_with(viewer, OuterRef("user_id")) & ~Q(checkin__requester_id=viewer.pk))
        .order_by("created_at", "user__display_name", "user_id")
    )
    responses = (
        Response.objects.select_related("responder")
        .exclude(
            blocked_with(viewer, OuterRef("responder_id")) & ~Q(checkin__requester_id=viewer.pk)
        )
        .order_by("created_at")
    )
    return [Prefetch("audience", queryset=audience), Prefetch("responses", queryset=responses)]


def checkin_base() -> QuerySet[CheckIn]:
    return CheckIn.objects.select_related("requester", "circle", "closed_by")


@dataclass(frozen=True)
class AudienceView:
    """One person asked (`member.delivered_at` annotated) with their current answer."""

    member: AudienceMember
    response: Response | None


@dataclass(frozen=True)
class CheckinView:
    """A check-in as one viewer sees it: what the serializers read."""

    checkin: CheckIn
    audience: list[AudienceView]
    responses: list[Response]
    my_role: Literal["requester", "asked"]
    my_response: Response | None
    my_seen_at: dt.datetime | None
    offer_help: bool


def checkin_views(checkins: Iterable[CheckIn], viewer: User) -> list[CheckinView]:
    """The read models of check-ins loaded with their audience and responses prefetched
    (no queries here)."""
    views = []
    for checkin in checkins:
        responses = list(checkin.responses.all())
        by_responder = {r.responder_id: r for r in responses}
        members = list(checkin.audience.all())
        mine = next((m for m in members if m.user_id == viewer.pk), None)
        is_requester = checkin.requester_id == viewer.pk
        views.append(
            CheckinView(
                checkin=checkin,
                audience=[AudienceView(m, by_responder.get(m.user_id)) for m in members],
                responses=responses,
                my_role="requester" if is_requester else "asked",
                my_response=by_responder.get(viewer.pk),
                my_seen_at=mine.seen_at if mine else None,
                offer_help=offer_help(checkin) if is_requester else False,
            )
        )
    return views


def offer_help(checkin: CheckIn) -> bool:
    """Nobody (other than "can't right now") has answered in time: the PWA offers another
    circle and "Need help right now?"."""
    return checkin.status == Status.OPEN and checkin.nobody_answered_at is not None


def checkin_list_for_user(*, user: User, status: str | None = None) -> QuerySet[CheckIn]:
    queryset = checkin_base().filter(visible_to(user)).prefetch_related(*detail_prefetches(user))
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def checkin_detail(*, checkin: CheckIn, viewer: User) -> CheckinView:
    """What the detail shows of a check-in fetched through `access_checkin`."""
    prefetch_related_objects([checkin], *detail_prefetches(viewer))
    return checkin_views([checkin], viewer)[0]


def _compact_prefetches(user: User) -> list[Prefetch[str]]:
    # Only my own audience row and my own answer: the compact cards show "you were asked".
    return [
        Prefetch(
            "audience",
            queryset=AudienceMember.objects.filter(user_id=user.pk).annotate(
                delivered_at=_delivered_at()
            ),
        ),
        Prefetch("responses", queryset=Response.objects.filter(responder_id=user.pk)),
    ]


def nudge_waiting_for(user: User) -> Q:
    """Nudges (a `CheckIn` queryset) whose card stays on `user`'s home: not answered yet, or
    answered "Could use you" and neither reached back from nor put away."""
    awaiting_reach_back = Q(
        Exists(
            Response.objects.filter(
                checkin_id=OuterRef("pk"), responder_id=user.pk, answer=Answer.NEED_YOU
            )
        ),
        ~Exists(CheckIn.objects.filter(in_reply_to_id=OuterRef("pk"), requester_id=user.pk)),
        ~Exists(
            AudienceMember.objects.filter(
                checkin_id=OuterRef("pk"), user_id=user.pk, dismissed_at__isnull=False
            )
        ),
    )
    return Q(kind=Kind.NUDGE) & (Q(status=Status.OPEN) | awaiting_reach_back)


def home_for_user(*, user: User) -> dict[str, Any]:
    """All the home screen needs, in a fixed number of queries."""
    memberships = list(
        Membership.objects.filter(user=user).select_related("circle").order_by("joined_at")
    )
    mine_active = list(
        checkin_base()
        .filter(
            requester=user,
            kind__in=(Kind.REACH_OUT, Kind.CHECK_ON_ME),
            status__in=ACTIVE_STATUSES,
        )
        .prefetch_related(*detail_prefetches(user))
        .order_by("-activated_at", "-created_at")[:1]
    )
    my_scheduled = list(
        checkin_base()
        .filter(requester=user, status=Status.SCHEDULED)
        .prefetch_related(*_compact_prefetches(user))
        .order_by("scheduled_for")[:20]
    )
    asked = (
        checkin_base()
        .filter(visible_to(user), status__in=ACTIVE_STATUSES)
        .exclude(requester=user)
        .prefetch_related(*_compact_prefetches(user))
        .order_by("-activated_at", "-created_at")
    )
    asking_me = list(asked.exclude(kind=Kind.NUDGE)[:50])
    pending_nudges = list(asked.filter(nudge_waiting_for(user))[:50])
    my_open = next(iter(checkin_views(mine_active, user)), None)
    return {
        "me": user,
        "circles": [
            {"id": m.circle_id, "name": m.circle.name, "my_role": m.role} for m in memberships
        ],
        "my_open_checkin": my_open,
        "my_scheduled": checkin_views(my_scheduled, user),
        "asking_me": checkin_views(asking_me, user),
        "pending_nudges": checkin_views(pending_nudges, user),
        "offer_help": bool(my_open and my_open.offer_help),
    }


def audience_user_ids(*, checkin: CheckIn) -> list[Any]:
    """Who was asked, minus anyone now in a block relation with the requester."""
    rows = AudienceMember.objects.filter(checkin=checkin).exclude(
        blocked_with(checkin.requester, OuterRef("user_id"))
    )
    return list(rows.values_list("user_id", flat=True))


# --- who was there -------------------------------------------------------------------------
# The requester and the friends who answered with anything but "can't right now".


def _showing_up() -> QuerySet[Response]:
    return Response.objects.exclude(answer__in=NOT_THERE_ANSWERS)


def there_responses(*, checkin: CheckIn) -> QuerySet[Response]:
    """The answers of the friends who showed up (with the responder)."""
    return _showing_up().filter(checkin=checkin).select_related("responder")


def who_was_there(*, checkin: CheckIn) -> set[UUID]:
    """The requester and every friend who showed up."""
    there = there_responses(checkin=checkin).values_list("responder_id", flat=True)
    return {checkin.requester_id, *there}


def showed_up(user: User | UUID, checkin: Any) -> Exists:
    """`user` showed up for `checkin` (an OuterRef or id): `who_was_there` as a WHERE."""
    user_id = user.pk if isinstance(user, User) else user
    return Exists(_showing_up().filter(checkin_id=checkin, responder_id=user_id))


def ask_still_wanted(notification: Notification) -> bool:
    """Whether the check-in an ask push is about is still asking (open or answered)."""
    checkin_id = notification.payload.get("checkin_id")
    if not checkin_id:
        return True
    return CheckIn.objects.filter(pk=checkin_id, status__in=ACTIVE_STATUSES).exists()

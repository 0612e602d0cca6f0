from collections.abc import Collection
from typing import Any
from uuid import UUID

from django.db.models import Exists, Prefetch, Q, QuerySet

from backend.accounts.models import User
from backend.circles.models import Block, Circle, Departure, Invite, JoinRequest, Membership
from backend.notifications.selectors import notification_preference_get


def blocked_user_ids(user: User) -> set[UUID]:
    """Everyone in a block relation with `user`, whichever of the two blocked."""
    pairs = Block.objects.filter(Q(blocker=user) | Q(blocked=user)).values_list(
        "blocker_id", "blocked_id"
    )
    return {other for pair in pairs for other in pair if other != user.pk}


def blocked_by_user_ids(user: User) -> set[UUID]:
    """The people `user` blocked (not those who blocked `user`)."""
    return set(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))


def are_blocked(a: User | UUID, b: User | UUID) -> bool:
    a_id = a.pk if isinstance(a, User) else a
    b_id = b.pk if isinstance(b, User) else b
    return Block.objects.filter(
        Q(blocker_id=a_id, blocked_id=b_id) | Q(blocker_id=b_id, blocked_id=a_id)
    ).exists()


def blocked_with(user: User, person: Any) -> Exists:
    """A block between `user` and `person` (an OuterRef), whichever of the two blocked."""
    return Exists(
        Block.objects.filter(
            Q(blocker_id=user.pk, blocked_id=person) | Q(blocker_id=person, blocked_id=user.pk)
        )
    )


def shares_or_shared_a_circle(user: User, person: Any) -> Q:
    """`person` (an OuterRef to a user) is or was in a circle `user` is or was in: current
    memberships and departures (left or removed) on both sides."""
    mine = Q(circle_id__in=Membership.objects.filter(user_id=user.pk).values("circle_id")) | Q(
        circle_id__in=Departure.objects.filter(user_id=user.pk).values("circle_id")
    )
    return Q(Exists(Membership.objects.filter(mine, user_id=person))) | Q(
        Exists(Departure.objects.filter(mine, user_id=person))
    )


def members_prefetch() -> Prefetch[str]:
    # Owner first, then in the order people joined.
    return Prefetch(
        "memberships",
        queryset=Membership.objects.select_related("user").order_by("-role", "joined_at"),
    )


def circle_list_for_user(*, user: User) -> QuerySet[Circle]:
    return Circle.objects.filter(memberships__user=user).prefetch_related(members_prefetch())


def circle_owner_id(*, circle: Circle) -> UUID | None:
    return (
        Membership.objects.filter(circle=circle, role=Membership.Role.OWNER)
        .values_list("user_id", flat=True)
        .first()
    )


def circle_member_count(*, circle: Circle) -> int:
    return Membership.objects.filter(circle=circle).count()


def invite_list_for_circle(*, circle: Circle) -> QuerySet[Invite]:
    return Invite.objects.filter(circle=circle).select_related("created_by")


def join_request_list_for_circle(*, circle: Circle) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(
        circle=circle, status=JoinRequest.Status.PENDING
    ).select_related("user", "decided_by")


def block_list_for_user(*, user: User) -> QuerySet[Block]:
    return Block.objects.filter(blocker=user).select_related("blocked")


# --- notification levels -----------------------------------------------------------


def notification_levels(user_ids: Collection[UUID], circle_id: UUID) -> dict[UUID, str]:
    """Each of these people's level for this circle (those not in it are left out); the
    reader `notify()` is given at startup."""
    rows = Membership.objects.filter(circle_id=circle_id, user_id__in=user_ids)
    return dict(rows.values_list("user_id", "notification_level"))


def notification_settings_get(*, user: User) -> dict[str, Any]:
    """Quiet hours, and every circle this person is in (in the order they joined) with
    their level for it."""
    rows = Membership.objects.filter(user=user).order_by("joined_at")
    circles = rows.values_list("circle_id", "circle__name", "notification_level")
    return {
        **notification_preference_get(user=user),
        "circles": [
            {"circle": {"id": circle_id, "name": name}, "level": level}
            for circle_id, name, level in circles
        ],
    }

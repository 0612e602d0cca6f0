from typing import Any
from uuid import UUID

from django.db.models import Exists, Prefetch, Q, QuerySet

from backend.accounts.models import User
from backend.circles.models import Block, Circle, Invite, JoinRequest, Membership


def blocked_user_ids(user: User) -> set[UUID]:
    """Everyone in a block relation with `user`, whichever of the two blocked."""
    pairs = Block.objects.filter(Q(blocker=user) | Q(blocked=user)).values_list(
        "blocker_id", "blocked_id"
    )
    return {other for pair in pairs for other in pair if other != user.pk}


def are_blocked(a: User | UUID, b: User | UUID) -> bool:
    a_id = a.pk if isinstance(a, User) else a
    b_id = b.pk if isinstance(b, User) else b
    return Block.objects.filter(
        Q(blocker_id=a_id, blocked_id=b_id) | Q(blocker_id=b_id, blocked_id=a_id)
    ).exists()


def blocked_with(user: User, person: Any) -> Exists:
    """A block between `user` and `person` (an OuterRef to a user id), whichever of the two
    blocked: for a WHERE in another app's query."""
    return Exists(
        Block.objects.filter(
            Q(blocker_id=user.pk, blocked_id=person) | Q(blocker_id=person, blocked_id=user.pk)
        )
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


def invite_get_by_token_hash(*, token_hash: str) -> Invite | None:
    return (
        Invite.objects.select_related("circle", "created_by").filter(token_hash=token_hash).first()
    )


def join_request_list_for_circle(*, circle: Circle) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(
        circle=circle, status=JoinRequest.Status.PENDING
    ).select_related("user", "decided_by")


def block_list_for_user(*, user: User) -> QuerySet[Block]:
    return Block.objects.filter(blocker=user).select_related("blocked")

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy, ngettext
from rest_framework import status

from backend.accounts.models import User, public_name_lazy
from backend.circles import errors
from backend.circles.conf import (
    INVITE_DEFAULT_EXPIRY_DAYS,
    INVITE_EMAIL_WINDOW,
    circle_max_members,
    invite_emails_per_day,
)
from backend.circles.errors import CircleErrorCode
from backend.circles.models import (
    Block,
    Circle,
    Departure,
    Invite,
    InviteAcceptance,
    InviteDecline,
    JoinRequest,
    Membership,
)
from backend.circles.selectors import are_blocked, circle_member_count, circle_owner_id
from backend.circles.tasks import invite_send_email
from backend.circles.tokens import hash_token, new_token, seal_token
from backend.common.errors import ApplicationError
from backend.notifications.services import notification_preference_update, notify

# --- circles -------------------------------------------------------------------------


@transaction.atomic
def circle_create(*, user: User, name: str, approval_required: bool = False) -> Circle:
    circle = Circle(name=name.strip(), approval_required=approval_required)
    circle.full_clean()
    circle.save()
    membership = Membership(circle=circle, user=user, role=Membership.Role.OWNER)
    membership.full_clean(validate_constraints=False)
    membership.save()
    return circle


@transaction.atomic
def circle_update(
    *, circle: Circle, name: str | None = None, approval_required: bool | None = None
) -> Circle:
    fields: list[str] = []
    if name is not None:
        circle.name = name.strip()
        fields.append("name")
    if approval_required is not None:
        circle.approval_required = approval_required
        fields.append("approval_required")
    if fields:
        circle.full_clean()
        circle.save(update_fields=fields)
    return circle


@transaction.atomic
def circle_delete(*, circle: Circle) -> None:
    circle.delete()


def _lock_circle(circle_id: UUID) -> Circle:
    # NO KEY: writes that only reference the circle (a check-in, a membership row) take a key
    # share on it and must not wait behind this lock, nor deadlock with it.
    # Every write that changes who is in a circle locks the circle row first (then the
    # invite or request row), so the member cap and the single owner hold under concurrency.
    return Circle.objects.select_for_update(no_key=True).get(pk=circle_id)


@transaction.atomic
def circle_transfer_ownership(*, circle: Circle, by: User, to_user_id: UUID) -> Circle:
    _lock_circle(circle.pk)
    current = Membership.objects.filter(circle=circle, user=by, role=Membership.Role.OWNER).first()
    if current is None:
        raise errors.owner_only()
    if to_user_id == by.pk:
        raise ApplicationError(
            CircleErrorCode.ALREADY_OWNER, gettext("You already own this circle.")
        )
    target = Membership.objects.filter(circle=circle, user_id=to_user_id).first()
    if target is None:
        raise ApplicationError(
            CircleErrorCode.NOT_A_MEMBER,
            gettext("You can only hand the circle to someone who is in it."),
        )
    current.role = Membership.Role.MEMBER
    current.save(update_fields=["role"])
    target.role = Membership.Role.OWNER
    target.save(update_fields=["role"])
    return circle


# Called with (circle_id, user_id) inside the transaction that ends a membership (leaving or
# removal). Higher apps register at startup (checkins ends the person's open asks there);
# this app can't import them.
MembershipEndedHook = Callable[[UUID, UUID], object]
_membership_ended_hooks: list[MembershipEndedHook] = []


def on_membership_ended(hook: MembershipEndedHook) -> None:
    if hook not in _membership_ended_hooks:
        _membership_ended_hooks.append(hook)


def _membership_ended(*, circle: Circle, user_id: UUID, reason: str, by: User) -> None:
    Departure.objects.create(circle=circle, user_id=user_id, reason=reason, by=by)
    for hook in _membership_ended_hooks:
        hook(circle.pk, user_id)


@transaction.atomic
def membership_remove(*, circle: Circle, by: User, user_id: UUID) -> None:
    """`by` leaves (user_id is theirs) or, as owner, removes someone."""
    _lock_circle(circle.pk)
    actor = Membership.objects.filter(circle=circle, user=by).first()
    if actor is None:
        raise errors.not_found(gettext("There is no such circle, or you're not in it."))
    if user_id == by.pk:
        if actor.role == Membership.Role.OWNER:
            raise ApplicationError(
                CircleErrorCode.OWNER_MUST_TRANSFER,
                gettext(
                    "You own this circle. Hand it to someone else first, or delete the circle."
                ),
                status_code=status.HTTP_409_CONFLICT,
            )
        actor.delete()
        _membership_ended(circle=circle, user_id=by.pk, reason=Departure.Reason.LEFT, by=by)
        return
    if actor.role != Membership.Role.OWNER:
        raise errors.owner_only()
    target = Membership.objects.filter(circle=circle, user_id=user_id).first()
    if target is None:
        raise errors.not_found(gettext("That person isn't in this circle."))
    target.delete()
    _membership_ended(circle=circle, user_id=user_id, reason=Departure.Reason.REMOVED, by=by)


# --- invites -------------------------------------------------------------------------


@dataclass(frozen=True)
class CreatedInvite:
    invite: Invite
    token: str  # Shown once, never stored.


def _check_invite_email_cap(user: User) -> None:
    """At most INVITE_EMAILS_PER_DAY invite emails in any 24 hours; the person's row is
    locked so concurrent creates can't both take the last one."""
    User.objects.select_for_update(no_key=True).filter(pk=user.pk).first()
    now = timezone.now()
    sent = list(
        Invite.objects.filter(created_by=user, created_at__gt=now - INVITE_EMAIL_WINDOW)
        .exclude(email="")
        .order_by("-created_at")
        .values_list("created_at", flat=True)[: invite_emails_per_day()]
    )
    if len(sent) >= invite_emails_per_day():
        frees_at = sent[-1] + INVITE_EMAIL_WINDOW
        raise errors.invite_email_limit(max(1, math.ceil((frees_at - now).total_seconds())))


def invite_room(*, member_count: int) -> int:
    """How many people one invite to a circle of `member_count` may bring in: the places
    left (at least one, so a full circle can have a link ready for when someone leaves)."""
    return max(1, circle_max_members() - member_count)


@transaction.atomic
def invite_create(
    *,
    circle: Circle,
    created_by: User,
    max_uses: int = 1,
    expires_in_days: int = INVITE_DEFAULT_EXPIRY_DAYS,
    message: str = "",
    email: str = "",
) -> CreatedInvite:
    room = invite_room(member_count=circle_member_count(circle=circle))
    if max_uses > room:
        raise ValidationError(
            {
                "max_uses": ValidationError(
                    ngettext(
                        "{circle} has room for {room} more person: choose from 1 to {room}.",
                        "{circle} has room for {room} more people: choose from 1 to {room}.",
                        room,
                    ).format(circle=circle.name, room=room),
                    code=CircleErrorCode.TOO_MANY_USES,
                )
            }
        )
    if email.strip():
        _check_invite_email_cap(created_by)
    token = new_token()
    invite = Invite(
        circle=circle,
        created_by=created_by,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=expires_in_days),
        max_uses=max_uses,
        message=message.strip(),
        email=email.strip(),
    )
    invite.full_clean()
    invite.save()
    if invite.email:
        sealed = seal_token(token)
        invite_id = str(invite.pk)
        transaction.on_commit(
            lambda: invite_send_email.enqueue(invite_id=invite_id, sealed_token=sealed)
        )
    return CreatedInvite(invite=invite, token=token)


@transaction.atomic
def invite_revoke(*, invite: Invite, by: User) -> Invite:
    if invite.revoked_at is None:
        invite.revoked_at = timezone.now()
        invite.revoked_by = by
        invite.save(update_fields=["revoked_at", "revoked_by"])
    return invite


def _invite_by_token(token: str) -> Invite | None:
    return (
        Invite.objects.select_related("circle", "created_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def _blocked_from(invite: Invite, user: User) -> bool:
    owner_id = circle_owner_id(circle=invite.circle)
    return are_blocked(user, invite.created_by_id) or (
        owner_id is not None and are_blocked(user, owner_id)
    )


def _raise_for_status(invite: Invite) -> None:
    match invite.status:
        case Invite.Status.REVOKED:
            raise errors.invite_revoked()
        case Invite.Status.USED_UP:
            raise errors.invite_used_up()
        case Invite.Status.EXPIRED:
            raise errors.invite_expired()


def _is_member(invite: Invite, user: User | None) -> bool:
    return (
        user is not None
        and Membership.objects.filter(circle_id=invite.circle_id, user=user).exists()
    )


def invite_find(*, token: str, user: User | None = None) -> Invite:
    """The invite behind a token, or the invite-level refusal (404/410): the same for
    everyone, signed in or out, blocked or not (the preview must not reveal a block).
    A member of its circle gets the invite whatever its state (used, expired, revoked):
    what they need to hear is that they're already in."""
    invite = _invite_by_token(token)
    if invite is None:
        raise errors.invite_not_found()
    if not _is_member(invite, user):
        _raise_for_status(invite)
    return invite


def invite_refusal_for(*, invite: Invite, user: User) -> ApplicationError | None:
    """What would stop `user` joining through a (valid) invite right now, if anything."""
    circle = invite.circle
    if Membership.objects.filter(circle=circle, user=user).exists():
        return errors.already_member()
    if Departure.objects.filter(
        circle=circle,
        user=user,
        reason=Departure.Reason.REMOVED,
        created_at__gte=invite.created_at,
    ).exists():
        return errors.removed_from_circle()
    if JoinRequest.objects.filter(
        circle=circle,
        user=user,
        status=JoinRequest.Status.REJECTED,
        decided_at__gte=invite.created_at,
    ).exists():
        return errors.join_request_rejected()
    if JoinRequest.objects.filter(
        circle=circle, user=user, status=JoinRequest.Status.PENDING
    ).exists():
        return errors.join_request_pending()
    if circle_member_count(circle=circle) >= circle_max_members():
        return errors.circle_full()
    return None


@dataclass(frozen=True)
class AcceptResult:
    circle: Circle
    membership: Membership | None
    join_request: JoinRequest | None


@transaction.atomic
def invite_accept(*, token: str, user: User) -> AcceptResult:
    """Join (or ask to join) through an invite; safe when many accept at once.

    The circle row and then the invite row are locked, everything is re-checked under
    the locks, and the use is taken with an UPDATE guarded by `use_count < max_uses`.
    """
    found = invite_find(token=token, user=user)
    if _blocked_from(found, user):
        # Exactly like an unknown token, so nobody learns of a block from an invite.
        raise errors.invite_not_found()
    if not list(
        Circle.objects.select_for_update(no_key=True).filter(pk=found.circle_id).values("pk")
    ):
        raise errors.invite_not_found()  # deleted a moment ago
    invite = (
        Invite.objects.select_for_update(of=("self",))
        .select_related("circle", "created_by")
        .get(pk=found.pk)
    )
    if _is_member(invite, user):
        raise errors.already_member()  # before the link's own state: a used link included
    _raise_for_status(invite)  # re-checked now that we hold the locks
    refusal = invite_refusal_for(invite=invite, user=user)
    if refusal is not None:
        raise refusal
    taken = Invite.objects.filter(pk=invite.pk, use_count__lt=F("max_uses")).update(
        use_count=F("use_count") + 1
    )
    if taken != 1:
        raise errors.invite_used_up()
    InviteAcceptance.objects.create(invite=invite, user=user)
    circle = invite.circle
    if circle.approval_required:
        join_request = JoinRequest.objects.create(circle=circle, user=user, invite=invite)
        join_request_notify_owner(join_request=join_request)
        return AcceptResult(circle=circle, membership=None, join_request=join_request)
    membership = Membership.objects.create(circle=circle, user=user, role=Membership.Role.MEMBER)
    return AcceptResult(circle=circle, membership=membership, join_request=None)


@transaction.atomic
def invite_decline(*, token: str, user: User) -> None:
    """Record a "no" for this person. Nobody is told; accepting later still works."""
    invite = _invite_by_token(token)
    if invite is None or _blocked_from(invite, user):
        raise errors.invite_not_found()
    InviteDecline.objects.get_or_create(invite=invite, user=user)


# --- join requests -------------------------------------------------------------------


def join_request_notify_owner(*, join_request: JoinRequest) -> None:
    """Tell the owner someone asks to join. Inside the transaction: notify() enqueues the
    pushes on commit itself. The PWA route for the owner's request list is `/circles/<id>`."""
    circle = join_request.circle
    owner_id = circle_owner_id(circle=circle)
    if owner_id is None:
        return
    notify(
        user_ids=[owner_id],
        kind="join_request",
        title=gettext_lazy("Someone would like to join"),
        body=format_lazy(
            gettext_lazy("{name} asked to join {circle}."),
            name=public_name_lazy(join_request.user.display_name),
            circle=circle.name,
        ),
        url=f"/circles/{circle.pk}",
        data={"circle_id": str(circle.pk), "join_request_id": str(join_request.pk)},
        circle_id=circle.pk,
        tag=f"join-request-{join_request.pk}",
    )


def _decide(*, join_request: JoinRequest, by: User, to: str) -> None:
    join_request.status = to
    join_request.decided_at = timezone.now()
    join_request.decided_by = by
    join_request.save(update_fields=["status", "decided_at", "decided_by"])


def _lock_pending(join_request: JoinRequest) -> JoinRequest:
    _lock_circle(join_request.circle_id)
    locked = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("user", "circle")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinRequest.Status.PENDING:
        raise ApplicationError(
            CircleErrorCode.JOIN_REQUEST_DECIDED,
            gettext("This request has already been answered."),
            status_code=status.HTTP_409_CONFLICT,
        )
    return locked


@transaction.atomic
def join_request_approve(*, join_request: JoinRequest, by: User) -> JoinRequest:
    locked = _lock_pending(join_request)
    if Membership.objects.filter(circle_id=locked.circle_id, user_id=locked.user_id).exists():
        raise errors.already_member()
    if circle_member_count(circle=locked.circle) >= circle_max_members():
        raise errors.circle_full()
    Membership.objects.create(
        circle_id=locked.circle_id, user_id=locked.user_id, role=Membership.Role.MEMBER
    )
    _decide(join_request=locked, by=by, to=JoinRequest.Status.APPROVED)
    return locked


@transaction.atomic
def join_request_reject(*, join_request: JoinRequest, by: User) -> JoinRequest:
    locked = _lock_pending(join_request)
    _decide(join_request=locked, by=by, to=JoinRequest.Status.REJECTED)
    return locked


# --- blocks --------------------------------------------------------------------------


@transaction.atomic
def block_create(*, blocker: User, blocked: User) -> tuple[Block, bool]:
    """Returns (block, created). Blocking twice is not an error."""
    if blocker.pk == blocked.pk:
        raise ApplicationError(
            CircleErrorCode.CANNOT_BLOCK_SELF, gettext("You can't block yourself.")
        )
    return Block.objects.get_or_create(blocker=blocker, blocked=blocked)


@transaction.atomic
def block_delete(*, blocker: User, blocked_id: UUID) -> None:
    deleted, _ = Block.objects.filter(blocker=blocker, blocked_id=blocked_id).delete()
    if not deleted:
        raise errors.not_found(gettext("You haven't blocked this person."))


# --- notification settings -----------------------------------------------------------


@transaction.atomic
def membership_notification_levels_set(*, user: User, levels: Iterable[dict[str, Any]]) -> None:
    """`levels`: `[{"circle": id, "level": ...}]`, each a circle `user` is in."""
    levels = list(levels)
    mine = {
        membership.circle_id: membership
        for membership in Membership.objects.select_for_update().filter(
            user=user, circle_id__in=[item["circle"] for item in levels]
        )
    }
    if any(item["circle"] not in mine for item in levels):
        raise ValidationError(
            {
                "circles": ValidationError(
                    gettext("You can only set notifications for circles you are in."),
                    code=CircleErrorCode.NOT_A_MEMBER,
                )
            }
        )
    for item in levels:
        membership = mine[item["circle"]]
        membership.notification_level = item["level"]
        membership.full_clean(validate_constraints=False)
        membership.save(update_fields=["notification_level"])


@transaction.atomic
def notification_settings_update(
    *,
    user: User,
    quiet_hours: dict[str, Any] | None = None,
    reach_outs_break_quiet_hours: bool | None = None,
    email_when_push_fails: bool | None = None,
    circles: Iterable[dict[str, Any]] | None = None,
) -> None:
    """Quiet hours (kept by the notifications app) and per-circle levels, all or nothing."""
    notification_preference_update(
        user=user,
        quiet_hours=quiet_hours,
        reach_outs_break_quiet_hours=reach_outs_break_quiet_hours,
        email_when_push_fails=email_when_push_fails,
    )
    membership_notification_levels_set(user=user, levels=circles or ())

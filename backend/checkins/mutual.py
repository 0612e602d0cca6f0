"""Two-way sessions: the friend who came can share too.

During a session, a friend who showed up (an answer other than "can't right now") may ask
"Can I share too?". The requester answers "Of course" (the session is mutual: the friend
picks their own needs, and both see each other's) or lets it be (quietly: nobody is told).
After a session, a friend who was there can reach out in turn ("I could use someone too"):
a reach-out to the person they were with, or to the circle, made in one tap.

An offer is seen by the requester and by the friend who made it, and counts only while
that friend is still there: still in the circle (leaving ends it), still answering with
something that shows up, in no block relation with the requester; a pending offer of
someone suspended waits unseen. Writes lock the check-in row, so a double tap or two phones
at once make one offer and one answer.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet
from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.selectors import restricted_user_ids
from backend.checkins import errors, pushes
from backend.checkins.models import (
    ACTIVE_STATUSES,
    AudienceMember,
    CheckIn,
    Kind,
    ShareOffer,
    ShareStatus,
    Status,
)
from backend.checkins.selectors import in_session_circle, showed_up
from backend.checkins.services import checkin_create
from backend.circles.models import Circle, Membership
from backend.circles.selectors import blocked_with
from backend.notifications.models import Notification

SESSION_KINDS = (Kind.REACH_OUT, Kind.CHECK_ON_ME)
OVER_STATUSES = (Status.CLOSED, Status.EXPIRED)
NEEDS = ("no_need_to_explain", "just_listen", "silence_ok")


class ReachOutTo:
    PERSON = "person"
    CIRCLE = "circle"
    CHOICES = (PERSON, CIRCLE)


# --- reads --------------------------------------------------------------------------------


def _counting(checkin: CheckIn, *, now: dt.datetime) -> QuerySet[ShareOffer]:
    """The offers of `checkin` that still count (ended ones included: callers decide)."""
    still_in_circle = in_session_circle(OuterRef("offered_by_id"), checkin.pk, checkin.circle_id)
    suspended_pending = Q(status=ShareStatus.PENDING) & (
        Q(offered_by__is_active=False) | Q(offered_by__is_suspended_until__gt=now)
    )
    return (
        ShareOffer.objects.filter(
            still_in_circle,
            showed_up(OuterRef("offered_by_id"), checkin.pk),
            checkin=checkin,
        )
        .exclude(blocked_with(checkin.requester, OuterRef("offered_by_id")))
        .exclude(suspended_pending)
        .select_related("offered_by")
        .order_by("created_at")
    )


@dataclass(frozen=True)
class ReachOutToo:
    """Who "I could use someone too" asks: the person I was there for (None when they are no
    longer someone I can ask) or, as the other option, the circle."""

    person: User | None
    circle: Circle


@dataclass(frozen=True)
class SharingView:
    """A check-in's two-way side as one viewer sees it."""

    can_offer: bool
    mutual: bool
    my_offer: ShareOffer | None
    offers: list[ShareOffer]
    reach_out_too: ReachOutToo | None


def _was_there(checkin: CheckIn, user: User) -> bool:
    return (
        checkin.kind in SESSION_KINDS
        and user.pk != checkin.requester_id
        and CheckIn.objects.filter(showed_up(user, checkin.pk), pk=checkin.pk).exists()
    )


def _circle_for(checkin: CheckIn, user: User) -> Circle | None:
    """The circle `user` is in the session through: its own, or the other circle they were
    asked through (and are still in); None once they are in neither."""
    if Membership.objects.filter(circle_id=checkin.circle_id, user_id=user.pk).exists():
        return checkin.circle
    member = (
        AudienceMember.objects.filter(
            checkin=checkin, user_id=user.pk, via_circle__memberships__user_id=user.pk
        )
        .select_related("via_circle")
        .first()
    )
    return member.via_circle if member is not None else None


def sharing_for(*, checkin: CheckIn, viewer: User) -> SharingView:
    """For a check-in fetched through `access_checkin` (a few queries, whatever its size)."""
    now = timezone.now()
    if checkin.kind not in SESSION_KINDS:
        return SharingView(False, False, None, [], None)
    counting = [o for o in _counting(checkin, now=now) if o.status != ShareStatus.ENDED]
    if viewer.pk == checkin.requester_id:
        return SharingView(
            can_offer=False,
            mutual=any(o.status == ShareStatus.ACCEPTED for o in counting),
            my_offer=None,
            offers=counting,
            reach_out_too=None,
        )
    mine = next((o for o in counting if o.offered_by_id == viewer.pk), None)
    there = _was_there(checkin, viewer)
    active = checkin.status in ACTIVE_STATUSES
    has_offer = ShareOffer.objects.filter(checkin=checkin, offered_by=viewer).exists()
    reach_out_too = None
    circle = _circle_for(checkin, viewer) if there else None
    if circle is not None and checkin.status in OVER_STATUSES:
        requester_askable = Membership.objects.filter(
            circle_id=circle.pk, user_id=checkin.requester_id
        ).exists() and not restricted_user_ids([checkin.requester_id])
        reach_out_too = ReachOutToo(
            person=checkin.requester if requester_askable else None, circle=circle
        )
    return SharingView(
        can_offer=active and there and not has_offer,
        mutual=mine is not None and mine.status == ShareStatus.ACCEPTED,
        my_offer=mine,
        offers=[mine] if mine else [],
        reach_out_too=reach_out_too,
    )


def share_still_wanted(notification: Notification) -> bool:
    """A re-sent share push goes out only while its session is still on."""
    checkin_id = notification.payload.get("checkin_id")
    if not checkin_id:
        return True
    return CheckIn.objects.filter(pk=checkin_id, status__in=ACTIVE_STATUSES).exists()


# --- writes -------------------------------------------------------------------------------


def _lock(checkin: CheckIn) -> CheckIn:
    return (
        CheckIn.objects.select_for_update().select_related("requester", "circle").get(pk=checkin.pk)
    )


def _check_active(checkin: CheckIn) -> None:
    if checkin.kind not in SESSION_KINDS:
        raise errors.not_a_session()
    if checkin.status not in ACTIVE_STATUSES:
        raise errors.not_open()


@transaction.atomic
def share_offer(*, checkin: CheckIn, by: User, **needs: bool) -> tuple[ShareOffer, bool]:
    """ "Can I share too?" from a friend who showed up, while the session is on. Asking again
    answers with the offer already made, whatever became of it (no asking twice)."""
    checkin = _lock(checkin)
    if checkin.kind not in SESSION_KINDS:
        raise errors.not_a_session()
    if not _was_there(checkin, by):
        raise errors.not_there()
    _check_active(checkin)
    existing = ShareOffer.objects.filter(checkin=checkin, offered_by=by).first()
    if existing is not None:
        if existing.status == ShareStatus.ENDED:
            raise errors.offer_ended()
        return existing, False
    offer = ShareOffer(checkin=checkin, offered_by=by, **_needs(needs))
    offer.full_clean(exclude=["checkin", "offered_by"], validate_constraints=False)
    offer.save()
    pushes.share_offered(checkin, by)
    return offer, True


def _needs(values: dict[str, Any]) -> dict[str, bool]:
    unknown = set(values) - set(NEEDS)
    if unknown:
        raise TypeError(f"Unknown needs: {sorted(unknown)}")
    return {name: bool(value) for name, value in values.items()}


@transaction.atomic
def share_needs_set(*, checkin: CheckIn, by: User, **needs: bool) -> ShareOffer:
    """The friend says what would help them ("no need to explain", "just listen", "silence is
    okay"); only the needs given change."""
    checkin = _lock(checkin)
    _check_active(checkin)
    offer = _counting(checkin, now=timezone.now()).filter(offered_by=by).first()
    if offer is None:
        raise errors.offer_not_found()
    if offer.status == ShareStatus.ENDED:
        raise errors.offer_ended()
    for name, value in _needs(needs).items():
        setattr(offer, name, value)
    offer.save()
    return offer


def _requesters_offer(checkin: CheckIn, offer_id: UUID, by: User) -> tuple[CheckIn, ShareOffer]:
    checkin = _lock(checkin)
    if by.pk != checkin.requester_id:
        raise errors.requester_only()
    _check_active(checkin)
    offer = _counting(checkin, now=timezone.now()).filter(pk=offer_id).first()
    if offer is None:
        raise errors.offer_not_found()
    if offer.status == ShareStatus.ENDED:
        raise errors.offer_ended()
    return checkin, offer


@transaction.atomic
def share_accept(*, checkin: CheckIn, offer_id: UUID, by: User) -> ShareOffer:
    """ "Of course": the session is mutual. Idempotent; a "let it be" can still become an
    "of course" while the session is on."""
    checkin, offer = _requesters_offer(checkin, offer_id, by)
    if offer.status == ShareStatus.ACCEPTED:
        return offer
    offer.status, offer.accepted_at = ShareStatus.ACCEPTED, timezone.now()
    offer.save(update_fields=["status", "accepted_at", "updated_at"])
    pushes.share_accepted(checkin, offer.offered_by_id)
    return offer


@transaction.atomic
def share_decline(*, checkin: CheckIn, offer_id: UUID, by: User) -> ShareOffer:
    """ "Let it be": quietly, nobody is told. Idempotent; an "of course" stays."""
    _, offer = _requesters_offer(checkin, offer_id, by)
    if offer.status == ShareStatus.ACCEPTED:
        raise errors.offer_already_accepted()
    if offer.status == ShareStatus.PENDING:
        offer.status, offer.declined_at = ShareStatus.DECLINED, timezone.now()
        offer.save(update_fields=["status", "declined_at", "updated_at"])
    return offer


def share_offers_end_for_departure(circle_id: UUID, user_id: UUID) -> int:
    """Someone left `circle_id` (or was removed): their offers in its sessions still on end.
    Called by circles inside the removal's transaction."""
    return ShareOffer.objects.filter(
        checkin__circle_id=circle_id,
        checkin__status__in=ACTIVE_STATUSES,
        offered_by_id=user_id,
    ).update(status=ShareStatus.ENDED, ended_at=timezone.now())


@transaction.atomic
def reach_out_too(
    *, session: CheckIn, by: User, to: str = ReachOutTo.PERSON, **fields: Any
) -> tuple[CheckIn, bool]:
    """ "I could use someone too": after a session they were there for, a friend reaches out
    to the person they were with (`to="person"`) or to everyone in its circle (`"circle"`),
    like the reach-back from a nudge."""
    if session.kind not in SESSION_KINDS or session.status == Status.CANCELLED:
        raise errors.not_a_session()
    if not _was_there(session, by):
        raise errors.not_there()
    if session.status not in OVER_STATUSES:
        raise errors.session_not_over()
    person = to == ReachOutTo.PERSON
    # Someone asked through another circle reaches out there, never into a circle they
    # aren't in.
    circle = _circle_for(session, by)
    if circle is None:
        raise errors.not_there()
    return checkin_create(
        requester=by,
        circle=circle,
        kind=Kind.REACH_OUT,
        audience=[session.requester_id] if person else None,
        in_reply_to=session if person else None,
        **fields,
    )

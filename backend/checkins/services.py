"""Writes of check-ins: create, respond, seen, close, cancel, reach back. The time-driven
transitions (activate a check-on-me, nobody answered, expire, aftercare) are in
`transitions.py`.

Every transition runs under a row lock or is a guarded UPDATE (`WHERE status = ...`). Pushes
(`pushes.py`) go through `notify()` inside the same transaction: enqueued on commit, never
before.
"""

import datetime as dt
import math
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from backend.accounts.models import User
from backend.accounts.selectors import restricted_user_ids
from backend.checkins import conf, emails, errors, pushes
from backend.checkins.errors import CheckinErrorCode, invalid
from backend.checkins.models import (
    ACTIVE_STATUSES,
    ANSWERS_FOR_KIND,
    NOT_THERE_ANSWERS,
    AudienceMember,
    CheckIn,
    Kind,
    Response,
    Status,
)
from backend.checkins.selectors import (
    audience_user_ids,
    session_circle_user_ids,
    there_responses,
)
from backend.checkins.transitions import schedule_advance, schedule_follow_ups
from backend.circles.models import Circle, Membership
from backend.circles.selectors import blocked_by_user_ids, blocked_user_ids
from backend.notifications.conf import ASKS_QUEUE

FK_FIELDS = ["requester", "circle", "closed_by", "in_reply_to"]


# --- create -------------------------------------------------------------------------------


def _validate_fields(
    *, kind: str, mode: str, scheduled_for: dt.datetime | None, now: dt.datetime
) -> None:
    if kind in (Kind.REACH_OUT, Kind.CHECK_ON_ME) and not mode:
        raise invalid(
            "mode",
            CheckinErrorCode.REQUIRED,
            gettext("Say how you'd like to be met: come over, call, …"),
        )
    if kind == Kind.CHECK_ON_ME:
        if scheduled_for is None:
            raise invalid(
                "scheduled_for",
                CheckinErrorCode.REQUIRED,
                gettext("Pick when your friends should check."),
            )
        if scheduled_for <= now:
            raise invalid(
                "scheduled_for",
                CheckinErrorCode.NOT_IN_FUTURE,
                gettext("Pick a time in the future."),
            )
        if scheduled_for > now + conf.schedule_max_ahead():
            raise invalid(
                "scheduled_for",
                CheckinErrorCode.TOO_FAR_AHEAD,
                gettext("Pick a time within the next 7 days."),
            )
    elif scheduled_for is not None:
        raise invalid(
            "scheduled_for",
            CheckinErrorCode.NOT_ALLOWED,
            gettext("Only “check on me later” takes a time."),
        )


@dataclass(frozen=True)
class _Audience:
    asked: list[UUID]  # the snapshot (AudienceMember rows): what the requester sees
    reached: list[UUID]  # who is actually told


def _choose_audience(
    *, requester: User, circle: Circle, kind: str, audience: Iterable[UUID] | None
) -> _Audience:
    members = set(Membership.objects.filter(circle=circle).values_list("user_id", flat=True))
    if audience is None:
        if kind == Kind.NUDGE:
            raise invalid(
                "audience",
                CheckinErrorCode.NUDGE_NEEDS_ONE,
                gettext("Pick the one friend to nudge."),
            )
        chosen = members - {requester.pk}
    else:
        wanted = list(dict.fromkeys(audience))
        if any(person not in members for person in wanted):
            raise invalid(
                "audience",
                CheckinErrorCode.NOT_IN_CIRCLE,
                gettext("Everyone you ask has to be in this circle."),
            )
        chosen = set(wanted) - {requester.pk}
        if kind == Kind.NUDGE and len(chosen) != 1:
            raise invalid(
                "audience", CheckinErrorCode.NUDGE_NEEDS_ONE, gettext("A nudge goes to one friend.")
            )
    return _askable(requester=requester, chosen=chosen)


def _askable(*, requester: User, chosen: set[UUID]) -> _Audience:
    # The people the requester blocked are left out: the requester knows of that block.
    chosen = chosen - blocked_by_user_ids(requester)
    if not chosen:
        raise invalid(
            "audience",
            CheckinErrorCode.EMPTY_AUDIENCE,
            gettext(
                "There's nobody in this circle to ask yet. Try another circle, or find help now."
            ),
        )
    # Someone who blocked the requester stays in the snapshot, so the requester's view is
    # that of a friend who hasn't seen it yet, but is never told (and, as for any block, the
    # gates keep the check-in from them). Asking only them answers as if sent.
    blockers = blocked_user_ids(requester) & chosen
    # A suspended or banned person is left out silently (moderation's decision).
    asked = chosen - restricted_user_ids(chosen)
    return _Audience(asked=sorted(asked), reached=sorted(asked - blockers))


def _open_reach_out_id(requester: User) -> UUID | None:
    return (
        CheckIn.objects.filter(requester=requester, kind=Kind.REACH_OUT, status__in=ACTIVE_STATUSES)
        .values_list("pk", flat=True)
        .first()
    )


def _lock_people(*, requester: User, kind: str, audience: list[UUID] | None) -> None:
    """One person's creates queue up behind each other, so a retry (or a double tap) finds
    the check-in the first one made instead of racing it into `open_reach_out_exists`, and
    the caps count what is really there. A nudge also waits for other nudges to the same
    friend; both rows are locked in one statement in id order, so two friends nudging each
    other at once don't deadlock. `FOR NO KEY UPDATE`: it serializes these creates but not
    PostgreSQL's foreign-key checks (a KEY SHARE on each person a new row points at, taken at
    COMMIT), so two friends asking each other at once don't deadlock either (`make load`)."""
    ids = {requester.pk}
    if kind == Kind.NUDGE and audience is not None and len(set(audience) - ids) == 1:
        ids |= set(audience)
    people = User.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk")
    list(people.values_list("pk"))


def _check_schedule_room(*, requester: User, scheduled_for: dt.datetime) -> None:
    """A few waiting check-on-mes, spaced apart: never a stack that fires all at once."""
    waiting = CheckIn.objects.filter(
        requester=requester, kind=Kind.CHECK_ON_ME, status=Status.SCHEDULED
    )
    limit = conf.scheduled_max_pending()
    if waiting.count() >= limit:
        raise errors.too_many_scheduled(limit)
    spacing = conf.scheduled_min_spacing()
    near = (
        waiting.filter(
            scheduled_for__gt=scheduled_for - spacing, scheduled_for__lt=scheduled_for + spacing
        )
        .values_list("pk", flat=True)
        .first()
    )
    if near is not None:
        raise errors.scheduled_too_close(near, int(spacing.total_seconds() // 60))


def _check_nudge_room(*, recipient_id: UUID, now: dt.datetime) -> None:
    """However many friends think of someone, their phone hears it a few times a day."""
    limit = conf.nudges_per_recipient_per_day()
    received = list(
        CheckIn.objects.filter(
            kind=Kind.NUDGE,
            audience__user_id=recipient_id,
            created_at__gt=now - conf.NUDGE_WINDOW,
        )
        .order_by("created_at")
        .values_list("created_at", flat=True)
    )
    if len(received) >= limit:
        # A slot frees once enough of them are a day old.
        frees_at = received[len(received) - limit] + conf.NUDGE_WINDOW
        raise errors.NudgeLimit(math.ceil((frees_at - now).total_seconds()))


@transaction.atomic
def checkin_create(
    *,
    requester: User,
    circle: Circle,
    kind: str,
    audience: Iterable[UUID] | None = None,
    mode: str = "",
    no_need_to_explain: bool = False,
    just_listen: bool = False,
    silence_ok: bool = False,
    message: str = "",
    scheduled_for: dt.datetime | None = None,
    idempotency_key: str = "",
    in_reply_to: CheckIn | None = None,
) -> tuple[CheckIn, bool]:
    """Ask friends; returns (check-in, created). The same `idempotency_key` from the same
    person returns the check-in it made the first time, whatever else the retry says."""
    audience = None if audience is None else list(audience)
    _lock_people(requester=requester, kind=kind, audience=audience)
    if idempotency_key:
        existing = CheckIn.objects.filter(
            requester=requester, idempotency_key=idempotency_key
        ).first()
        if existing is not None:
            return existing, False
    now = timezone.now()
    _validate_fields(kind=kind, mode=mode, scheduled_for=scheduled_for, now=now)
    chosen = _choose_audience(requester=requester, circle=circle, kind=kind, audience=audience)
    if kind == Kind.REACH_OUT and (open_id := _open_reach_out_id(requester)) is not None:
        raise errors.open_reach_out_exists(open_id)
    if kind == Kind.CHECK_ON_ME:
        assert scheduled_for is not None
        _check_schedule_room(requester=requester, scheduled_for=scheduled_for)
    elif kind == Kind.NUDGE:
        for recipient_id in chosen.asked:
            _check_nudge_room(recipient_id=recipient_id, now=now)
    scheduled = kind == Kind.CHECK_ON_ME
    checkin = CheckIn(
        requester=requester,
        circle=circle,
        kind=kind,
        mode=mode,
        no_need_to_explain=no_need_to_explain,
        just_listen=just_listen,
        silence_ok=silence_ok,
        message=message.strip(),
        scheduled_for=scheduled_for,
        idempotency_key=idempotency_key,
        in_reply_to=in_reply_to,
        status=Status.SCHEDULED if scheduled else Status.OPEN,
        activated_at=None if scheduled else now,
    )
    checkin.full_clean(exclude=FK_FIELDS, validate_constraints=False)
    try:
        with transaction.atomic():
            checkin.save()
    except IntegrityError:
        # A concurrent request won: the same retry, or a second reach-out at once.
        if idempotency_key:
            existing = CheckIn.objects.filter(
                requester=requester, idempotency_key=idempotency_key
            ).first()
            if existing is not None:
                return existing, False
        if kind == Kind.REACH_OUT and (open_id := _open_reach_out_id(requester)) is not None:
            raise errors.open_reach_out_exists(open_id) from None
        raise
    notification_ids = {} if scheduled else pushes.ask(checkin, chosen.reached)
    AudienceMember.objects.bulk_create(
        AudienceMember(
            checkin=checkin, user_id=user_id, notification_id=notification_ids.get(user_id)
        )
        for user_id in chosen.asked
    )
    if not scheduled:
        never_told = set(chosen.asked) - set(chosen.reached)
        emails.email_unreachable(checkin, notification_ids, now, never_told=never_told)
    if scheduled:
        assert scheduled_for is not None
        schedule_advance(checkin.pk, scheduled_for, queue_name=ASKS_QUEUE)
    else:
        schedule_follow_ups(checkin)
    return checkin, True


@transaction.atomic
def checkin_reach_back(
    *, nudge: CheckIn, by: User, idempotency_key: str = "", **fields: Any
) -> tuple[CheckIn, bool]:
    """The nudged friend answers "I need you" with a reach-out to the nudge's sender."""
    if nudge.kind != Kind.NUDGE:
        raise errors.not_a_nudge()
    if not AudienceMember.objects.filter(checkin=nudge, user=by).exists():
        raise errors.not_asked()
    return checkin_create(
        requester=by,
        circle=nudge.circle,
        kind=Kind.REACH_OUT,
        audience=[nudge.requester_id],
        idempotency_key=idempotency_key,
        in_reply_to=nudge,
        **fields,
    )


# --- nobody answered: ask again, ask more people ---------------------------------------------


def _lock_asking(checkin: CheckIn, by: User) -> CheckIn:
    checkin = _lock(checkin)
    if by.pk != checkin.requester_id:
        raise errors.requester_only()
    if checkin.status not in ACTIVE_STATUSES or checkin.kind == Kind.NUDGE:
        raise errors.not_open()
    return checkin


@transaction.atomic
def checkin_ask_again(*, checkin: CheckIn, by: User) -> CheckIn:
    """A gentle second ask of the same check-in to the people who haven't answered yet; once
    per check-in (a second one is `already_asked_again`)."""
    checkin = _lock_asking(checkin, by)
    if checkin.asked_again_at is not None:
        raise errors.already_asked_again()
    now = timezone.now()
    CheckIn.objects.filter(pk=checkin.pk).update(asked_again_at=now)
    checkin.asked_again_at = now
    answered = Response.objects.filter(checkin=checkin).values_list("responder_id", flat=True)
    # Still in the circle (or the other one they were asked through), not answered, and (as
    # when it was first sent) nobody who blocked the requester is told.
    waiting = (
        (set(audience_user_ids(checkin=checkin)) & session_circle_user_ids(checkin=checkin))
        - set(answered)
        - blocked_user_ids(checkin.requester)
    )
    through = dict(
        AudienceMember.objects.filter(checkin=checkin, user_id__in=waiting).values_list(
            "user_id", "via_circle_id"
        )
    )
    for circle_id in dict.fromkeys(through[p] for p in sorted(waiting)):
        told = sorted(p for p in waiting if through[p] == circle_id)
        pushes.ask(checkin, told, again=True, circle_id=circle_id)
    return checkin


def _asked_through(
    *, checkin: CheckIn, by: User, wanted: list[UUID], circle_id: UUID | None
) -> dict[UUID, UUID | None]:
    """The circle each person is asked through: none for the people of the check-in's own
    circle; for anyone else `circle_id` (another circle of the requester's, which they must
    be in: one they aren't in reads as not theirs, whether it exists or not), or without it
    the requester's oldest other circle they share."""
    own = set(
        Membership.objects.filter(circle_id=checkin.circle_id, user_id__in=wanted).values_list(
            "user_id", flat=True
        )
    )
    if circle_id is not None and circle_id != checkin.circle_id:
        if not Membership.objects.filter(circle_id=circle_id, user=by).exists():
            raise invalid(
                "circle", CheckinErrorCode.NOT_IN_CIRCLE, gettext("You're not in that circle.")
            )
        shared = set(
            Membership.objects.filter(circle_id=circle_id, user_id__in=wanted).values_list(
                "user_id", flat=True
            )
        )
        through = dict.fromkeys(shared, circle_id)
    elif circle_id is not None:
        through = {}
    else:
        mine = Membership.objects.filter(user=by).exclude(circle_id=checkin.circle_id)
        rows = (
            Membership.objects.filter(user_id__in=wanted, circle_id__in=mine.values("circle_id"))
            .order_by("circle__created_at", "circle_id")
            .values_list("user_id", "circle_id")
        )
        through = {}
        for person, shared_circle_id in rows:
            through.setdefault(person, shared_circle_id)
    if any(person not in own and person not in through for person in wanted):
        raise invalid(
            "people",
            CheckinErrorCode.NOT_IN_CIRCLE,
            gettext("You can only ask people you share a circle with."),
        )
    return {person: None if person in own else through[person] for person in wanted}


@transaction.atomic
def checkin_add_people(
    *, checkin: CheckIn, by: User, people: Iterable[UUID], circle_id: UUID | None = None
) -> CheckIn:
    """Widen the same check-in to more people (never a second one beside it): of its circle,
    or of another circle the requester shares with them (`circle_id`, or found for each). They
    are asked now and join its audience; their answers show where the first ones do. Only
    they see it, not the rest of that other circle (`selectors.visible_to`)."""
    checkin = _lock_asking(checkin, by)
    wanted = list(dict.fromkeys(people))
    if not wanted:
        raise invalid(
            "people", CheckinErrorCode.REQUIRED, gettext("Pick at least one person to ask.")
        )
    already = set(AudienceMember.objects.filter(checkin=checkin).values_list("user_id", flat=True))
    if any(person in already for person in wanted):
        raise invalid(
            "people", CheckinErrorCode.ALREADY_ASKED, gettext("Some of them were asked already.")
        )
    through = _asked_through(
        checkin=checkin, by=by, wanted=[p for p in wanted if p != by.pk], circle_id=circle_id
    )
    chosen = _askable(requester=by, chosen=set(through))
    # Each is told under their own circle's notification level.
    notification_ids: dict[UUID, UUID] = {}
    for circle_id in dict.fromkeys(through[p] for p in chosen.reached):
        told = [p for p in chosen.reached if through[p] == circle_id]
        notification_ids |= pushes.ask(checkin, told, circle_id=circle_id)
    AudienceMember.objects.bulk_create(
        AudienceMember(
            checkin=checkin,
            user_id=user_id,
            via_circle_id=through[user_id],
            notification_id=notification_ids.get(user_id),
        )
        for user_id in chosen.asked
    )
    never_told = set(chosen.asked) - set(chosen.reached)
    emails.email_unreachable(checkin, notification_ids, timezone.now(), never_told=never_told)
    return checkin


@transaction.atomic
def checkin_set_update(*, checkin: CheckIn, by: User, text: str) -> CheckIn:
    """The requester's one short line during the session ("door's open"); replacing it
    replaces it for everyone, an empty one takes it away."""
    checkin = _lock_asking(checkin, by)
    checkin.update_line = text.strip()
    checkin.update_line_at = timezone.now() if checkin.update_line else None
    checkin.full_clean(exclude=FK_FIELDS, validate_constraints=False)
    CheckIn.objects.filter(pk=checkin.pk).update(
        update_line=checkin.update_line, update_line_at=checkin.update_line_at
    )
    return checkin


# --- respond, seen ------------------------------------------------------------------------


def _lock(checkin: CheckIn) -> CheckIn:
    # NO KEY: rows being written that point at these (answers, notes) need not wait for it.
    return (
        CheckIn.objects.select_for_update(no_key=True)
        .select_related("requester")
        .get(pk=checkin.pk)
    )


@transaction.atomic
def checkin_respond(
    *,
    checkin: CheckIn,
    responder: User,
    answer: str,
    eta_minutes: int | None = None,
    message: str = "",
) -> tuple[Response, bool]:
    """One current answer per asked friend; answering again replaces it. Returns
    (response, created). The first answer that isn't "can't right now" moves open → answered."""
    checkin = _lock(checkin)
    if responder.pk == checkin.requester_id or not (
        AudienceMember.objects.filter(checkin=checkin, user=responder).exists()
    ):
        raise errors.not_asked()
    if checkin.status not in ACTIVE_STATUSES:
        raise errors.not_open()
    if answer not in ANSWERS_FOR_KIND[checkin.kind]:
        raise invalid(
            "answer",
            CheckinErrorCode.INVALID_ANSWER,
            gettext("Pick one of the answers for this kind of check-in: {answers}.").format(
                answers=", ".join(ANSWERS_FOR_KIND[checkin.kind])
            ),
        )
    response = Response.objects.filter(checkin=checkin, responder=responder).first()
    created = response is None
    if response is None:
        response = Response(checkin=checkin, responder=responder)
    # Only a new answer or a new ETA pushes; a changed message ("I'm downstairs") shows on
    # the session screen without buzzing the phone again.
    news = created or response.answer != answer or response.eta_minutes != eta_minutes
    now = timezone.now()
    if news:
        response.eta_from = now if eta_minutes else None
    response.answer = answer
    response.eta_minutes = eta_minutes
    response.message = message.strip()
    response.full_clean(exclude=["checkin", "responder"], validate_constraints=False)
    response.save()
    if answer not in NOT_THERE_ANSWERS:
        CheckIn.objects.filter(pk=checkin.pk, status=Status.OPEN).update(
            status=Status.ANSWERED, answered_at=now
        )
    if news:
        pushes.answered(checkin, responder, answer, eta_minutes)
    return response, created


@transaction.atomic
def checkin_mark_seen(*, checkin: CheckIn, user: User) -> dt.datetime:
    """Idempotent: the first time counts."""
    member = AudienceMember.objects.filter(checkin=checkin, user=user).first()
    if member is None:
        raise errors.not_asked()
    if member.seen_at is None:
        now = timezone.now()
        if AudienceMember.objects.filter(pk=member.pk, seen_at__isnull=True).update(seen_at=now):
            return now
        member.refresh_from_db(fields=["seen_at"])
    assert member.seen_at is not None
    return member.seen_at


@transaction.atomic
def checkin_dismiss(*, checkin: CheckIn, user: User) -> dt.datetime:
    """An asked friend puts the check-in's card away from their home (e.g. "reach out to
    them?" after answering a nudge). Idempotent: the first time is kept."""
    member = AudienceMember.objects.filter(checkin=checkin, user=user).first()
    if member is None:
        raise errors.not_asked()
    if member.dismissed_at is None:
        now = timezone.now()
        if AudienceMember.objects.filter(pk=member.pk, dismissed_at__isnull=True).update(
            dismissed_at=now
        ):
            return now
        member.refresh_from_db(fields=["dismissed_at"])
    assert member.dismissed_at is not None
    return member.dismissed_at


# --- close, cancel ------------------------------------------------------------------------


def aftercare_due(closed_at: dt.datetime, tz_name: str) -> dt.datetime:
    """The next AFTERCARE_HOUR:00 in the helper's timezone at least AFTERCARE_MIN_DELAY
    after the session closed ("next morning")."""
    try:
        tz = zoneinfo.ZoneInfo(tz_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo("UTC")
    earliest = (closed_at + conf.AFTERCARE_MIN_DELAY).astimezone(tz)
    due = dt.datetime.combine(earliest.date(), dt.time(conf.aftercare_hour()), tzinfo=tz)
    if due < earliest:
        due = dt.datetime.combine(
            earliest.date() + dt.timedelta(days=1), dt.time(conf.aftercare_hour()), tzinfo=tz
        )
    return due.astimezone(dt.UTC)


@transaction.atomic
def checkin_close(*, checkin: CheckIn, by: User) -> CheckIn:
    """ "I'm okay now": everyone asked is told; those who were there are thanked, and get a
    soft "How are you after that?" the next morning."""
    checkin = _lock(checkin)
    if by.pk != checkin.requester_id:
        raise errors.requester_only()
    if checkin.status == Status.CLOSED:
        raise errors.already_closed()
    if checkin.status not in ACTIVE_STATUSES:
        raise errors.not_open()
    now = timezone.now()
    CheckIn.objects.filter(pk=checkin.pk).update(status=Status.CLOSED, closed_at=now, closed_by=by)
    checkin.status, checkin.closed_at, checkin.closed_by = Status.CLOSED, now, by
    if checkin.kind == Kind.NUDGE:
        return checkin
    asked = set(audience_user_ids(checkin=checkin))
    # Those who were there and are still in no block relation with the requester.
    there = list(there_responses(checkin=checkin).filter(responder_id__in=asked))
    there_ids = {r.responder_id for r in there}
    pushes.closed(checkin, there=there_ids, others=asked - there_ids)
    for response in there:
        response.aftercare_due_at = aftercare_due(now, response.responder.timezone)
    Response.objects.bulk_update(there, ["aftercare_due_at"])
    for due in sorted({r.aftercare_due_at for r in there if r.aftercare_due_at}):
        schedule_advance(checkin.pk, due)
    return checkin


@transaction.atomic
def checkin_cancel(*, checkin: CheckIn, by: User) -> CheckIn:
    """Take it back: any time while scheduled, else within CANCEL_WINDOW of it starting to
    ask (creation for a reach-out or nudge; the scheduled time for a check-on-me)."""
    checkin = _lock(checkin)
    if by.pk != checkin.requester_id:
        raise errors.requester_only()
    if checkin.status == Status.CLOSED:
        raise errors.already_closed()
    now = timezone.now()
    was_asking = checkin.status in ACTIVE_STATUSES
    if was_asking:
        until = conf.cancel_until(checkin.activated_at)
        assert until is not None
        if now > until:
            raise errors.cancel_window_passed()
    elif checkin.status != Status.SCHEDULED:
        raise errors.not_open()
    CheckIn.objects.filter(pk=checkin.pk).update(status=Status.CANCELLED, cancelled_at=now)
    checkin.status, checkin.cancelled_at = Status.CANCELLED, now
    if was_asking:
        pushes.cancelled(checkin, audience_user_ids(checkin=checkin))
    return checkin


# --- membership ended ---------------------------------------------------------------------


def checkins_end_for_departure(circle_id: UUID, user_id: UUID) -> int:
    """Someone left `circle_id` (or was removed): their scheduled and still-asking check-ins
    there are cancelled, quietly (nobody is pushed). Called by circles inside the removal's
    transaction; returns how many ended."""
    return CheckIn.objects.filter(
        circle_id=circle_id,
        requester_id=user_id,
        status__in=(Status.SCHEDULED, *ACTIVE_STATUSES),
    ).update(status=Status.CANCELLED, cancelled_at=timezone.now())

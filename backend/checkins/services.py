"""Writes of check-ins: create, respond, seen, close, cancel, reach back; and the
time-driven transitions (activate a check-on-me, nobody answered, expire, aftercare).

Every transition is a guarded UPDATE (`WHERE status = ...`) or runs under a row lock, so a
task that runs twice, or a task racing the sweep, changes nothing the second time. Pushes go
through `notify()` inside the same transaction: they are enqueued on commit, never before.
"""

import datetime as dt
import logging
import zoneinfo
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from backend.accounts.models import User
from backend.checkins import conf, copy, errors
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
from backend.checkins.selectors import audience_user_ids
from backend.checkins.tasks import schedule_advance
from backend.circles.models import Circle, Membership
from backend.circles.selectors import blocked_user_ids
from backend.notifications.models import Urgency
from backend.notifications.services import notify

logger = logging.getLogger(__name__)

FK_FIELDS = ["requester", "circle", "closed_by", "in_reply_to"]


def _url(checkin: CheckIn) -> str:
    return f"/checkins/{checkin.pk}"


def _tag(checkin: CheckIn) -> str:
    # One tag per check-in: a later push about it (cancelled) replaces an undelivered ask.
    return f"checkin-{checkin.pk}"


# --- create -------------------------------------------------------------------------------


def _validate_fields(
    *, kind: str, mode: str, scheduled_for: dt.datetime | None, now: dt.datetime
) -> None:
    if kind in (Kind.REACH_OUT, Kind.CHECK_ON_ME) and not mode:
        raise invalid(
            "mode", CheckinErrorCode.REQUIRED, "Say how you'd like to be met: come over, call, …"
        )
    if kind == Kind.CHECK_ON_ME:
        if scheduled_for is None:
            raise invalid(
                "scheduled_for", CheckinErrorCode.REQUIRED, "Pick when your friends should check."
            )
        if scheduled_for <= now:
            raise invalid(
                "scheduled_for", CheckinErrorCode.NOT_IN_FUTURE, "Pick a time in the future."
            )
        if scheduled_for > now + conf.SCHEDULE_MAX_AHEAD:
            raise invalid(
                "scheduled_for",
                CheckinErrorCode.TOO_FAR_AHEAD,
                "Pick a time within the next 7 days.",
            )
    elif scheduled_for is not None:
        raise invalid(
            "scheduled_for",
            CheckinErrorCode.NOT_ALLOWED,
            "Only “check on me later” takes a time.",
        )


def _choose_audience(
    *, requester: User, circle: Circle, kind: str, audience: Iterable[UUID] | None
) -> list[UUID]:
    members = set(Membership.objects.filter(circle=circle).values_list("user_id", flat=True))
    if audience is None:
        if kind == Kind.NUDGE:
            raise invalid(
                "audience", CheckinErrorCode.NUDGE_NEEDS_ONE, "Pick the one friend to nudge."
            )
        chosen = members - {requester.pk}
    else:
        wanted = list(dict.fromkeys(audience))
        if any(person not in members for person in wanted):
            raise invalid(
                "audience",
                CheckinErrorCode.NOT_IN_CIRCLE,
                "Everyone you ask has to be in this circle.",
            )
        chosen = set(wanted) - {requester.pk}
        if kind == Kind.NUDGE and len(chosen) != 1:
            raise invalid(
                "audience", CheckinErrorCode.NUDGE_NEEDS_ONE, "A nudge goes to one friend."
            )
    # Silently: a block is never revealed to the person blocked.
    chosen -= blocked_user_ids(requester)
    if not chosen:
        raise invalid(
            "audience",
            CheckinErrorCode.EMPTY_AUDIENCE,
            "There's nobody in this circle to ask yet. Try another circle, or find help now.",
        )
    return sorted(chosen)


def _open_reach_out_id(requester: User) -> UUID | None:
    return (
        CheckIn.objects.filter(requester=requester, kind=Kind.REACH_OUT, status__in=ACTIVE_STATUSES)
        .values_list("pk", flat=True)
        .first()
    )


def _ask(checkin: CheckIn, user_ids: list[UUID]) -> dict[UUID, UUID]:
    """Push the ask to these people now; returns their notification ids."""
    name = checkin.requester.public_name
    if checkin.kind == Kind.NUDGE:
        title, body = copy.nudge_title(name), copy.NUDGE_BODY
        urgency, breaks_quiet_hours = Urgency.NORMAL, False
    else:
        title = (
            copy.reach_out_title(name)
            if checkin.kind == Kind.REACH_OUT
            else copy.check_on_me_title(name)
        )
        body = copy.ask_body(checkin)
        urgency, breaks_quiet_hours = Urgency.HIGH, True
    notifications = notify(
        user_ids=user_ids,
        kind=checkin.kind,
        title=title,
        body=body,
        url=_url(checkin),
        data={"checkin_id": str(checkin.pk)},
        urgency=urgency,
        ttl=conf.PUSH_TTL_SECONDS,
        circle_id=checkin.circle_id,
        breaks_quiet_hours=breaks_quiet_hours,
        tag=_tag(checkin),
    )
    return {n.user_id: n.pk for n in notifications}


def _schedule_follow_ups(checkin: CheckIn) -> None:
    assert checkin.activated_at is not None
    if checkin.kind != Kind.NUDGE:
        schedule_advance(checkin.pk, checkin.activated_at + conf.nobody_answered_after())
    schedule_advance(checkin.pk, checkin.activated_at + conf.expire_after())


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
        raise errors.OpenReachOutExists(open_id)
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
            raise errors.OpenReachOutExists(open_id) from None
        raise
    notification_ids = {} if scheduled else _ask(checkin, chosen)
    AudienceMember.objects.bulk_create(
        AudienceMember(
            checkin=checkin, user_id=user_id, notification_id=notification_ids.get(user_id)
        )
        for user_id in chosen
    )
    if scheduled:
        assert scheduled_for is not None
        schedule_advance(checkin.pk, scheduled_for)
    else:
        _schedule_follow_ups(checkin)
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


# --- respond, seen ------------------------------------------------------------------------


def _lock(checkin: CheckIn) -> CheckIn:
    return CheckIn.objects.select_for_update().select_related("requester").get(pk=checkin.pk)


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
            "Pick one of the answers for this kind of check-in: "
            + ", ".join(ANSWERS_FOR_KIND[checkin.kind])
            + ".",
        )
    response = Response.objects.filter(checkin=checkin, responder=responder).first()
    created = response is None
    if response is None:
        response = Response(checkin=checkin, responder=responder)
    response.answer = answer
    response.eta_minutes = eta_minutes
    response.message = message.strip()
    response.full_clean(exclude=["checkin", "responder"], validate_constraints=False)
    response.save()
    now = timezone.now()
    if answer not in NOT_THERE_ANSWERS:
        CheckIn.objects.filter(pk=checkin.pk, status=Status.OPEN).update(
            status=Status.ANSWERED, answered_at=now
        )
    name = responder.public_name
    need_you = answer == "need_you"
    # Not tied to the circle's notification level: answers to your own ask always reach you.
    notify(
        user_ids=[checkin.requester_id],
        kind="response",
        title=copy.response_title(name, answer, eta_minutes),
        body=copy.response_body(answer),
        url=_url(checkin),
        data={"checkin_id": str(checkin.pk), "answer": answer},
        urgency=Urgency.HIGH if need_you else Urgency.NORMAL,
        ttl=conf.PUSH_TTL_SECONDS,
        tag=f"{_tag(checkin)}-{responder.pk}"[:64],
    )
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
    there = list(
        Response.objects.filter(checkin=checkin, responder_id__in=asked)
        .exclude(answer__in=NOT_THERE_ANSWERS)
        .select_related("responder")
    )
    there_ids = {r.responder_id for r in there}
    name = checkin.requester.public_name
    common: dict[str, Any] = {
        "kind": "checkin_closed",
        "title": copy.closed_title(name),
        "url": _url(checkin),
        "data": {"checkin_id": str(checkin.pk)},
        "ttl": conf.PUSH_TTL_SECONDS,
        "circle_id": checkin.circle_id,
        "tag": _tag(checkin),
    }
    if there_ids:
        notify(user_ids=there_ids, body=copy.THANK_YOU_BODY, **common)
    if others := asked - there_ids:
        notify(user_ids=others, body=copy.CLOSED_BODY, **common)
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
        notify(
            user_ids=audience_user_ids(checkin=checkin),
            kind="checkin_cancelled",
            title=copy.cancelled_title(checkin.requester.public_name),
            body=copy.CLOSED_BODY,
            url=_url(checkin),
            data={"checkin_id": str(checkin.pk)},
            ttl=conf.PUSH_TTL_SECONDS,
            circle_id=checkin.circle_id,
            tag=_tag(checkin),
        )
    return checkin


# --- time-driven transitions -------------------------------------------------------------


@transaction.atomic
def _activate(checkin_id: UUID, now: dt.datetime) -> bool:
    moved = CheckIn.objects.filter(
        pk=checkin_id, status=Status.SCHEDULED, scheduled_for__lte=now
    ).update(status=Status.OPEN, activated_at=now)
    if not moved:
        return False
    checkin = CheckIn.objects.select_related("requester").get(pk=checkin_id)
    # Days may have passed: ask only those still in the circle and not blocked since.
    members = AudienceMember.objects.filter(
        checkin=checkin,
        user_id__in=Membership.objects.filter(circle_id=checkin.circle_id).values("user_id"),
    ).exclude(user_id__in=blocked_user_ids(checkin.requester))
    rows = list(members)
    ids = _ask(checkin, [row.user_id for row in rows])
    for row in rows:
        row.notification_id = ids.get(row.user_id)
    AudienceMember.objects.bulk_update(rows, ["notification_id"])
    _schedule_follow_ups(checkin)
    return True


@transaction.atomic
def _expire(checkin_id: UUID, now: dt.datetime) -> bool:
    return bool(
        CheckIn.objects.filter(
            pk=checkin_id,
            status__in=ACTIVE_STATUSES,
            activated_at__lte=now - conf.expire_after(),
        ).update(status=Status.EXPIRED, expired_at=now)
    )


@transaction.atomic
def _nobody_answered(checkin_id: UUID, now: dt.datetime) -> bool:
    # Still OPEN means no answer other than "can't right now" came.
    moved = CheckIn.objects.filter(
        pk=checkin_id,
        kind__in=(Kind.REACH_OUT, Kind.CHECK_ON_ME),
        status=Status.OPEN,
        nobody_answered_at__isnull=True,
        activated_at__lte=now - conf.nobody_answered_after(),
    ).update(nobody_answered_at=now)
    if not moved:
        return False
    checkin = CheckIn.objects.get(pk=checkin_id)
    notify(
        user_ids=[checkin.requester_id],
        kind="nobody_answered",
        title=copy.NOBODY_ANSWERED_TITLE,
        body=copy.NOBODY_ANSWERED_BODY,
        url=_url(checkin),
        data={"checkin_id": str(checkin.pk), "offer_help": True},
        ttl=conf.PUSH_TTL_SECONDS,
        breaks_quiet_hours=True,
        tag=f"{_tag(checkin)}-nobody",
    )
    return True


@transaction.atomic
def _aftercare(checkin_id: UUID, now: dt.datetime) -> int:
    due = list(
        Response.objects.filter(
            checkin_id=checkin_id,
            checkin__status=Status.CLOSED,
            aftercare_sent_at__isnull=True,
            aftercare_due_at__lte=now,
        ).values_list("pk", "responder_id")
    )
    if not due:
        return 0
    claimed = [
        responder_id
        for pk, responder_id in due
        if Response.objects.filter(pk=pk, aftercare_sent_at__isnull=True).update(
            aftercare_sent_at=now
        )
    ]
    if not claimed:
        return 0
    checkin = CheckIn.objects.select_related("requester").get(pk=checkin_id)
    CheckIn.objects.filter(pk=checkin_id).update(aftercare_sent_at=now)
    notify(
        user_ids=claimed,
        kind="aftercare",
        title=copy.AFTERCARE_TITLE,
        body=copy.aftercare_body(checkin.requester.public_name),
        url=_url(checkin),
        data={"checkin_id": str(checkin.pk)},
        ttl=conf.PUSH_TTL_SECONDS,
        circle_id=checkin.circle_id,
        tag=f"{_tag(checkin)}-aftercare",
    )
    return len(claimed)


def checkin_advance(*, checkin_id: UUID, now: dt.datetime | None = None) -> list[str]:
    """Do whatever is due for one check-in (idempotent); returns what happened."""
    now = now or timezone.now()
    done: list[str] = []
    if _activate(checkin_id, now):
        done.append("activated")
    if _expire(checkin_id, now):
        done.append("expired")
    elif _nobody_answered(checkin_id, now):
        done.append("nobody_answered")
    if sent := _aftercare(checkin_id, now):
        done.append(f"aftercare:{sent}")
    return done


def due_checkin_ids(now: dt.datetime, limit: int = 1000) -> list[UUID]:
    due = (
        Q(status=Status.SCHEDULED, scheduled_for__lte=now)
        | Q(status__in=ACTIVE_STATUSES, activated_at__lte=now - conf.expire_after())
        | Q(
            kind__in=(Kind.REACH_OUT, Kind.CHECK_ON_ME),
            status=Status.OPEN,
            nobody_answered_at__isnull=True,
            activated_at__lte=now - conf.nobody_answered_after(),
        )
    )
    ids = list(
        CheckIn.objects.filter(due).order_by("created_at").values_list("pk", flat=True)[:limit]
    )
    ids += [
        pk
        for pk in Response.objects.filter(
            checkin__status=Status.CLOSED,
            aftercare_sent_at__isnull=True,
            aftercare_due_at__lte=now,
        )
        .values_list("checkin_id", flat=True)
        .distinct()[:limit]
        if pk not in ids
    ]
    return ids


def checkins_sweep(now: dt.datetime | None = None) -> dict[str, int]:
    """Do everything that is due, whatever happened to the tasks meant to do it."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    for checkin_id in due_checkin_ids(now):
        try:
            done = checkin_advance(checkin_id=checkin_id, now=now)
        except Exception:
            # One broken row must not stop the others; the next sweep tries it again.
            logger.exception("Sweeping check-in %s failed", checkin_id)
            counts["failed"] = counts.get("failed", 0) + 1
            continue
        for item in done:
            key = item.split(":")[0]
            counts[key] = counts.get(key, 0) + 1
    if counts:
        logger.info("Check-ins sweep: %s", counts)
    return counts

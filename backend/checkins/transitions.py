"""The time-driven transitions of a check-in: a check-on-me starts asking at its time, the
requester hears "nobody has answered yet", an unclosed one expires, the helpers get aftercare.

Whether each is due is one QuerySet method (`CheckInQuerySet.due_activation` …,
`ResponseQuerySet.aftercare_due`), used both by the per-row guarded UPDATE (so a task that
runs twice, or a task racing the sweep, changes nothing the second time) and by the sweep.

django-tasks-db has no retries and runs nothing without a worker, so tasks only nudge: each
`advance` re-checks the check-in's own timestamps and does what is due, and the every-minute
sweep does the same for anything a lost task missed.
"""

import datetime as dt
import logging
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.tasks import DEFAULT_TASK_QUEUE_NAME, task
from django.utils import timezone

from backend.checkins import conf, emails, pushes
from backend.checkins.models import AudienceMember, CheckIn, Kind, Response, Status
from backend.circles.models import Block, Membership
from backend.circles.selectors import blocked_user_ids
from backend.common.periodic import schedule_periodic
from backend.notifications.conf import ASKS_QUEUE

logger = logging.getLogger(__name__)


# --- scheduling ----------------------------------------------------------------------------


@task()
def advance(checkin_id: str) -> list[str]:
    return checkin_advance(checkin_id=UUID(checkin_id))


def schedule_advance(
    checkin_id: UUID, when: dt.datetime, *, queue_name: str = DEFAULT_TASK_QUEUE_NAME
) -> None:
    """After commit, enqueue `advance` to run at `when` (rolled back: nothing enqueued). A
    check-on-me's time and "nobody answered" go to the asks queue: they must not wait."""

    def enqueue() -> None:
        run_after = when if when > timezone.now() else None
        advance.using(queue_name=queue_name, run_after=run_after).enqueue(str(checkin_id))

    transaction.on_commit(enqueue)


def schedule_follow_ups(checkin: CheckIn) -> None:
    """Once it asks: "nobody answered" (not for a nudge) and expiry."""
    assert checkin.activated_at is not None
    if checkin.kind != Kind.NUDGE:
        schedule_advance(
            checkin.pk,
            checkin.activated_at + conf.nobody_answered_after(),
            queue_name=ASKS_QUEUE,
        )
    schedule_advance(checkin.pk, checkin.activated_at + conf.expire_after())


# --- the transitions -----------------------------------------------------------------------


@transaction.atomic
def _activate(checkin_id: UUID, now: dt.datetime) -> bool:
    due = CheckIn.objects.filter(pk=checkin_id).due_activation(now)
    # The requester left the circle (or was removed) since scheduling: it never fires.
    requester_in_circle = Exists(
        Membership.objects.filter(circle_id=OuterRef("circle_id"), user_id=OuterRef("requester_id"))
    )
    if due.exclude(requester_in_circle).update(status=Status.CANCELLED, cancelled_at=now):
        return False
    moved = due.update(status=Status.OPEN, activated_at=now)
    if not moved:
        return False
    checkin = CheckIn.objects.select_related("requester").get(pk=checkin_id)
    # Days may have passed: ask only those still in the circle and not blocked since.
    rows = list(
        AudienceMember.objects.filter(
            checkin=checkin,
            user_id__in=Membership.objects.filter(circle_id=checkin.circle_id).values("user_id"),
        ).exclude(user_id__in=blocked_user_ids(checkin.requester))
    )
    ids = pushes.ask(checkin, [row.user_id for row in rows])
    for row in rows:
        row.notification_id = ids.get(row.user_id)
    AudienceMember.objects.bulk_update(rows, ["notification_id"])
    emails.email_unreachable(checkin, ids, now)
    schedule_follow_ups(checkin)
    return True


@transaction.atomic
def _expire(checkin_id: UUID, now: dt.datetime) -> bool:
    return bool(
        CheckIn.objects.filter(pk=checkin_id)
        .expire_due(now)
        .update(status=Status.EXPIRED, expired_at=now)
    )


@transaction.atomic
def _nobody_answered(checkin_id: UUID, now: dt.datetime) -> bool:
    moved = (
        CheckIn.objects.filter(pk=checkin_id)
        .nobody_answered_due(now)
        .update(nobody_answered_at=now)
    )
    if not moved:
        return False
    pushes.nobody_answered(CheckIn.objects.get(pk=checkin_id))
    return True


@transaction.atomic
def _aftercare(checkin_id: UUID, now: dt.datetime) -> int:
    due = Response.objects.filter(checkin_id=checkin_id).aftercare_due(now)
    # A block since the close: no "You were there for Bea" between the two, ever.
    requester, responder = OuterRef("checkin__requester_id"), OuterRef("responder_id")
    blocked_since = Exists(
        Block.objects.filter(
            Q(blocker_id=requester, blocked_id=responder)
            | Q(blocker_id=responder, blocked_id=requester)
        )
    )
    due.filter(blocked_since).update(aftercare_due_at=None)
    # Per helper, only the UPDATE that still finds the push unsent sends it.
    claimed = [
        responder_id
        for pk, responder_id in due.values_list("pk", "responder_id")
        if Response.objects.filter(pk=pk, aftercare_sent_at__isnull=True).update(
            aftercare_sent_at=now
        )
    ]
    if not claimed:
        return 0
    pushes.aftercare(CheckIn.objects.select_related("requester").get(pk=checkin_id), claimed)
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


# --- the sweep -----------------------------------------------------------------------------


def due_checkin_ids(now: dt.datetime, limit: int = 1000) -> list[UUID]:
    due = (
        CheckIn.objects.due_activation(now)
        | CheckIn.objects.expire_due(now)
        | CheckIn.objects.nobody_answered_due(now)
    )
    ids = list(due.order_by("created_at").values_list("pk", flat=True)[:limit])
    aftercare = Response.objects.aftercare_due(now).values_list("checkin_id", flat=True)
    ids += [pk for pk in aftercare.distinct()[:limit] if pk not in ids]
    return ids


def transitions_overdue(due_before: dt.datetime) -> str | None:
    """Readiness: a transition that was due before `due_before` and has not happened."""
    if due_checkin_ids(due_before, limit=1):
        return "Check-in follow-ups are overdue: is the task worker running?"
    return None


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
    try:
        if emailed := emails.email_failed_pushes(now):
            counts["emailed"] = emailed
    except Exception:
        logger.exception("Emailing the friends no push reached failed")
    if counts:
        logger.info("Check-ins sweep: %s", counts)
    return counts


def sweep_schedule_next(*, now: dt.datetime | None = None) -> bool:
    return schedule_periodic(
        name="checkins.sweep", task=sweep, interval=conf.SWEEP_INTERVAL, now=now
    )


@task()
def sweep() -> dict[str, int]:
    # Schedule first: a worker killed during the sweep must not end the chain.
    sweep_schedule_next()
    return checkins_sweep()

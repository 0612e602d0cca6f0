"""Background work of check-ins. django-tasks-db has no retries and runs nothing without a
worker, so tasks only nudge: each one re-checks the check-in's own timestamps and does what
is due (idempotent), and the every-minute sweep does the same for anything a lost task missed.
"""

import datetime as dt
from uuid import UUID

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from backend.checkins import conf
from backend.notifications.models import SweepSchedule

# Row of the notifications app's SweepSchedule table that guards our sweep chain (theirs is
# row 1): the same single-row mechanism, so at most one chain of check-in sweeps lives.
SWEEP_ROW = 2


@task()
def advance(checkin_id: str) -> list[str]:
    from backend.checkins.services import checkin_advance

    return checkin_advance(checkin_id=UUID(checkin_id))


def schedule_advance(checkin_id: UUID, when: dt.datetime) -> None:
    """After commit, enqueue `advance` to run at `when` (rolled back: nothing enqueued)."""

    def enqueue() -> None:
        if when > timezone.now():
            advance.using(run_after=when).enqueue(str(checkin_id))
        else:
            advance.enqueue(str(checkin_id))

    transaction.on_commit(enqueue)


def sweep_schedule_next(*, now: dt.datetime | None = None) -> bool:
    """Enqueue the next check-ins sweep unless a live chain already has; True if enqueued.
    Same guard as `backend.notifications.tasks.sweep_schedule_next`, on our own row."""
    now = now or timezone.now()
    next_run = now + conf.SWEEP_INTERVAL
    with transaction.atomic():
        SweepSchedule.objects.get_or_create(pk=SWEEP_ROW, defaults={"next_run_at": now})
        moved = SweepSchedule.objects.filter(
            pk=SWEEP_ROW, next_run_at__lte=now + dt.timedelta(seconds=5)
        ).update(next_run_at=next_run, last_run_at=now)
        if moved:
            sweep.using(run_after=next_run).enqueue()
    return moved == 1


@task()
def sweep() -> dict[str, int]:
    from backend.checkins.services import checkins_sweep

    # Schedule first: a worker killed during the sweep must not end the chain.
    sweep_schedule_next()
    return checkins_sweep()

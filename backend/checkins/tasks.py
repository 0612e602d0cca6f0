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
from backend.common.periodic import schedule_periodic


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
    return schedule_periodic(
        name="checkins.sweep", task=sweep, interval=conf.SWEEP_INTERVAL, now=now
    )


@task()
def sweep() -> dict[str, int]:
    from backend.checkins.services import checkins_sweep

    # Schedule first: a worker killed during the sweep must not end the chain.
    sweep_schedule_next()
    return checkins_sweep()

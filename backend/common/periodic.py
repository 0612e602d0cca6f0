"""Periodic work on a task queue without a scheduler: each run enqueues the next one.

A `PeriodicSchedule` row per name is the guard: only a caller that finds the next run due
(or overdue, i.e. its chain died) moves it forward and enqueues, so chains never multiply.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from backend.common.models import PeriodicSchedule

# A run that starts a little early (the worker's clock, the queue's polling) still counts.
EARLY_TOLERANCE = timedelta(seconds=5)


def schedule_periodic(
    *, name: str, task: Any, interval: timedelta, now: datetime | None = None
) -> bool:
    """Enqueue the next run of `task` (a `django.tasks` task taking no arguments) in
    `interval`, unless a live chain under `name` already has one. True if enqueued."""
    now = now or timezone.now()
    next_run = now + interval
    with transaction.atomic():
        PeriodicSchedule.objects.get_or_create(name=name, defaults={"next_run_at": now})
        moved = PeriodicSchedule.objects.filter(
            name=name, next_run_at__lte=now + EARLY_TOLERANCE
        ).update(next_run_at=next_run, last_run_at=now)
        if moved:
            task.using(run_after=next_run).enqueue()
    return moved == 1

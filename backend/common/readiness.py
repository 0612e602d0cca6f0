"""Readiness: is the background work keeping up? `/healthz?deep=1` asks every registered check.

`common` knows no app's models, so each app registers its own check at startup
(`readiness_check` in its `AppConfig.ready`). A check is given `due_before` — now minus the
grace below — and answers a sentence when something that was due before it is still not
done (a worker that died, a database that went away), or None when all is well.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone

# Work may be this late before the process counts as not ready (a sweep runs every minute).
GRACE = timedelta(minutes=1)

ReadinessCheck = Callable[[datetime], str | None]
_checks: dict[str, ReadinessCheck] = {}


def readiness_check(name: str, check: ReadinessCheck) -> None:
    """Register (or replace) the check called `name`."""
    _checks[name] = check


def readiness_problems(now: datetime | None = None) -> dict[str, str]:
    """What is overdue, by check name; empty when ready."""
    due_before = (now or timezone.now()) - GRACE
    problems = {}
    for name, check in sorted(_checks.items()):
        if (problem := check(due_before)) is not None:
            problems[name] = problem
    return problems

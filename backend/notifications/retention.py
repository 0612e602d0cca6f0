"""What the app keeps about people, kept only for a stated period (README "Security model").

Run by the hourly `notifications.retention` task: finished task results (their arguments
name rows), notifications (their payload names people) with their deliveries, and allauth's
tracked sessions (IP address, user agent) not seen for a while.
"""

import logging
from datetime import datetime
from typing import Any

from allauth.usersessions.models import UserSession
from django.db import models
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from backend.common.conf import shoulder_duration
from backend.notifications.models import Notification

logger = logging.getLogger(__name__)

BATCH = 1000


def _delete_in_batches(queryset: "models.QuerySet[Any]") -> int:
    # Small transactions: a long prune must not hold locks the worker and requests need.
    deleted = 0
    while ids := list(queryset.values_list("pk", flat=True)[:BATCH]):
        queryset.model._default_manager.filter(pk__in=ids).delete()
        deleted += len(ids)
    return deleted


def retention_prune(*, now: datetime | None = None) -> dict[str, int]:
    """Delete what is older than its period; returns how many rows of each kind went."""
    now = now or timezone.now()
    task_results = _delete_in_batches(
        DBTaskResult.objects.finished().filter(
            finished_at__lt=now - shoulder_duration("TASK_RESULTS_KEPT_FOR")
        )
    )
    notifications = _delete_in_batches(  # deliveries go with them (CASCADE)
        Notification.objects.filter(
            created_at__lt=now - shoulder_duration("NOTIFICATIONS_KEPT_FOR")
        )
    )
    sessions = 0
    stale_sessions = UserSession.objects.filter(
        last_seen_at__lt=now - shoulder_duration("USER_SESSIONS_KEPT_FOR")
    )
    for user_session in stale_sessions[:BATCH].iterator():
        user_session.end()  # the Django session too: nobody keeps signing in on a forgotten row
        sessions += 1
    pruned = {"task_results": task_results, "notifications": notifications, "sessions": sessions}
    if any(pruned.values()):
        logger.info("Retention pruned %s", pruned)
    return pruned

"""Background work: send a notification batch's deliveries, or one delivery, and the
periodic sweep that recovers lost ones.

django-tasks-db has no retries and leaves a SIGKILLed worker's task RUNNING forever, so the
`Delivery` row decides: a send is claimed with a guarded UPDATE (a delivered row is never sent
again), retries are new enqueues with `run_after`, and the sweep re-enqueues what is overdue.

`notify()` enqueues one `deliver_batch` task for all the deliveries it made (a reach-out to 11
friends is one task, not 11): it claims them in one UPDATE, encrypts and POSTs them side by
side from a thread pool, and records the deliveries in one UPDATE per status code. A send that
fails is recorded on its own, as `deliver` records it, and its retry is a single-delivery
`deliver` task, as is every re-send the sweep makes.
"""

import base64
import hashlib
import json
import logging
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from django.db import transaction
from django.db.models import F, Q
from django.tasks import DEFAULT_TASK_QUEUE_NAME, TaskContext, task
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import normalize_json
from django_tasks_db.models import DBTaskResult, get_date_max
from pywebpush import WebPushException, webpush

from backend.common.periodic import schedule_periodic
from backend.notifications import conf
from backend.notifications.models import (
    Delivery,
    DeliveryStatus,
    Notification,
    PushSubscription,
    Urgency,
)
from backend.notifications.vapid import get_vapid_keys

logger = logging.getLogger(__name__)


class _NoRedirectSession(requests.Session):
    """Push services answer directly; following a redirect could reach an internal host."""

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs["allow_redirects"] = False
        return super().request(*args, **kwargs)


_local = threading.local()


def _http() -> _NoRedirectSession:
    # One keep-alive session per thread (a requests session is not made to be shared between
    # threads): most pushes go to the same few services.
    session: _NoRedirectSession | None = getattr(_local, "session", None)
    if session is None:
        session = _local.session = _NoRedirectSession()
    return session


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _senders() -> ThreadPoolExecutor:
    """The threads a batch's pushes are encrypted and POSTed from (they touch no database)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(
                max_workers=conf.PUSH_SEND_THREADS, thread_name_prefix="push-send"
            )
        return _pool


# Is a notification of this kind still worth sending? Asked before a re-send (a retry, or the
# sweep's recovery of a send whose worker died), which may come minutes after the first try.
# Higher apps register their kinds at startup (`still_wanted_source`) instead of being
# imported: an ask for a check-in that was closed since must not buzz anyone again.
StillWanted = Callable[[Notification], bool]
_still_wanted: dict[str, StillWanted] = {}


def still_wanted_source(kinds: Iterable[str], check: StillWanted) -> None:
    for kind in kinds:
        _still_wanted[kind] = check


# Told of every push delivered, in the transaction that records it: "delivered" shows on what
# the push was about, which higher apps know (they register at startup).
Delivered = Callable[[list[Notification]], None]
_delivered: list[Delivered] = []


def delivered_source(listener: Delivered) -> None:
    _delivered.append(listener)


def _is_still_wanted(notification: Notification) -> bool:
    check = _still_wanted.get(notification.kind)
    return check is None or check(notification)


@task(takes_context=True)
def deliver(context: TaskContext[Any, Any], delivery_id: str) -> str:
    # A retry goes back to the queue this try came from (the asks queue for what `notify()`
    # sent there), whatever the urgency.
    return delivery_attempt(
        delivery_id=uuid.UUID(delivery_id), queue_name=context.task_result.task.queue_name
    )


@task(takes_context=True)
def deliver_batch(context: TaskContext[Any, Any], delivery_ids: list[str]) -> dict[str, int]:
    """All the deliveries of one `notify()` call (at most `PUSH_BATCH_SIZE` of them); returns
    how many ended how. Their retries go back to this task's queue, as `deliver`'s do."""
    return deliveries_attempt(
        delivery_ids=[uuid.UUID(i) for i in delivery_ids],
        queue_name=context.task_result.task.queue_name,
    )


def enqueue_delivery(
    delivery_id: uuid.UUID,
    run_after: datetime | None = None,
    *,
    queue_name: str = DEFAULT_TASK_QUEUE_NAME,
) -> None:
    if run_after is not None and run_after > timezone.now():
        deliver.using(queue_name=queue_name, run_after=run_after).enqueue(str(delivery_id))
    else:
        deliver.using(queue_name=queue_name).enqueue(str(delivery_id))


def _batches(
    jobs: Sequence[tuple[uuid.UUID, datetime | None]], now: datetime
) -> list[tuple[datetime | None, list[str]]]:
    """`(run_after, delivery ids)` per task: the deliveries due at the same moment (now, or the
    end of someone's quiet hours), `PUSH_BATCH_SIZE` at a time."""
    due: dict[datetime | None, list[str]] = defaultdict(list)
    for delivery_id, run_after in jobs:
        due[run_after if run_after is not None and run_after > now else None].append(
            str(delivery_id)
        )
    size = conf.PUSH_BATCH_SIZE
    return [
        (run_after, ids[start : start + size])
        for run_after, ids in due.items()
        for start in range(0, len(ids), size)
    ]


def enqueue_deliveries(
    jobs: Sequence[tuple[uuid.UUID, datetime | None]],
    *,
    queue_name: str = DEFAULT_TASK_QUEUE_NAME,
) -> None:
    """Enqueue `(delivery_id, run_after)` as `deliver_batch` tasks, in one INSERT.

    The deliveries due at the same moment share a task: a reach-out to 11 friends is one task
    row, sent in one go by the worker, instead of 11 each with their own round trips. The rows
    are the ones the database backend's own `enqueue` writes; another backend enqueues the
    batches one by one.
    """
    now = timezone.now()
    batches = _batches(jobs, now)
    backend = deliver_batch.get_backend()
    if not isinstance(backend, DatabaseBackend):
        for run_after, ids in batches:
            deliver_batch.using(queue_name=queue_name, run_after=run_after).enqueue(ids)
        return
    rows: list[Any] = []
    for run_after, ids in batches:
        job = deliver_batch.using(queue_name=queue_name, run_after=run_after)
        backend.validate_task(job)
        rows.append(
            DBTaskResult(
                id=backend._get_id(),
                args_kwargs=normalize_json({"args": [ids], "kwargs": {}}),
                priority=job.priority,
                task_path=job.module_path,
                queue_name=job.queue_name,
                # What the backend's pre_save signal (skipped by bulk_create) sets for "now".
                run_after=job.run_after or get_date_max(),
                backend_name=backend.alias,
            )
        )
    DBTaskResult.objects.bulk_create(rows)


def _claimable(now: datetime) -> Q:
    due = Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
    stale = Q(
        status=DeliveryStatus.SENDING,
        sending_started_at__lt=now - conf.stale_sending_after(),
    )
    return due | stale


def _claim_fields(now: datetime) -> dict[str, Any]:
    return {
        "status": DeliveryStatus.SENDING,
        "sending_started_at": now,
        "last_attempt_at": now,
        "attempts": F("attempts") + 1,
    }


def _claim(delivery_id: uuid.UUID, now: datetime) -> bool:
    claimed = (
        Delivery.objects.filter(pk=delivery_id).filter(_claimable(now)).update(**_claim_fields(now))
    )
    return claimed == 1


def _claim_many(delivery_ids: Sequence[uuid.UUID], now: datetime) -> list[Delivery]:
    """Claim whichever of these deliveries are due, in one UPDATE; returns them, read back
    with their notification and device in one SELECT. A claim is known by its
    `sending_started_at` (as `_finish` knows it): only rows this claim moved carry `now`."""
    claimed = (
        Delivery.objects.filter(pk__in=delivery_ids)
        .filter(_claimable(now))
        .update(**_claim_fields(now))
    )
    if not claimed:
        return []
    return list(
        Delivery.objects.select_related("notification", "subscription").filter(
            pk__in=delivery_ids, status=DeliveryStatus.SENDING, sending_started_at=now
        )
    )


def _finish(delivery: Delivery, claimed_at: datetime, **fields: Any) -> None:
    # Only the claim that is still ours may write the outcome.
    Delivery.objects.filter(
        pk=delivery.pk, status=DeliveryStatus.SENDING, sending_started_at=claimed_at
    ).update(**fields)


def _retry_after(value: str | None, now: datetime) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        delay = timedelta(seconds=int(value))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        delay = when - now
    delay = min(max(delay, timedelta(seconds=1)), conf.MAX_RETRY_AFTER)
    return now + delay


def queue_for(urgency: str) -> str:
    """Where the sweep re-sends a delivery whose task was lost (no task to ask where it was):
    a high-urgency push (an ask, "could use you") through the asks queue, with its fast
    worker; everything else through the default."""
    return conf.ASKS_QUEUE if urgency == Urgency.HIGH else DEFAULT_TASK_QUEUE_NAME


def _schedule_retry(
    delivery: Delivery,
    claimed_at: datetime,
    *,
    queue_name: str,
    now: datetime,
    error: str,
    status_code: int | None,
    retry_at: datetime | None = None,
) -> str:
    attempts = delivery.attempts
    if attempts >= conf.MAX_ATTEMPTS:
        _finish(
            delivery,
            claimed_at,
            status=DeliveryStatus.FAILED,
            failed_at=now,
            last_error=error[:500],
            last_status_code=status_code,
        )
        return DeliveryStatus.FAILED
    if retry_at is None:
        backoff = conf.BACKOFF_SECONDS[min(attempts, len(conf.BACKOFF_SECONDS)) - 1]
        retry_at = now + timedelta(seconds=backoff)
    with transaction.atomic():
        _finish(
            delivery,
            claimed_at,
            status=DeliveryStatus.PENDING,
            next_attempt_at=retry_at,
            enqueued_at=now,
            last_error=error[:500],
            last_status_code=status_code,
        )
        # Same database as the row: the retry task exists exactly when the row says pending.
        # A retry is always a single-delivery task, whether the first try was in a batch or not.
        enqueue_delivery(delivery.pk, retry_at, queue_name=queue_name)
    return "retry"


def _unsendable(delivery: Delivery, claimed_at: datetime, now: datetime) -> str | None:
    """Finish a claimed delivery that must not be sent (its device is gone, nobody wants it
    any more, it ran out of attempts) and say how it ended; None: send it."""
    if delivery.subscription is None:
        _finish(delivery, claimed_at, status=DeliveryStatus.GONE, gone_at=now)
        return DeliveryStatus.GONE
    if delivery.attempts > 1 and not _is_still_wanted(delivery.notification):
        _finish(delivery, claimed_at, status=DeliveryStatus.CANCELLED, cancelled_at=now)
        return DeliveryStatus.CANCELLED
    if delivery.attempts > conf.MAX_ATTEMPTS:
        _finish(delivery, claimed_at, status=DeliveryStatus.FAILED, failed_at=now)
        return DeliveryStatus.FAILED
    return None


@dataclass(frozen=True)
class _Sent:
    """What the push service said: a status code, or the exception the send ended with."""

    status_code: int | None = None
    error: Exception | None = None


def _send(delivery: Delivery) -> _Sent:
    """Encrypt and POST one push. No database here: it runs on the sender threads."""
    subscription, notification = delivery.subscription, delivery.notification
    assert subscription is not None
    keys = get_vapid_keys()
    headers: dict[str, str | int | float] = {
        "Urgency": notification.urgency,
        "Topic": notification_topic(notification.tag),
    }
    try:
        response = webpush(
            subscription_info={
                "endpoint": subscription.endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=json.dumps(notification.payload, separators=(",", ":"), ensure_ascii=False),
            vapid_private_key=keys.signer,
            vapid_claims={"sub": keys.subject},
            ttl=notification.ttl,
            headers=headers,
            content_encoding="aes128gcm",
            timeout=conf.PUSH_TIMEOUT_SECONDS,
            requests_session=_http(),
        )
    except Exception as exc:
        return _Sent(error=exc)
    return _Sent(status_code=response.status_code)


def _record_failure(
    delivery: Delivery, claimed_at: datetime, exc: Exception, *, now: datetime, queue_name: str
) -> str:
    subscription = delivery.subscription
    assert subscription is not None
    if isinstance(exc, WebPushException):
        return _handle_refusal(
            delivery,
            claimed_at,
            subscription,
            exc,
            status_code=exc.status_code,
            now=now,
            queue_name=queue_name,
        )
    # Network errors, and anything unexpected: retry with backoff.
    if not isinstance(exc, requests.RequestException):
        logger.error("Sending delivery %s failed unexpectedly", delivery.pk, exc_info=exc)
    PushSubscription.objects.filter(pk=subscription.pk).update(failure_count=F("failure_count") + 1)
    return _schedule_retry(
        delivery,
        claimed_at,
        queue_name=queue_name,
        now=now,
        error=f"{type(exc).__name__}: {exc}",
        status_code=None,
    )


def _record_delivered(sent: Sequence[tuple[Delivery, int | None]], claimed_at: datetime) -> None:
    """Mark these deliveries delivered, their devices healthy, and tell the listeners: one
    commit, one UPDATE per status code (one, nearly always) and one for the devices."""
    if not sent:
        return
    done = timezone.now()
    by_code: dict[int | None, list[uuid.UUID]] = defaultdict(list)
    for delivery, status_code in sent:
        by_code[status_code].append(delivery.pk)
    notifications = list({d.notification_id: d.notification for d, _ in sent}.values())
    with transaction.atomic():  # one commit for every row
        for status_code, ids in by_code.items():
            # Only the claim that is still ours may write the outcome.
            Delivery.objects.filter(
                pk__in=ids, status=DeliveryStatus.SENDING, sending_started_at=claimed_at
            ).update(
                status=DeliveryStatus.DELIVERED,
                delivered_at=done,
                last_status_code=status_code,
                last_error="",
            )
        PushSubscription.objects.filter(pk__in={d.subscription_id for d, _ in sent}).update(
            last_success_at=done, failure_count=0
        )
        for listener in _delivered:
            try:
                with transaction.atomic():  # a savepoint: its failure leaves ours usable
                    listener(notifications)
            except Exception:
                # A listener (a screen's version bump) never undoes a push that went out.
                logger.exception(
                    "A delivered-listener failed for notifications %s",
                    ", ".join(str(n.pk) for n in notifications),
                )


def delivery_attempt(*, delivery_id: uuid.UUID, queue_name: str = DEFAULT_TASK_QUEUE_NAME) -> str:
    """Try to send one delivery now; returns what happened (for the task result)."""
    now = timezone.now()
    if not _claim(delivery_id, now):
        return "skipped"
    delivery = Delivery.objects.select_related("notification", "subscription").get(pk=delivery_id)
    claimed_at = delivery.sending_started_at
    assert claimed_at is not None
    ended = _unsendable(delivery, claimed_at, now)
    if ended is not None:
        return ended
    sent = _send(delivery)
    if sent.error is not None:
        return _record_failure(delivery, claimed_at, sent.error, now=now, queue_name=queue_name)
    _record_delivered([(delivery, sent.status_code)], claimed_at)
    return DeliveryStatus.DELIVERED


def deliveries_attempt(
    *, delivery_ids: Sequence[uuid.UUID], queue_name: str = DEFAULT_TASK_QUEUE_NAME
) -> dict[str, int]:
    """Try to send these deliveries now, side by side; returns how many ended how ("skipped":
    not due, or already claimed by another task). Each one ends exactly as it would through
    `delivery_attempt`; the delivered ones are recorded together."""
    now = timezone.now()
    claimed = _claim_many(delivery_ids, now)
    outcomes: dict[str, int] = defaultdict(int)
    outcomes["skipped"] = len(set(delivery_ids)) - len(claimed)
    sendable = []
    for delivery in claimed:
        ended = _unsendable(delivery, now, now)
        if ended is None:
            sendable.append(delivery)
        else:
            outcomes[ended] += 1
    if len(sendable) > 1:
        results = list(_senders().map(_send, sendable))
    else:
        results = [_send(delivery) for delivery in sendable]  # no thread hop for one
    delivered = []
    for delivery, sent in zip(sendable, results, strict=True):
        if sent.error is None:
            delivered.append((delivery, sent.status_code))
        else:
            ended = _record_failure(delivery, now, sent.error, now=now, queue_name=queue_name)
            outcomes[ended] += 1
    _record_delivered(delivered, now)
    outcomes[DeliveryStatus.DELIVERED] += len(delivered)
    return {outcome: count for outcome, count in outcomes.items() if count}


def _handle_refusal(
    delivery: Delivery,
    claimed_at: datetime,
    subscription: PushSubscription,
    exc: WebPushException,
    *,
    status_code: int | None,
    now: datetime,
    queue_name: str,
) -> str:
    error = f"{status_code}: {getattr(exc.response, 'text', '')[:400]}"
    if status_code in (404, 410):
        # The browser unsubscribed or the endpoint expired: forget this device.
        with transaction.atomic():
            _finish(
                delivery,
                claimed_at,
                status=DeliveryStatus.GONE,
                gone_at=now,
                last_status_code=status_code,
                last_error=error[:500],
            )
            subscription.delete()
        return DeliveryStatus.GONE
    PushSubscription.objects.filter(pk=subscription.pk).update(failure_count=F("failure_count") + 1)
    if status_code == 429:
        return _schedule_retry(
            delivery,
            claimed_at,
            queue_name=queue_name,
            now=now,
            error=error,
            status_code=status_code,
            retry_at=_retry_after(exc.retry_after, now),
        )
    if exc.response is None:
        status_code = None  # refused before sending (bad keys): retrying cannot help
    elif status_code is not None and status_code >= 500:
        return _schedule_retry(
            delivery,
            claimed_at,
            queue_name=queue_name,
            now=now,
            error=error,
            status_code=status_code,
        )
    # Any other refusal (400, 401, 403, 413, a redirect) will not get better by retrying.
    logger.warning("Push refused with %s for delivery %s", status_code, delivery.pk)
    _finish(
        delivery,
        claimed_at,
        status=DeliveryStatus.FAILED,
        failed_at=now,
        last_status_code=status_code,
        last_error=error[:500],
    )
    return DeliveryStatus.FAILED


def notification_topic(tag: str) -> str:
    """RFC 8030 Topic: at most 32 URL-safe base64 characters; replaces an undelivered twin."""
    digest = hashlib.sha256(tag.encode()).digest()[:24]
    return base64.urlsafe_b64encode(digest).decode()


# --- the sweep -------------------------------------------------------------------------------


def sweep_deliveries(*, now: datetime | None = None) -> int:
    """Re-enqueue deliveries whose task was lost; returns how many were re-enqueued.

    Lost means: pending and overdue without a recent enqueue (the enqueue after commit failed,
    or the task row was pruned), or "sending" for longer than a send can take (its worker died).
    """
    now = now or timezone.now()
    overdue = Q(
        status=DeliveryStatus.PENDING,
        next_attempt_at__lte=now - conf.STALE_PENDING_AFTER,
    ) & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lte=now - conf.STALE_PENDING_AFTER))
    stale = Q(
        status=DeliveryStatus.SENDING,
        sending_started_at__lt=now - conf.stale_sending_after(),
    ) & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lte=now - conf.stale_sending_after()))
    ids = list(
        Delivery.objects.filter(overdue | stale)
        .order_by("next_attempt_at")
        .values_list("id", "notification__urgency")[:1000]
    )
    for delivery_id, urgency in ids:
        with transaction.atomic():
            Delivery.objects.filter(pk=delivery_id).update(enqueued_at=now)
            enqueue_delivery(delivery_id, queue_name=queue_for(urgency))
    if ids:
        logger.info("Sweep re-enqueued %d deliveries", len(ids))
    return len(ids)


def sweep_schedule_next(*, now: datetime | None = None) -> bool:
    return schedule_periodic(
        name="notifications.sweep", task=sweep, interval=conf.SWEEP_INTERVAL, now=now
    )


@task()
def sweep() -> int:
    # Schedule first: a worker killed during the sweep must not end the chain.
    sweep_schedule_next()
    # The every-minute sweep keeps the hourly retention chain alive (a no-op while it is).
    retention_schedule_next()
    return sweep_deliveries()


def retention_schedule_next(*, now: datetime | None = None) -> bool:
    return schedule_periodic(
        name="notifications.retention",
        task=retention,
        interval=conf.RETENTION_INTERVAL,
        now=now,
    )


@task()
def retention() -> dict[str, int]:
    from backend.notifications.retention import retention_prune

    retention_schedule_next()
    return retention_prune()

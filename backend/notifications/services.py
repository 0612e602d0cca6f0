"""Writes of the notifications app: devices, settings, and `notify()` for the other apps."""

import datetime as dt
import hmac
import json
import uuid
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.tasks import DEFAULT_TASK_QUEUE_NAME
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from backend.accounts.models import User
from backend.accounts.selectors import restricted
from backend.common.errors import ApplicationError
from backend.common.i18n import in_language
from backend.notifications import conf
from backend.notifications.errors import NotificationErrorCode
from backend.notifications.models import (
    CircleLevel,
    Delivery,
    Notification,
    NotificationPreference,
    PushSubscription,
    Urgency,
)
from backend.notifications.tasks import enqueue_deliveries

# Kinds that still come through when a circle is set to "reach_outs only".
REACH_OUT_KINDS = frozenset({"reach_out", "check_on_me"})

# Each person's level for one circle, `(user_ids, circle_id) -> {user_id: level}`; people left
# out hear everything. The circles app keeps the levels and, being a higher layer, hands
# this app its reader at startup (`circle_levels_source`) instead of being imported.
CircleLevels = Callable[[Collection[uuid.UUID], uuid.UUID], Mapping[uuid.UUID, str]]


def _everything(user_ids: Collection[uuid.UUID], circle_id: uuid.UUID) -> Mapping[uuid.UUID, str]:
    return {}


_circle_levels: CircleLevels = _everything


def circle_levels_source(source: CircleLevels) -> None:
    """Where `notify()` reads per-circle levels from (the circles app calls this once)."""
    global _circle_levels
    _circle_levels = source


# --- devices ------------------------------------------------------------------------------


@transaction.atomic
def push_subscription_register(
    *,
    user: User,
    endpoint: str,
    p256dh: str,
    auth: str,
    expiration_time: dt.datetime | None = None,
    user_agent: str = "",
) -> tuple[PushSubscription, bool]:
    """Remember this device for this person; returns (subscription, created).

    An endpoint that belonged to someone else moves to this person as a new row (so the other
    person's queued notifications never reach this device) only with the very same keys: that
    is the same browser after a new login. Anyone can read an endpoint off a device, but only
    the browser holds its keys, so other keys are refused rather than taking it over.
    """
    existing = PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
    if existing is not None and existing.user_id == user.pk:
        existing.p256dh, existing.auth = p256dh, auth
        existing.expiration_time = expiration_time
        existing.user_agent = user_agent[:512]
        existing.full_clean()
        existing.save()
        return existing, False
    if existing is not None:
        same_keys = hmac.compare_digest(existing.p256dh, p256dh) and hmac.compare_digest(
            existing.auth, auth
        )
        if not same_keys:
            raise ApplicationError(
                NotificationErrorCode.SUBSCRIPTION_TAKEN,
                gettext("This device is already set up for someone else's notifications."),
                status_code=409,
            )
        existing.delete()
    subscription = PushSubscription(
        user=user,
        endpoint=endpoint,
        p256dh=p256dh,
        auth=auth,
        expiration_time=expiration_time,
        user_agent=user_agent[:512],
    )
    subscription.full_clean()
    try:
        with transaction.atomic():
            subscription.save()
    except IntegrityError:
        # The same device registered twice at once: the other request won.
        winner = PushSubscription.objects.filter(endpoint=endpoint, user=user).first()
        if winner is None:
            raise ApplicationError(
                NotificationErrorCode.PUSH_SUBSCRIPTION_CONFLICT,
                gettext("This device was just registered by another request. Try again."),
                status_code=409,
            ) from None
        return winner, False
    return subscription, True


@transaction.atomic
def push_subscription_delete(*, user: User, endpoint: str) -> None:
    """Forget this device (the PWA calls this before signing out). Idempotent."""
    PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()


# --- settings -----------------------------------------------------------------------------


@transaction.atomic
def notification_preference_update(
    *,
    user: User,
    quiet_hours: dict[str, Any] | None = None,
    reach_outs_break_quiet_hours: bool | None = None,
    email_when_push_fails: bool | None = None,
) -> NotificationPreference:
    """Change this person's quiet hours; only what is given changes."""
    preference, _ = NotificationPreference.objects.select_for_update().get_or_create(user=user)
    if quiet_hours:
        for key, field in (
            ("enabled", "quiet_hours_enabled"),
            ("start", "quiet_hours_start"),
            ("end", "quiet_hours_end"),
        ):
            if key in quiet_hours:
                setattr(preference, field, quiet_hours[key])
        if preference.quiet_hours_start == preference.quiet_hours_end:
            raise ValidationError(
                {
                    "quiet_hours": ValidationError(
                        gettext("Quiet hours need a start and an end that differ."),
                        code=NotificationErrorCode.QUIET_HOURS_EMPTY,
                    )
                }
            )
    if reach_outs_break_quiet_hours is not None:
        preference.reach_outs_break_quiet_hours = reach_outs_break_quiet_hours
    if email_when_push_fails is not None:
        preference.email_when_push_fails = email_when_push_fails
    preference.full_clean()
    preference.save()
    return preference


# --- notify ------------------------------------------------------------------------------


def quiet_hours_end(
    preference: NotificationPreference | None, tz_name: str, now: dt.datetime
) -> dt.datetime | None:
    """When the person's quiet hours end, if `now` falls inside them (else None)."""
    if preference is None or not preference.quiet_hours_enabled:
        return None
    start, end = preference.quiet_hours_start, preference.quiet_hours_end
    if start == end:
        return None
    try:
        tz = zoneinfo.ZoneInfo(tz_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo("UTC")
    local = now.astimezone(tz)
    moment = local.time().replace(tzinfo=None)
    inside = (start <= moment < end) if start < end else (moment >= start or moment < end)
    if not inside:
        return None
    end_at = dt.datetime.combine(local.date(), end, tzinfo=tz)
    if end_at <= local:
        end_at = dt.datetime.combine(local.date() + dt.timedelta(days=1), end, tzinfo=tz)
    return end_at.astimezone(dt.UTC)


def _encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def _payload(
    *,
    notification_id: uuid.UUID,
    kind: str,
    title: str,
    body: str,
    url: str,
    tag: str,
    circle_id: uuid.UUID | None,
    data: dict[str, Any] | None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {**(data or {})}
    payload.update(
        kind=kind,
        title=title[:120],
        body=body,
        url=url,
        tag=tag,
        notification_id=str(notification_id),
    )
    if circle_id is not None:
        payload["circle_id"] = str(circle_id)

    def size() -> int:
        return len(_encode(payload))

    # Encrypted pushes over ~4 KB are refused; keep the JSON under 3 KB by shortening the body.
    excess = size() - conf.MAX_PAYLOAD_BYTES
    if excess > 0 and payload["body"]:
        raw = payload["body"].encode()
        keep = max(0, len(raw) - excess - len("…".encode()))
        payload["body"] = raw[:keep].decode(errors="ignore").rstrip() + "…"
    if size() > conf.MAX_PAYLOAD_BYTES:
        raise ValueError("Notification data is too large for a push message.")
    return json.loads(json.dumps(payload, default=str))


def notify(
    *,
    user_ids: Iterable[uuid.UUID],
    kind: str,
    title: str | Promise,
    body: str | Promise,
    url: str,
    data: dict[str, Any] | None = None,
    urgency: str = Urgency.NORMAL,
    ttl: int = conf.DEFAULT_TTL_SECONDS,
    circle_id: uuid.UUID | None = None,
    breaks_quiet_hours: bool = False,
    tag: str | None = None,
) -> list[Notification]:
    """Tell these people something on all their devices, respecting their settings.

    Call it inside the request's transaction: the sends are enqueued on commit (one task for
    all the devices due at once, up to `PUSH_BATCH_SIZE`), never before, and not at all on
    rollback. A muted circle (or a non-reach-out kind for a circle set to reach-outs only)
    creates nothing; during quiet hours the sends wait for the end of them, unless
    `breaks_quiet_hours` and the person allows reach-outs through. What may break quiet hours
    is what must not wait: it goes to the asks queue. `title` and `body` may be lazy
    translations: each person gets them in their own language (rendered once per language).
    """
    return _notify(
        user_ids=user_ids,
        kind=kind,
        title=title,
        body=body,
        url=url,
        data=data,
        urgency=urgency,
        ttl=ttl,
        circle_id=circle_id,
        breaks_quiet_hours=breaks_quiet_hours,
        tag=tag,
        apply_preferences=True,
    )


@transaction.atomic
def _notify(
    *,
    user_ids: Iterable[uuid.UUID],
    kind: str,
    title: str | Promise,
    body: str | Promise,
    url: str,
    data: dict[str, Any] | None,
    urgency: str,
    ttl: int,
    circle_id: uuid.UUID | None,
    breaks_quiet_hours: bool,
    tag: str | None,
    apply_preferences: bool,
) -> list[Notification]:
    if urgency not in Urgency.values:
        raise ValueError(f"Unknown urgency {urgency!r}")
    if ttl <= 0:
        raise ValueError("A push needs a positive TTL (0 drops it when the phone is offline).")
    now = timezone.now()
    ids = set(user_ids)
    # Nobody suspended or banned is told anything (they read their standing in the app).
    users = list(
        User.objects.filter(pk__in=ids).exclude(restricted()).only("id", "timezone", "language")
    )
    preferences: dict[uuid.UUID, NotificationPreference] = {}
    levels: dict[uuid.UUID, str] = {}
    if apply_preferences:
        preferences = {p.user_id: p for p in NotificationPreference.objects.filter(user_id__in=ids)}
        if circle_id is not None:
            levels = dict(_circle_levels(ids, circle_id))
    devices: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for sub_id, owner_id in PushSubscription.objects.filter(user_id__in=ids).values_list(
        "id", "user_id"
    ):
        devices[owner_id].append(sub_id)

    # What is the same for everyone who reads the same language is made once per language, not
    # once per person: the words (lazy translations rendered in it) and the payload around
    # them, shortened to fit. Each person's copy only gets their notification's id and tag.
    payloads: dict[str, dict[str, Any]] = {}

    def payload_in(language: str) -> dict[str, Any]:
        if language not in payloads:
            with in_language(language):
                rendered_title, rendered_body = str(title), str(body)
            # The same lengths as every real id and tag: the body is shortened the same way.
            placeholder = uuid.UUID(int=0)
            payloads[language] = _payload(
                notification_id=placeholder,
                kind=kind,
                title=rendered_title,
                body=rendered_body,
                url=url,
                tag=(tag or f"{kind}-{placeholder}")[:64],
                circle_id=circle_id,
                data=data,
            )
        return payloads[language]

    notifications: list[Notification] = []
    deliveries: list[Delivery] = []
    for user in users:
        level = levels.get(user.pk, CircleLevel.ALL)
        if level == CircleLevel.MUTED:
            continue
        if level == CircleLevel.REACH_OUTS and kind not in REACH_OUT_KINDS:
            continue
        send_at = now
        if apply_preferences:
            preference = preferences.get(user.pk)
            quiet_end = quiet_hours_end(preference, user.timezone, now)
            may_break = (
                breaks_quiet_hours
                and preference is not None
                and preference.reach_outs_break_quiet_hours
            )
            if quiet_end is not None and not may_break:
                send_at = quiet_end
        notification_id = uuid.uuid4()
        notification_tag = (tag or f"{kind}-{notification_id}")[:64]
        # A shallow copy: what `data` nests is shared, and never changed once made.
        payload = {
            **payload_in(user.language),
            "tag": notification_tag,
            "notification_id": str(notification_id),
        }
        notification = Notification(
            id=notification_id,
            user=user,
            kind=kind,
            payload=payload,
            urgency=urgency,
            ttl=ttl,
            tag=notification_tag,
            circle_id=circle_id,
        )
        notifications.append(notification)
        deliveries.extend(
            Delivery(
                notification=notification,
                subscription_id=sub_id,
                next_attempt_at=send_at,
                enqueued_at=now,
            )
            for sub_id in devices.get(user.pk, ())
        )
    Notification.objects.bulk_create(notifications)
    Delivery.objects.bulk_create(deliveries)
    jobs = [(d.pk, d.next_attempt_at if d.next_attempt_at > now else None) for d in deliveries]
    queue_name = conf.ASKS_QUEUE if breaks_quiet_hours else DEFAULT_TASK_QUEUE_NAME

    def enqueue_all() -> None:
        # One INSERT of a batch task (a few, past `PUSH_BATCH_SIZE` devices or for people in
        # quiet hours); if it fails (database hiccup), the sweep enqueues each delivery.
        enqueue_deliveries(jobs, queue_name=queue_name)

    if jobs:
        transaction.on_commit(enqueue_all)
    return notifications


def send_test_notification(user: User) -> list[Notification]:
    """ "Send me a test notification": every device of this person, now (quiet hours too)."""
    if not PushSubscription.objects.filter(user=user).exists():
        raise ApplicationError(
            NotificationErrorCode.PUSH_NOT_SUBSCRIBED,
            gettext(
                "This account has no device set up for notifications yet. "
                "Turn notifications on first, then try again."
            ),
            status_code=409,
        )
    return _notify(
        user_ids=[user.pk],
        kind="test",
        title="Shoulder",
        body=gettext_lazy("Notifications work on this device. Your friends can reach you here."),
        url="/settings/notifications",
        data=None,
        urgency=Urgency.NORMAL,
        ttl=10 * 60,
        circle_id=None,
        breaks_quiet_hours=True,
        tag=None,
        apply_preferences=False,
    )

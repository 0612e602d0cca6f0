"""When no push can reach a friend who is asked (no device at all, or every delivery to
their devices failed), the ask goes by email instead — once per person and check-in, unless
they turned it off. The requester sees "emailed" for them.

`emailed_at` is the exactly-once guard: only the UPDATE that still finds it unset sends.
"""

import datetime as dt
from uuid import UUID

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.tasks import task
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backend.checkins import pushes
from backend.checkins.models import ACTIVE_STATUSES, AudienceMember, CheckIn, Kind, Response
from backend.circles.conf import site_url
from backend.common.i18n import in_language
from backend.notifications.conf import ASKS_QUEUE
from backend.notifications.models import Delivery, DeliveryStatus
from backend.notifications.selectors import email_fallback_opted_out, email_fallback_user_ids

ASK_EMAIL_SUBJECT = _("Someone in your circle needs you")  # fixed: nobody's chosen name here
ASKING_KINDS = (Kind.REACH_OUT, Kind.CHECK_ON_ME)
LIVE_DELIVERY = (DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.DELIVERED)
DEAD_DELIVERY = (DeliveryStatus.FAILED, DeliveryStatus.GONE)


def _claim_and_send(
    checkin: CheckIn, user_ids: set[UUID], now: dt.datetime, *, send: bool = True
) -> int:
    claimed = [
        user_id
        for user_id in sorted(user_ids)
        if AudienceMember.objects.filter(
            checkin=checkin, user_id=user_id, emailed_at__isnull=True
        ).update(emailed_at=now)
    ]

    def enqueue() -> None:
        for user_id in claimed:
            ask_email_send.using(queue_name=ASKS_QUEUE).enqueue(str(checkin.pk), str(user_id))

    if claimed and send:
        transaction.on_commit(enqueue)
    return len(claimed)


def email_unreachable(
    checkin: CheckIn,
    asked: dict[UUID, UUID],
    now: dt.datetime,
    *,
    never_told: set[UUID] | frozenset[UUID] = frozenset(),
) -> int:
    """Just asked (`asked`: person → their notification): email those with no push device.
    Only people a push was made for (not muted, not restricted) are considered.
    `never_told`: people in the snapshot who blocked the requester; they are marked as a
    friend without a device would be, and sent nothing, so the block isn't revealed."""
    if checkin.kind not in ASKING_KINDS:
        return 0
    if never_told:
        _claim_and_send(checkin, email_fallback_user_ids(never_told), now, send=False)
    if not asked:
        return 0
    return _claim_and_send(checkin, email_fallback_user_ids(asked), now)


def email_failed_pushes(now: dt.datetime, limit: int = 200) -> int:
    """For the sweep: friends still asked whose every push delivery failed or is gone."""
    due = (
        AudienceMember.objects.filter(
            emailed_at__isnull=True,
            notification_id__isnull=False,
            checkin__kind__in=ASKING_KINDS,
            checkin__status__in=ACTIVE_STATUSES,
        )
        .filter(
            Exists(
                Delivery.objects.filter(
                    notification_id=OuterRef("notification_id"), status__in=DEAD_DELIVERY
                )
            )
        )
        .exclude(
            Exists(
                Delivery.objects.filter(
                    notification_id=OuterRef("notification_id"), status__in=LIVE_DELIVERY
                )
            )
        )
        .exclude(
            Exists(
                Response.objects.filter(
                    checkin_id=OuterRef("checkin_id"), responder_id=OuterRef("user_id")
                )
            )
        )
        .exclude(~Q(seen_at=None))
        .select_related("checkin")[:limit]
    )
    rows = list(due)
    opted_out = email_fallback_opted_out(r.user_id for r in rows)
    sent = 0
    for row in rows:
        if row.user_id in opted_out:
            continue
        with transaction.atomic():
            sent += _claim_and_send(row.checkin, {row.user_id}, now)
    return sent


@task()
def ask_email_send(checkin_id: str, user_id: str) -> bool:
    checkin = (
        CheckIn.objects.select_related("requester")
        .filter(pk=UUID(checkin_id), status__in=ACTIVE_STATUSES)
        .first()
    )
    member = (
        AudienceMember.objects.select_related("user")
        .filter(checkin_id=UUID(checkin_id), user_id=UUID(user_id))
        .first()
    )
    if checkin is None or member is None:
        return False  # Closed or taken back before the worker got to it: nobody needs it now.
    name = pushes.name_of(checkin.requester)
    title = (
        pushes.reach_out_title(name)
        if checkin.kind == Kind.REACH_OUT
        else pushes.check_on_me_title(name)
    )
    # In the friend's own language, like the push it stands in for.
    with in_language(member.user.language):
        subject = str(ASK_EMAIL_SUBJECT)
        lines = [
            f"{title}.",
            str(pushes.ask_body(checkin)),
            "",
            gettext("Open Shoulder to answer with one tap:"),
            site_url() + pushes.url(checkin),
            "",
            gettext(
                "You get this email because Shoulder couldn't reach your phone with a notification."
            ),
            gettext("You can turn these emails off in your notification settings: {url}").format(
                url=f"{site_url()}/settings/notifications"
            ),
        ]
    send_mail(
        subject=subject,
        message="\n".join(lines),
        from_email=None,
        recipient_list=[member.user.email],
    )
    return True

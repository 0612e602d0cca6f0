"""Deleting an account: what the person wrote goes, what others wrote stays theirs.

Deleted at once: the account and its email addresses, profile, memberships, devices, sessions,
MFA authenticators, reactions, check-ins they made (with everyone's answers and notes on them),
every note they wrote, their answers to others' check-ins, their invites, blocks, strikes and
appeals, and the notifications about them sitting in other people's delivery log.
Circles they own pass to the longest-standing member, or are deleted when nobody else is in.
Kept, for the safety of others: moderation reports and the audit log. Their name and email
are replaced in the labels with `DELETED_LABEL`; the snapshot of reported words stays as the
evidence a moderator acted on; the details they wrote in reports they made are cleared.
"""

from django.db import transaction
from django.db.models import Q

from backend.accounts.models import User
from backend.accounts.services import user_end_all_sessions
from backend.aftermath.models import AftermathNote
from backend.checkins.models import CheckIn
from backend.circles.models import Invite, Membership
from backend.circles.services import circle_delete, circle_transfer_ownership
from backend.moderation.models import ModerationAction, Report
from backend.notifications.models import Notification

DELETED_LABEL = "a deleted person"


def _hand_on_circles(user: User) -> None:
    owned = Membership.objects.filter(user=user, role=Membership.Role.OWNER).select_related(
        "circle"
    )
    for membership in owned:
        circle = membership.circle
        heir = (
            Membership.objects.filter(circle=circle)
            .exclude(user=user)
            .order_by("joined_at", "created_at")
            .first()
        )
        if heir is None:
            circle_delete(circle=circle)
        else:
            circle_transfer_ownership(circle=circle, by=user, to_user_id=heir.user_id)


def _redact(text: str, needles: list[str]) -> str:
    for needle in needles:
        if needle:
            text = text.replace(needle, DELETED_LABEL)
    return text


def _scrub_moderation_records(user: User) -> None:
    # Longest first, so "Alex <alex@…>" goes whole before "Alex" alone.
    needles = sorted(
        {f"{user.public_name} <{user.email}>", user.email, user.display_name}, key=len, reverse=True
    )
    Report.objects.filter(reporter=user).update(details="")
    about = Q(target_user=user) | Q(reporter=user)
    for needle in needles:
        if needle:
            about |= Q(target_label__contains=needle) | Q(snapshot__contains=needle)
    for report in Report.objects.filter(about):
        report.target_label = _redact(report.target_label, needles)[:200]
        report.snapshot = _redact(report.snapshot, needles)
        report.save(update_fields=["target_label", "snapshot"])
    # The audit log is append-only for moderators; forgetting a person is the one rewrite,
    # and it changes only who is named, never what was done.
    log = ModerationAction._base_manager.all()
    named = Q(actor=user) | Q(target_id=user.pk)
    for needle in needles:
        if needle:
            named |= Q(actor_label__contains=needle) | Q(target_label__contains=needle)
            named |= Q(reason__contains=needle)
    for entry in log.filter(named):
        log.filter(pk=entry.pk).update(
            actor_label=_redact(entry.actor_label, needles)[:200],
            target_label=_redact(entry.target_label, needles)[:200],
            reason=_redact(entry.reason, needles),
        )


def _forget_notifications(user: User) -> None:
    """Other people's notifications that name this person or point at their words."""
    checkin_ids = [
        str(pk) for pk in CheckIn.objects.filter(requester=user).values_list("pk", flat=True)
    ]
    note_ids = [
        str(pk) for pk in AftermathNote.objects.filter(author=user).values_list("pk", flat=True)
    ]
    about = Q(payload__checkin_id__in=checkin_ids) | Q(payload__note_id__in=note_ids)
    if user.display_name:
        about |= Q(payload__title__icontains=user.display_name)
        about |= Q(payload__body__icontains=user.display_name)
    Notification.objects.filter(about).exclude(user=user).delete()


@transaction.atomic
def account_delete(*, user: User) -> None:
    user = User.objects.select_for_update().get(pk=user.pk)
    _hand_on_circles(user)
    _forget_notifications(user)
    _scrub_moderation_records(user)
    # Others' invites that were addressed to this person's email.
    Invite.objects.filter(email__iexact=user.email).update(email="")
    user_end_all_sessions(user=user)
    # Cascades to everything of theirs (see the module docstring).
    user.delete()

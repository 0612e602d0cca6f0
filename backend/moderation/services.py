"""The one place moderation writes: reports, `moderation_act` (dismiss, hide, restore, warn,
suspend, unsuspend, ban), appeals, and what circle owners do as the first line.

Each operation runs in one transaction: authorise, act, append a `ModerationAction`, resolve
the linked reports, and queue the pushes through `notify()` (sent on commit, never on
rollback)."""

import datetime as dt
from collections.abc import Iterable
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import User
from backend.accounts.services import user_end_all_sessions
from backend.aftermath.models import AftermathNote, Audience
from backend.checkins.models import CheckIn
from backend.circles import services as circle_services
from backend.circles.errors import owner_only
from backend.circles.models import Circle, Membership
from backend.common.i18n import StrPromise, in_language
from backend.moderation import conf, errors
from backend.moderation.models import (
    ActionKind,
    Appeal,
    AppealDecision,
    Category,
    ModerationAction,
    Report,
    ReportStatus,
    Strike,
    StrikeKind,
    TargetType,
)
from backend.moderation.targets import Target, target_for_moderator, target_for_reporter
from backend.notifications.models import PushSubscription, Urgency
from backend.notifications.services import notify

MODERATOR_PERMISSION = "moderation.change_report"

STRIKE_FOR_ACTION: dict[str, str] = {
    ActionKind.WARN: StrikeKind.WARNING,
    ActionKind.SUSPEND: StrikeKind.SUSPENSION,
    ActionKind.BAN: StrikeKind.BAN,
}
# The words people read are lazy translations, rendered in each reader's language: the
# outcome is stored per report in its reporter's, a strike's words in its person's.
NOUN: dict[str, StrPromise] = {
    TargetType.NOTE: _("the note"),
    TargetType.CHECKIN: _("the message"),
    TargetType.USER: _("the account"),
    TargetType.CIRCLE: _("the circle"),
}
# What the reporter reads in "My reports" (and the push), per action.
OUTCOME_TEXT: dict[str, StrPromise] = {
    ActionKind.DISMISS: _("We reviewed your report and didn't find anything to act on."),
    ActionKind.HIDE_CONTENT: _("We reviewed your report and removed {noun}."),
    ActionKind.RESTORE_CONTENT: _("We reviewed your report and left {noun} up."),
    ActionKind.WARN: _("We reviewed your report and warned the person."),
    ActionKind.SUSPEND: _("We reviewed your report and suspended the person for a while."),
    ActionKind.UNSUSPEND: _("We reviewed your report and lifted a suspension."),
    ActionKind.BAN: _("We reviewed your report and closed the person's account."),
}
STRIKE_PUSH: dict[str, StrPromise] = {
    StrikeKind.WARNING: _("A moderator sent you a warning"),
    StrikeKind.SUSPENSION: _("Your account is suspended for a while"),
    StrikeKind.BAN: _("Your account was closed"),
}
DEFAULT_STRIKE_REASON = _("This went against how we look after each other here.")


def is_moderator(user: User) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm(MODERATOR_PERMISSION))


def _label(user: User) -> str:
    return f"{user.public_name} <{user.email}>"


def _log(
    *,
    actor: User,
    action: str,
    target_type: str,
    target_id: UUID,
    target_label: str,
    reason: str = "",
    reports: Iterable[Report] = (),
) -> ModerationAction:
    entry = ModerationAction(
        actor=actor,
        actor_label=_label(actor),
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label[:200],
        reason=reason,
    )
    entry.full_clean()
    entry.save()
    reports = list(reports)
    if reports:
        entry.reports.add(*reports)
    return entry


# --- reports ---------------------------------------------------------------------------


@transaction.atomic
def report_create(
    *,
    reporter: User,
    target_type: str,
    target_id: UUID,
    category: str,
    details: str = "",
    also_block: bool = False,
) -> tuple[Report, bool]:
    """Returns (report, created). Reporting the same thing again while the first report is
    open answers that report (and still blocks, when asked). Something the reporter can't see
    is 404."""
    report, created = _report_open_or_new(
        reporter=reporter,
        target_type=target_type,
        target_id=target_id,
        category=category,
        details=details,
    )
    person = report.target_user
    if also_block and person is not None and person.pk != reporter.pk:
        circle_services.block_create(blocker=reporter, blocked=person)
    return report, created


def _report_open_or_new(
    *, reporter: User, target_type: str, target_id: UUID, category: str, details: str
) -> tuple[Report, bool]:
    existing = (
        Report.objects.select_related("target_user")
        .filter(reporter=reporter, target_type=target_type, target_id=target_id, status="open")
        .first()
    )
    if existing is not None:
        return existing, False
    target = target_for_reporter(reporter, target_type, target_id)
    report = Report(
        reporter=reporter,
        target_type=target.type,
        target_id=target.id,
        target_user=target.person,
        target_label=str(target.label)[:200],
        snapshot=target.snapshot,
        category=category,
        details=details.strip(),
        urgent=category == Category.SELF_HARM_CONCERN,
    )
    report.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # The same report sent twice at once: the other request's row is the report.
        return Report.objects.select_related("target_user").get(
            reporter=reporter, target_type=target_type, target_id=target_id, status="open"
        ), False
    return report, True


@transaction.atomic
def report_assign(*, report: Report, moderator: User) -> Report:
    if not is_moderator(moderator):
        raise errors.moderators_only()
    Report.objects.filter(pk=report.pk).update(assigned_to=moderator)
    report.assigned_to = moderator
    return report


# --- the one moderation service ----------------------------------------------------------


def _set_hidden(target: Target, by: User | None) -> None:
    now = timezone.now() if by is not None else None
    if target.type == TargetType.NOTE:
        AftermathNote.objects.filter(pk=target.id).update(hidden_at=now, hidden_by=by)
    elif target.type == TargetType.CHECKIN:
        CheckIn.objects.filter(pk=target.id).update(message_hidden_at=now, message_hidden_by=by)
    else:
        raise errors.not_hideable()


def _ban(person: User) -> None:
    User.objects.filter(pk=person.pk).update(is_active=False)
    person.is_active = False
    user_end_all_sessions(user=person)
    PushSubscription.objects.filter(user=person).delete()


@transaction.atomic
def moderation_act(
    *,
    moderator: User,
    action: str,
    target_type: str,
    target_id: UUID,
    reports: Iterable[Report] = (),
    reason: str = "",
    suspend_until: dt.datetime | None = None,
) -> ModerationAction:
    """Apply one moderation action to a note, a check-in's message, a person or a circle's
    owner; logs it, resolves the linked open reports and tells the reporters and the person
    acted on (after commit)."""
    if not is_moderator(moderator):
        raise errors.moderators_only()
    if action not in OUTCOME_TEXT:
        raise ValueError(f"Not a moderator's action: {action!r}")
    report_ids = [r.pk for r in reports]
    locked = list(Report.objects.select_for_update().filter(pk__in=report_ids))
    target = target_for_moderator(target_type, target_id)
    first = locked[0] if locked else None
    label = target.label if target else (first.target_label if first else str(target_id))
    snapshot = first.snapshot if first else (target.snapshot if target else "")

    person: User | None = None
    if action in (ActionKind.HIDE_CONTENT, ActionKind.RESTORE_CONTENT):
        if target_type not in (TargetType.NOTE, TargetType.CHECKIN):
            raise errors.not_hideable()
        if target is None:
            raise errors.no_such_target()
        _set_hidden(target, moderator if action == ActionKind.HIDE_CONTENT else None)
    elif action != ActionKind.DISMISS:
        person = target.person if target else None
        if person is None and first is not None and first.target_user_id:
            person = User.objects.filter(pk=first.target_user_id).first()
        if person is None:
            raise errors.no_person()
        if action == ActionKind.SUSPEND:
            if suspend_until is None or suspend_until <= timezone.now():
                raise errors.suspend_until_required()
            User.objects.filter(pk=person.pk).update(is_suspended_until=suspend_until)
        elif action == ActionKind.UNSUSPEND:
            User.objects.filter(pk=person.pk).update(is_suspended_until=None)
        elif action == ActionKind.BAN:
            _ban(person)

    entry = _log(
        actor=moderator,
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=str(label),
        reason=reason,
        reports=locked,
    )
    outcome_text = format_lazy(OUTCOME_TEXT[action], noun=NOUN.get(target_type, _("it")))
    still_open = [r for r in locked if r.status == ReportStatus.OPEN]
    now = timezone.now()
    languages = dict(
        User.objects.filter(pk__in={r.reporter_id for r in still_open}).values_list(
            "pk", "language"
        )
    )
    for report in still_open:
        with in_language(languages.get(report.reporter_id) if report.reporter_id else None):
            report_outcome = str(outcome_text)[: conf.OUTCOME_TEXT_MAX]
        report.status = ReportStatus.DISMISSED if action == ActionKind.DISMISS else "resolved"
        report.resolved_at = now
        report.resolved_by = moderator
        report.outcome = action
        report.outcome_text = report_outcome
        report.save(
            update_fields=["status", "resolved_at", "resolved_by", "outcome", "outcome_text"]
        )
    reporter_ids = {r.reporter_id for r in still_open if r.reporter_id}
    if reporter_ids:
        notify(
            user_ids=reporter_ids,
            kind="report_outcome",
            title=_("Thank you for telling us"),
            body=outcome_text,
            url="/reports",
            urgency=Urgency.LOW,
            tag=f"report-outcome-{entry.pk}",
        )

    strike_kind = STRIKE_FOR_ACTION.get(action)
    if strike_kind is not None and person is not None:
        with in_language(person.language):
            strike_reason = reason or str(DEFAULT_STRIKE_REASON)
            strike_label = str(label)[:200]
        strike = Strike(
            person=person,
            kind=strike_kind,
            reason=strike_reason,
            snapshot=snapshot,
            target_label=strike_label,
            action=entry,
            suspended_until=suspend_until if action == ActionKind.SUSPEND else None,
        )
        strike.full_clean()
        strike.save()
        notify(
            user_ids=[person.pk],
            kind="strike",
            title=STRIKE_PUSH[strike_kind],
            body=strike.reason[:200],
            url="/account/standing",
            data={"strike_id": str(strike.pk)},
            urgency=Urgency.NORMAL,
            tag=f"strike-{strike.pk}",
        )
    return entry


# --- appeals -----------------------------------------------------------------------------


@transaction.atomic
def appeal_create(*, strike: Strike, by: User, text: str) -> Appeal:
    """Once per strike, within 20 days, for a warning or a suspension."""
    strike = Strike.objects.select_for_update().get(pk=strike.pk)
    if strike.person_id != by.pk:
        raise errors.no_such_target()
    if strike.kind == StrikeKind.BAN:
        raise errors.not_appealable()
    if Appeal.objects.filter(strike=strike).exists():
        raise errors.already_appealed()
    if timezone.now() > strike.appeal_until:
        raise errors.appeal_window_closed()
    appeal = Appeal(strike=strike, text=text.strip())
    appeal.full_clean()
    appeal.save()
    return appeal


@transaction.atomic
def appeal_decide(*, appeal: Appeal, moderator: User, approve: bool, reason: str = "") -> Appeal:
    """Approving reverses what the strike's action did (unhide, unsuspend); both outcomes are
    logged and the person is told."""
    if not is_moderator(moderator):
        raise errors.moderators_only()
    appeal = Appeal.objects.select_for_update().select_related("strike__action").get(pk=appeal.pk)
    if appeal.decided_at is not None:
        raise errors.appeal_already_decided()
    strike = appeal.strike
    original = strike.action
    if approve:
        if strike.kind == StrikeKind.SUSPENSION:
            User.objects.filter(pk=strike.person_id).update(is_suspended_until=None)
        # The content hidden together with this strike comes back too.
        hidden = ModerationAction.objects.filter(
            action=ActionKind.HIDE_CONTENT,
            target_type=original.target_type,
            target_id=original.target_id,
        ).exists()
        if hidden and original.target_type in (TargetType.NOTE, TargetType.CHECKIN):
            target = target_for_moderator(original.target_type, original.target_id)
            if target is not None:
                _set_hidden(target, None)
    appeal.decided_at = timezone.now()
    appeal.decided_by = moderator
    appeal.decision = AppealDecision.APPROVED if approve else AppealDecision.REJECTED
    appeal.decision_reason = reason
    appeal.save(update_fields=["decided_at", "decided_by", "decision", "decision_reason"])
    _log(
        actor=moderator,
        action=ActionKind.APPEAL_APPROVED if approve else ActionKind.APPEAL_REJECTED,
        target_type=original.target_type,
        target_id=original.target_id,
        target_label=original.target_label,
        reason=reason,
    )
    notify(
        user_ids=[strike.person_id],
        kind="appeal_decided",
        title=_("We looked at your appeal"),
        body=(
            _("You were right: we undid it. Thank you for telling us.")
            if approve
            else _("We looked again and the decision stays.")
        ),
        url="/account/standing",
        urgency=Urgency.LOW,
        tag=f"appeal-{appeal.pk}",
    )
    return appeal


# --- circle owners -----------------------------------------------------------------------


@transaction.atomic
def owner_remove_note(*, note: AftermathNote, owner: User, reason: str = "") -> ModerationAction:
    """The owner of a note's circle hides a note shared with the whole circle; the author is
    told. Callers fetch the note through `access_note` (what the owner can't read is 404)."""
    circle_id = CheckIn.objects.filter(pk=note.checkin_id).values_list("circle_id", flat=True)[0]
    is_owner = Membership.objects.filter(
        circle_id=circle_id, user=owner, role=Membership.Role.OWNER
    ).exists()
    if not is_owner:
        raise owner_only()
    if note.audience != Audience.CIRCLE:
        raise errors.not_shown_to_circle()
    AftermathNote.objects.filter(pk=note.pk).update(hidden_at=timezone.now(), hidden_by=owner)
    author = note.author
    entry = _log(
        actor=owner,
        action=ActionKind.OWNER_REMOVE_NOTE,
        target_type=TargetType.NOTE,
        target_id=note.pk,
        target_label=f"Note by {author.public_name}, {note.created_at:%d %b %Y}",
        reason=reason,
    )
    if author.pk != owner.pk:
        notify(
            user_ids=[author.pk],
            kind="note_removed",
            title=_("A note of yours was taken down"),
            body=_("The circle's owner removed it from the circle."),
            url=f"/checkins/{note.checkin_id}",
            urgency=Urgency.LOW,
            circle_id=circle_id,
            tag=f"note-removed-{note.pk}",
        )
    return entry


@transaction.atomic
def owner_remove_member(*, circle: Circle, by: User, user_id: UUID) -> None:
    """Leaving, or the owner removing someone (circles' own service); an owner's removal of
    someone else is recorded in the moderation log."""
    removed = User.objects.filter(pk=user_id).first()
    circle_services.membership_remove(circle=circle, by=by, user_id=user_id)
    if user_id != by.pk and removed is not None:
        _log(
            actor=by,
            action=ActionKind.OWNER_REMOVE_MEMBER,
            target_type=TargetType.USER,
            target_id=user_id,
            target_label=f"{removed.public_name} from {circle.name}",
        )

"""Every push a check-in sends, one function per kind: its words (short, warm, plain; never
the message itself — lock screens are seen by others, the PWA shows it after unlocking), tag,
link and urgency. Called inside the service's transaction: `notify()` enqueues on commit."""

from collections.abc import Iterable
from uuid import UUID

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import User, public_name_lazy
from backend.checkins import conf
from backend.checkins.models import Answer, CheckIn, Kind, Mode
from backend.common.i18n import Words, lazy_join
from backend.notifications.models import Urgency
from backend.notifications.services import notify


def url(checkin: CheckIn) -> str:
    return f"/checkins/{checkin.pk}"


def _tag(checkin: CheckIn) -> str:
    # One tag per check-in: a later push about it (cancelled) replaces an undelivered ask.
    return f"checkin-{checkin.pk}"


MODE_ASK = {
    Mode.COME_OVER: _("Could you come over?"),
    Mode.CALL: _("Could you call?"),
    Mode.TEXT: _("Could you text?"),
    Mode.SIT_WITH_ME: _("Could you just sit with them for a while?"),
}
NEEDS = (
    ("no_need_to_explain", _("No need to explain.")),
    ("just_listen", _("Please just listen.")),
    ("silence_ok", _("Silence is okay.")),
)

# Every word here is a lazy translation (names go in with `format_lazy`): `notify()` renders
# it in each recipient's own language, not in the sender's.


def name_of(user: User) -> Words:
    return public_name_lazy(user.display_name)


def ask_body(checkin: CheckIn) -> Words:
    parts = [MODE_ASK[Mode(checkin.mode)]] if checkin.mode else []
    parts += [text for field, text in NEEDS if getattr(checkin, field)]
    return lazy_join(" ", parts)


def reach_out_title(name: Words) -> Words:
    return format_lazy(_("{name} needs you"), name=name)


def ask_again_title(name: Words) -> Words:
    return format_lazy(_("{name} still needs you"), name=name)


def check_on_me_title(name: Words) -> Words:
    return format_lazy(_("{name} asked you to check on them now"), name=name)


NUDGE_BODY = _("Thinking of you — how are you?")


def nudge_title(name: Words) -> Words:
    return format_lazy(_("{name} is thinking of you"), name=name)


def response_title(name: Words, answer: str, eta_minutes: int | None) -> Words:
    match answer:
        case Answer.ON_MY_WAY:
            if eta_minutes:
                return format_lazy(
                    _("{name} is on the way — {minutes} min"), name=name, minutes=eta_minutes
                )
            return format_lazy(_("{name} is on the way"), name=name)
        case Answer.CALLING:
            return format_lazy(_("{name} is calling you now"), name=name)
        case Answer.TEXTING:
            return format_lazy(_("{name} is texting you"), name=name)
        case Answer.CANT_RIGHT_NOW:
            return format_lazy(_("{name} can't right now — sending love"), name=name)
        case Answer.OKAY:
            return format_lazy(_("{name} is okay"), name=name)
        case Answer.HEAVY:
            return format_lazy(_("{name} says it's heavy today"), name=name)
        case _:
            return format_lazy(_("{name} could use you"), name=name)


RESPONSE_BODY = {
    Answer.ON_MY_WAY: _("Hold on, they're coming."),
    Answer.CALLING: _("Your phone should ring soon."),
    Answer.TEXTING: _("Watch for their message."),
    Answer.CANT_RIGHT_NOW: _("They're thinking of you."),
    Answer.OKAY: _("Thank you for thinking of them."),
    Answer.HEAVY: _("Maybe check in with them today."),
    Answer.NEED_YOU: _("They answered your nudge: they need you. Reach out?"),
}


def response_body(answer: str) -> Words:
    return RESPONSE_BODY[Answer(answer)]


NOBODY_ANSWERED_TITLE = _("Nobody has answered yet")
NOBODY_ANSWERED_BODY = _(
    "Nobody has answered yet. You could ask them again, ask someone else, or find help now."
)


def closed_title(name: Words) -> Words:
    return format_lazy(_("{name} is okay now"), name=name)


THANK_YOU_BODY = _("Thank you for being there.")
CLOSED_BODY = _("No need to do anything.")


def cancelled_title(name: Words) -> Words:
    return format_lazy(_("{name} is okay — no need to answer"), name=name)


AFTERCARE_TITLE = _("How are you after that?")


def aftercare_body(name: Words) -> Words:
    return format_lazy(_("You were there for {name}. Take a moment for yourself too."), name=name)


def _breaks_quiet_hours(checkin: CheckIn) -> bool:
    """An ask (not a nudge) wakes the friends who let reach-outs through; everything that
    follows it (the answers, "nobody answered", the stand-down) comes through the same way,
    or someone woken at 23:00 lies awake until 07:00 for the rest of the story."""
    return checkin.kind != Kind.NUDGE


# --- the pushes ---------------------------------------------------------------------------


def ask(
    checkin: CheckIn, user_ids: list[UUID], *, again: bool = False, circle_id: UUID | None = None
) -> dict[UUID, UUID]:
    """Ask these people now (a reach-out, a check-on-me whose time came, or a nudge; `again`:
    the requester asks once more); returns their notification ids. `circle_id`: the other
    circle they were asked through (its notification level applies), else the check-in's."""
    name = name_of(checkin.requester)
    if again:
        title, body, urgency = ask_again_title(name), ask_body(checkin), Urgency.HIGH
    elif checkin.kind == Kind.NUDGE:
        title, body, urgency = nudge_title(name), NUDGE_BODY, Urgency.NORMAL
    else:
        title = reach_out_title(name) if checkin.kind == Kind.REACH_OUT else check_on_me_title(name)
        body, urgency = ask_body(checkin), Urgency.HIGH
    notifications = notify(
        user_ids=user_ids,
        kind=checkin.kind,
        title=title,
        body=body,
        url=url(checkin),
        data={"checkin_id": str(checkin.pk)},
        urgency=urgency,
        ttl=conf.PUSH_TTL_SECONDS,
        circle_id=circle_id or checkin.circle_id,
        breaks_quiet_hours=_breaks_quiet_hours(checkin),
        tag=_tag(checkin),
    )
    return {n.user_id: n.pk for n in notifications}


def answered(checkin: CheckIn, responder: User, answer: str, eta_minutes: int | None) -> None:
    """To the requester. Not tied to the circle's notification level: answers to your own ask
    always reach you."""
    notify(
        user_ids=[checkin.requester_id],
        kind="response",
        title=response_title(name_of(responder), answer, eta_minutes),
        body=response_body(answer),
        url=url(checkin),
        data={"checkin_id": str(checkin.pk), "answer": answer},
        urgency=Urgency.HIGH if answer == Answer.NEED_YOU else Urgency.NORMAL,
        ttl=conf.PUSH_TTL_SECONDS,
        breaks_quiet_hours=_breaks_quiet_hours(checkin),
        tag=f"{_tag(checkin)}-{responder.pk}"[:64],
    )


def closed(checkin: CheckIn, *, there: Iterable[UUID], others: Iterable[UUID]) -> None:
    """ "I'm okay now": those who were there are thanked, the others told."""
    for user_ids, body in ((set(there), THANK_YOU_BODY), (set(others), CLOSED_BODY)):
        if user_ids:
            notify(
                user_ids=user_ids,
                kind="checkin_closed",
                title=closed_title(name_of(checkin.requester)),
                body=body,
                url=url(checkin),
                data={"checkin_id": str(checkin.pk)},
                ttl=conf.PUSH_TTL_SECONDS,
                circle_id=checkin.circle_id,
                breaks_quiet_hours=_breaks_quiet_hours(checkin),
                tag=_tag(checkin),
            )


def cancelled(checkin: CheckIn, user_ids: list[UUID]) -> None:
    notify(
        user_ids=user_ids,
        kind="checkin_cancelled",
        title=cancelled_title(name_of(checkin.requester)),
        body=CLOSED_BODY,
        url=url(checkin),
        data={"checkin_id": str(checkin.pk)},
        ttl=conf.PUSH_TTL_SECONDS,
        circle_id=checkin.circle_id,
        breaks_quiet_hours=_breaks_quiet_hours(checkin),
        tag=_tag(checkin),
    )


def nobody_answered(checkin: CheckIn) -> None:
    """To the requester: the PWA offers to ask them again, to ask more people of the circle,
    and "Need help right now?"."""
    notify(
        user_ids=[checkin.requester_id],
        kind="nobody_answered",
        title=NOBODY_ANSWERED_TITLE,
        body=NOBODY_ANSWERED_BODY,
        url=url(checkin),
        data={"checkin_id": str(checkin.pk), "offer_help": True},
        ttl=conf.PUSH_TTL_SECONDS,
        breaks_quiet_hours=True,
        tag=f"{_tag(checkin)}-nobody",
    )


def aftercare(checkin: CheckIn, user_ids: list[UUID]) -> None:
    """ "How are you after that?" to the helpers, the morning after."""
    notify(
        user_ids=user_ids,
        kind="aftercare",
        title=AFTERCARE_TITLE,
        body=aftercare_body(name_of(checkin.requester)),
        url=url(checkin),
        data={"checkin_id": str(checkin.pk)},
        ttl=conf.PUSH_TTL_SECONDS,
        circle_id=checkin.circle_id,
        tag=f"{_tag(checkin)}-aftercare",
    )


# --- two-way sessions ---------------------------------------------------------------------
# Soft by design: low urgency, the circle's notification level applies (muted or
# "reach-outs only" hear nothing of it: the session screen shows it anyway), and quiet hours
# as for everything else that follows an ask. The words never say "declined", and a "let it
# be" sends nothing at all.

SHARE_OFFER_BODY = _("Whenever you're ready. It's okay to let it be.")
SHARE_ACCEPTED_BODY = _("Share whenever you're ready.")


def share_offer_title(name: Words) -> Words:
    return format_lazy(_("{name} would like to share something too"), name=name)


def share_accepted_title(name: Words) -> Words:
    return format_lazy(_("{name} said: of course"), name=name)


def share_offered(checkin: CheckIn, by: User) -> None:
    """To the requester: a friend who is there asks "Can I share too?"."""
    notify(
        user_ids=[checkin.requester_id],
        kind="share_offer",
        title=share_offer_title(name_of(by)),
        body=SHARE_OFFER_BODY,
        url=url(checkin),
        data={"checkin_id": str(checkin.pk)},
        urgency=Urgency.LOW,
        ttl=conf.PUSH_TTL_SECONDS,
        circle_id=checkin.circle_id,
        breaks_quiet_hours=_breaks_quiet_hours(checkin),
        tag=f"{_tag(checkin)}-share-{by.pk}"[:64],
    )


def share_accepted(checkin: CheckIn, offered_by_id: UUID) -> None:
    """To the friend whose offer the requester answered with "Of course"."""
    notify(
        user_ids=[offered_by_id],
        kind="share_accepted",
        title=share_accepted_title(name_of(checkin.requester)),
        body=SHARE_ACCEPTED_BODY,
        url=url(checkin),
        data={"checkin_id": str(checkin.pk)},
        urgency=Urgency.LOW,
        ttl=conf.PUSH_TTL_SECONDS,
        circle_id=checkin.circle_id,
        breaks_quiet_hours=_breaks_quiet_hours(checkin),
        tag=f"{_tag(checkin)}-share-{offered_by_id}"[:64],
    )

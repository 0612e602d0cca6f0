"""The one way tests build a world: people, circles, sessions, notes — through the services.

Every builder writes what the app itself would write (audience snapshots, notifications,
follow-up tasks, invite uses), so a test's setup can't drift from what production makes.
People are the exception: signing up goes through allauth's HTTP flow
(`tests.conftest.signup_browser`), far too slow for setup, so `make_person` writes a verified
user the way allauth leaves one.
"""

import base64
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from django.utils import timezone

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote, Audience, Reaction
from backend.aftermath.services import note_create, reaction_set
from backend.checkins import conf as checkin_conf
from backend.checkins.models import CheckIn, Kind, Mode, Status
from backend.checkins.services import (
    checkin_cancel,
    checkin_close,
    checkin_create,
    checkin_respond,
)
from backend.checkins.transitions import checkin_advance
from backend.circles.models import Block, Circle, JoinRequest, Membership
from backend.circles.services import (
    block_create,
    circle_create,
    circle_update,
    invite_accept,
    invite_create,
)
from backend.notifications.models import PushSubscription
from backend.notifications.services import push_subscription_register

PASSWORD = "quiet-harbour-lights-7"

_numbers = itertools.count(1)


def make_person(display_name: str = "", email: str = "", **extra: Any) -> User:
    """A signed-up person with a verified primary email; `extra` sets User fields
    (`is_staff=True`, `timezone="…"`)."""
    from allauth.account.models import EmailAddress

    n = next(_numbers)
    user = User.objects.create_user(
        email or f"friend{n}@example.com",
        PASSWORD,
        display_name=display_name or f"Friend {n}",
        **extra,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def join(circle: Circle, person: User) -> Membership:
    """`person` joins through an invite the owner made, as the invite link does."""
    owner = Membership.objects.get(circle=circle, role=Membership.Role.OWNER).user
    created = invite_create(circle=circle, created_by=owner)
    result = invite_accept(token=created.token, user=person)
    assert result.membership is not None, "the circle asks for approval: make it without"
    return result.membership


def make_join_request(circle: Circle, person: User) -> JoinRequest:
    """`person` asks to join through an invite. A circle that doesn't ask for approval is
    switched to asking for this one request and back, as its owner could."""
    owner = Membership.objects.get(circle=circle, role=Membership.Role.OWNER).user
    was_open = not circle.approval_required
    if was_open:
        circle_update(circle=circle, approval_required=True)
    created = invite_create(circle=circle, created_by=owner)
    result = invite_accept(token=created.token, user=person)
    if was_open:
        circle_update(circle=circle, approval_required=False)
    assert result.join_request is not None
    return result.join_request


def make_circle(
    owner: User,
    members: Iterable[User] = (),
    *,
    name: str = "Sunday people",
    approval_required: bool = False,
) -> Circle:
    """`owner`'s circle; each of `members` joined through an invite of their own."""
    circle = circle_create(user=owner, name=name)
    for person in members:
        join(circle, person)
    if approval_required:
        # Switched on after the members joined, as an owner would.
        circle_update(circle=circle, approval_required=True)
    return circle


@dataclass
class CircleWorld:
    """A circle, its owner and its other members, with a signed-in client per person."""

    circle: Circle
    owner: User
    members: list[User]
    clients: dict[Any, Client] = field(default_factory=dict)

    def client(self, user: User) -> Client:
        from tests.common.helpers import client_for

        if user.pk not in self.clients:
            self.clients[user.pk] = client_for(user)
        return self.clients[user.pk]


def circle_world(
    *,
    owner: User | None = None,
    members: int = 0,
    devices: bool = False,
    approval_required: bool = False,
) -> CircleWorld:
    """A circle: an owner ("Alex" unless given) and `members` more people, optionally each
    with a push device."""
    owner = owner or make_person(display_name="Alex")
    people = [make_person() for _ in range(members)]
    circle = make_circle(owner, people, approval_required=approval_required)
    if devices:
        for person in [owner, *people]:
            add_device(person)
    return CircleWorld(circle=circle, owner=owner, members=people)


def make_block(blocker: User, blocked: User) -> Block:
    block, _ = block_create(blocker=blocker, blocked=blocked)
    return block


def make_session(
    requester: User,
    circle: Circle,
    answers: Mapping[User, str] | None = None,
    *,
    asked: Iterable[User] = (),
    status: str = Status.CLOSED,
    kind: str = Kind.REACH_OUT,
    mode: str = Mode.COME_OVER,
    eta_minutes: int | None = None,
) -> CheckIn:
    """`requester` asks `answers`' people (and `asked`, who don't answer); each answers;
    then the check-in ends as `status` says: closed ("I'm okay now"), expired (nobody
    closed it in time), cancelled, or left open (answered, once someone is there)."""
    answers = dict(answers or {})
    audience = list(dict.fromkeys([*answers, *asked]))
    scheduled_for = None
    if kind == Kind.CHECK_ON_ME:
        scheduled_for = timezone.now() + dt.timedelta(minutes=1)
    checkin, created = checkin_create(
        requester=requester,
        circle=circle,
        kind=kind,
        audience=[p.pk for p in audience] if audience else None,
        mode="" if kind == Kind.NUDGE else mode,
        scheduled_for=scheduled_for,
    )
    assert created
    if scheduled_for is not None:
        assert checkin_advance(checkin_id=checkin.pk, now=scheduled_for) == ["activated"]
    for person, answer in answers.items():
        checkin_respond(checkin=checkin, responder=person, answer=answer, eta_minutes=eta_minutes)
    if status == Status.CLOSED:
        checkin_close(checkin=checkin, by=requester)
    elif status == Status.CANCELLED:
        checkin_cancel(checkin=checkin, by=requester)
    elif status == Status.EXPIRED:
        checkin.refresh_from_db()
        assert checkin.activated_at is not None
        later = checkin.activated_at + checkin_conf.expire_after()
        assert "expired" in checkin_advance(checkin_id=checkin.pk, now=later)
    checkin.refresh_from_db()
    # An answer that isn't "can't right now" moves open → answered: both are still asking.
    still_asking = status == Status.OPEN and checkin.status == Status.ANSWERED
    assert checkin.status == status or still_asking, (checkin.status, status)
    return checkin


def make_note(
    checkin: CheckIn,
    author: User,
    body: str = "We laughed",
    audience: str = Audience.PARTICIPANTS,
) -> AftermathNote:
    return note_create(checkin=checkin, author=author, body=body, audience=audience)


def make_reaction(note: AftermathNote, user: User, kind: str = "hug") -> Reaction:
    return reaction_set(note=note, user=user, kind=kind)


def _p256_public_key() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode()


_DEVICE_KEY = _p256_public_key()


def add_device(user: User, endpoint: str = "") -> PushSubscription:
    """A push subscription, so notify() makes a delivery (and a task) for this person."""
    subscription, _ = push_subscription_register(
        user=user,
        endpoint=endpoint or f"http://127.0.0.1:9/push/{user.pk}",
        p256dh=_DEVICE_KEY,
        auth="A" * 22,
    )
    return subscription


CODE = re.compile(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", re.MULTILINE)


def code_from_mail(outbox: list[Any] | None = None) -> str:
    """The code in the newest email (of `mail.outbox` unless given), as a person reads it."""
    if outbox is None:
        from django.core import mail

        outbox = mail.outbox
    assert outbox, "no email was sent"
    body = str(outbox[-1].body)
    match = CODE.search(body)
    assert match, body
    return match.group(1)

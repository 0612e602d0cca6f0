"""A closed session in a circle, with people in every role around it."""

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote, Audience
from backend.checkins.models import AudienceMember, CheckIn, Kind, Mode, Response, Status
from backend.circles import services as circle_services
from backend.circles.models import Block, Circle, Membership
from tests.common.helpers import client_for

ROLES = (
    "author",
    "participant",
    "member",
    "declined",
    "other_circle",
    "outsider",
    "blocked",
    "staff",
    "anonymous",
)


def make_session(
    circle: Circle,
    requester: User,
    answers: dict[User, str],
    *,
    asked: list[User] | None = None,
    status: str = Status.CLOSED,
    kind: str = Kind.REACH_OUT,
) -> CheckIn:
    """A check-in as the check-ins app leaves it, written directly for speed."""
    now = timezone.now()
    checkin = CheckIn.objects.create(
        requester=requester,
        circle=circle,
        kind=kind,
        mode="" if kind == Kind.NUDGE else Mode.COME_OVER,
        status=status,
        activated_at=now,
        closed_at=now if status == Status.CLOSED else None,
        closed_by=requester if status == Status.CLOSED else None,
        expired_at=now if status == Status.EXPIRED else None,
        cancelled_at=now if status == Status.CANCELLED else None,
        scheduled_for=now if kind == Kind.CHECK_ON_ME else None,
    )
    for person in {*answers, *(asked or [])}:
        AudienceMember.objects.create(checkin=checkin, user=person)
    for person, answer in answers.items():
        Response.objects.create(checkin=checkin, responder=person, answer=answer)
    return checkin


@dataclass
class World:
    """`requester` reached out in `circle`; `author` (on my way) and `blocked` (calling) were
    there, `declined` couldn't, `member` was asked and didn't answer. `author` blocked
    `blocked`. `other_circle` is in a circle of its own with `stranger`; `outsider` and `staff`
    are in no circle."""

    circle: Circle
    checkin: CheckIn
    people: dict[str, User]
    clients: dict[str, Client] = field(default_factory=dict)

    def __getattr__(self, name: str) -> User:
        try:
            return self.__dict__["people"][name]
        except KeyError:
            raise AttributeError(name) from None

    def client(self, role: str) -> Client:
        if role not in self.clients:
            self.clients[role] = client_for(self.people.get(role))
        return self.clients[role]

    def note(
        self, audience: str = Audience.PARTICIPANTS, by: str = "author", body: str = "We laughed"
    ) -> AftermathNote:
        return AftermathNote.objects.create(
            checkin=self.checkin, author=self.people[by], body=body, audience=audience
        )


@pytest.fixture
def world(make_user: Any) -> World:
    requester = make_user(display_name="Alex")
    people = {
        "participant": requester,
        "author": make_user(display_name="Sam"),
        "blocked": make_user(display_name="Kim"),
        "declined": make_user(display_name="Jo"),
        "member": make_user(display_name="Robin"),
        "other_circle": make_user(display_name="Lee"),
        "outsider": make_user(display_name="Pat"),
        "staff": make_user(display_name="Mod", is_staff=True, is_superuser=True),
    }
    circle = circle_services.circle_create(user=requester, name="Sunday people")
    for role in ("author", "blocked", "declined", "member"):
        Membership.objects.create(circle=circle, user=people[role])
    other = circle_services.circle_create(user=people["other_circle"], name="Elsewhere")
    Membership.objects.create(circle=other, user=make_user(display_name="Stranger"))
    Block.objects.create(blocker=people["author"], blocked=people["blocked"])
    checkin = make_session(
        circle,
        requester,
        {
            people["author"]: "on_my_way",
            people["blocked"]: "calling",
            people["declined"]: "cant_right_now",
        },
        asked=[people["member"]],
    )
    return World(circle=circle, checkin=checkin, people=people)


def notes_url(checkin: CheckIn) -> str:
    return f"/api/v1/checkins/{checkin.pk}/notes/"


def note_url(note: AftermathNote) -> str:
    return f"/api/v1/notes/{note.pk}/"


def reaction_url(note: AftermathNote) -> str:
    return f"/api/v1/notes/{note.pk}/reaction/"


def send(client: Client, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    if method == "get":
        return client.get(path)
    return getattr(client, method)(path, body or {}, content_type="application/json")

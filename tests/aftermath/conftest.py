"""A closed session in a circle, with people in every role around it."""

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote, Audience
from backend.checkins.models import CheckIn
from backend.circles.models import Circle
from tests.common.helpers import client_for
from tests.common.world import make_block, make_circle, make_note, make_person, make_session

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
        return make_note(self.checkin, self.people[by], body=body, audience=audience)


@pytest.fixture
def world(db: Any) -> World:
    requester = make_person(display_name="Alex")
    people = {
        "participant": requester,
        "author": make_person(display_name="Sam"),
        "blocked": make_person(display_name="Kim"),
        "declined": make_person(display_name="Jo"),
        "member": make_person(display_name="Robin"),
        "other_circle": make_person(display_name="Lee"),
        "outsider": make_person(display_name="Pat"),
        "staff": make_person(display_name="Mod", is_staff=True, is_superuser=True),
    }
    circle = make_circle(
        requester, [people[role] for role in ("author", "blocked", "declined", "member")]
    )
    make_circle(people["other_circle"], [make_person(display_name="Stranger")], name="Elsewhere")
    make_block(people["author"], people["blocked"])
    checkin = make_session(
        requester,
        circle,
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

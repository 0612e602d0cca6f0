"""A circle after a hard evening: Alex reached out, Sam and Kim came; Sam wrote a note to the
whole circle and one just for those who were there. Robin is in the circle but wasn't asked;
Pat is in no circle. A moderator (staff, in the Moderators group, with TOTP) works the queue."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote, Audience
from backend.checkins.models import AudienceMember, CheckIn, Kind, Mode, Response, Status
from backend.circles import services as circle_services
from backend.circles.models import Circle, Membership
from backend.moderation.groups import moderators_group_ensure
from backend.moderation.models import Report
from tests.common.helpers import add_totp, client_for, post

REPORTS = "/api/v1/reports/"
STRIKES = "/api/v1/strikes/"
HURTFUL = "You always make everything about yourself"
PRIVATE = "Thank you for the tea"
MESSAGE = "Please come, it's bad tonight"


@dataclass
class World:
    circle: Circle
    other_circle: Circle
    checkin: CheckIn
    circle_note: AftermathNote
    private_note: AftermathNote
    people: dict[str, User]
    clients: dict[str, Client] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["people"][name]
        except KeyError:
            raise AttributeError(name) from None

    def client(self, who: str) -> Client:
        if who not in self.clients:
            self.clients[who] = client_for(self.people[who])
        return self.clients[who]

    def target_id(self, target_type: str) -> str:
        return str(
            {
                "note": self.circle_note.pk,
                "checkin": self.checkin.pk,
                "user": self.sam.pk,
                "circle": self.circle.pk,
            }[target_type]
        )

    def report(
        self, who: str = "alex", target_type: str = "note", category: str = "harassment", **kw: Any
    ) -> Any:
        body = {
            "target_type": target_type,
            "target_id": kw.pop("target_id", None) or self.target_id(target_type),
            "category": category,
            **kw,
        }
        return post(self.client(who), REPORTS, body)

    def reported(self, **kw: Any) -> Report:
        res = self.report(**kw)
        assert res.status_code in (200, 201), res.content
        return Report.objects.get(pk=res.json()["id"])


def make_moderator(make_user: Any, with_totp: bool = True) -> User:
    moderator = make_user(display_name="Mod", is_staff=True)
    moderator.groups.add(moderators_group_ensure())
    if with_totp:
        add_totp(moderator)
    return User.objects.get(pk=moderator.pk)  # fresh permission cache


@pytest.fixture
def world(make_user: Any) -> World:
    people = {
        "alex": make_user(display_name="Alex"),
        "sam": make_user(display_name="Sam"),
        "kim": make_user(display_name="Kim"),
        "robin": make_user(display_name="Robin"),
        "pat": make_user(display_name="Pat"),
        "lee": make_user(display_name="Lee"),
    }
    people["moderator"] = make_moderator(make_user)
    circle = circle_services.circle_create(user=people["alex"], name="Sunday people")
    for who in ("sam", "kim", "robin"):
        Membership.objects.create(circle=circle, user=people[who])
    other = circle_services.circle_create(user=people["lee"], name="Elsewhere")
    now = timezone.now()
    checkin = CheckIn.objects.create(
        requester=people["alex"],
        circle=circle,
        kind=Kind.REACH_OUT,
        mode=Mode.COME_OVER,
        message=MESSAGE,
        status=Status.CLOSED,
        activated_at=now - dt.timedelta(hours=3),
        closed_at=now,
        closed_by=people["alex"],
    )
    for who in ("sam", "kim"):
        AudienceMember.objects.create(checkin=checkin, user=people[who])
        Response.objects.create(checkin=checkin, responder=people[who], answer="on_my_way")
    circle_note = AftermathNote.objects.create(
        checkin=checkin, author=people["sam"], body=HURTFUL, audience=Audience.CIRCLE
    )
    private_note = AftermathNote.objects.create(
        checkin=checkin, author=people["sam"], body=PRIVATE, audience=Audience.PARTICIPANTS
    )
    return World(
        circle=circle,
        other_circle=other,
        checkin=checkin,
        circle_note=circle_note,
        private_note=private_note,
        people=people,
    )


def admin_client(user: User) -> Client:
    return client_for(user)


def act(
    client: Client,
    report: Report,
    action: str,
    reason: str = "Please be kind here.",
    until: dt.datetime | None = None,
) -> Any:
    """A moderator acts through the form on the report's change page."""
    data = {
        "action": action,
        "reason": reason,
        "suspend_until_0": until.strftime("%Y-%m-%d") if until else "",
        "suspend_until_1": until.strftime("%H:%M:%S") if until else "",
        "_save": "Save",
    }
    return client.post(f"/admin/moderation/report/{report.pk}/change/", data)

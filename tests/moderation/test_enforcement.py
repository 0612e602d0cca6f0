"""Suspension and ban, enforced once for every write of the API: one parametrised test per
endpoint family, each proving the same call goes through once the suspension is over."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from backend.checkins.models import AudienceMember, CheckIn, Kind, Mode, Status
from backend.circles import services as circle_services
from backend.moderation import services
from backend.notifications.models import Notification, PushSubscription
from backend.notifications.services import notify
from tests.common.world import add_device
from tests.conftest import error_codes
from tests.moderation.conftest import World

pytestmark = pytest.mark.django_db

SUSPENSION = dt.timedelta(days=3)
Call = Callable[[World], tuple[str, str, dict[str, Any]]]


def _open_reach_out_to_kim(world: World) -> CheckIn:
    checkin = CheckIn.objects.create(
        requester=world.alex,
        circle=world.circle,
        kind=Kind.REACH_OUT,
        mode=Mode.CALL,
        status=Status.OPEN,
        activated_at=timezone.now(),
    )
    AudienceMember.objects.create(checkin=checkin, user=world.kim)
    return checkin


def _kims_invite(world: World) -> tuple[str, str, dict[str, Any]]:
    circle = circle_services.circle_create(user=world.kim, name="Kim's")
    return "post", f"/api/v1/circles/{circle.pk}/invites/", {}


def _invite_to_kim(world: World) -> tuple[str, str, dict[str, Any]]:
    created = circle_services.invite_create(circle=world.other_circle, created_by=world.lee)
    return "post", f"/api/v1/invites/{created.token}/accept/", {}


FAMILIES: dict[str, Call] = {
    "circles": lambda w: ("post", "/api/v1/circles/", {"name": "New"}),
    "invites": _kims_invite,
    "invite_accept": _invite_to_kim,
    "checkins": lambda w: (
        "post",
        "/api/v1/checkins/",
        {"kind": "reach_out", "circle": str(w.circle.pk), "mode": "call"},
    ),
    "responses": lambda w: (
        "post",
        f"/api/v1/checkins/{_open_reach_out_to_kim(w).pk}/responses/",
        {"answer": "on_my_way"},
    ),
    "notes": lambda w: ("post", f"/api/v1/checkins/{w.checkin.pk}/notes/", {"body": "Thanks"}),
    "reactions": lambda w: ("put", f"/api/v1/notes/{w.circle_note.pk}/reaction/", {"kind": "hug"}),
    "nudges": lambda w: (
        "post",
        "/api/v1/checkins/",
        {"kind": "nudge", "circle": str(w.circle.pk), "audience": [str(w.alex.pk)]},
    ),
    "reports": lambda w: (
        "post",
        "/api/v1/reports/",
        {"target_type": "user", "target_id": str(w.sam.pk), "category": "spam"},
    ),
    "blocks": lambda w: ("post", "/api/v1/blocks/", {"user": str(w.sam.pk)}),
    "profile": lambda w: ("patch", "/api/v1/me/", {"display_name": "Kimmy"}),
}


def suspend(world: World, who: str = "kim") -> dt.datetime:
    until = timezone.now() + SUSPENSION
    services.moderation_act(
        moderator=world.moderator,
        action="suspend",
        target_type="user",
        target_id=world.people[who].pk,
        reason="Cooling off",
        suspend_until=until,
    )
    return until


def send(client: Client, method: str, path: str, body: dict[str, Any]) -> Any:
    return getattr(client, method)(path, body, content_type="application/json")


@pytest.mark.parametrize("family", FAMILIES)
def test_a_suspended_person_cant_write(world: World, family: str) -> None:
    method, path, body = FAMILIES[family](world)
    until = suspend(world)
    kim = world.client("kim")
    res = send(kim, method, path, body)
    assert res.status_code == 403, res.content
    assert error_codes(res) == ["account_suspended"]
    assert until.strftime("%d %B %Y") in res.json()["errors"][0]["detail"]

    with time_machine.travel(until + dt.timedelta(minutes=1)):
        res = send(kim, method, path, body)
        assert res.status_code < 300, res.content


@pytest.mark.parametrize("family", FAMILIES)
def test_a_banned_person_is_signed_out_of_every_write(world: World, family: str) -> None:
    method, path, body = FAMILIES[family](world)
    kim = world.client("kim")
    assert kim.get("/api/v1/me/").status_code == 200
    services.moderation_act(
        moderator=world.moderator,
        action="ban",
        target_type="user",
        target_id=world.kim.pk,
        reason="Threats",
    )
    res = send(kim, method, path, body)
    assert res.status_code == 401, res.content
    assert error_codes(res) == ["not_authenticated"]


def test_a_suspended_person_can_read_see_why_and_sign_out(world: World) -> None:
    until = suspend(world)
    add_device(world.kim)
    kim = world.client("kim")
    me = kim.get("/api/v1/me/").json()
    assert me["standing"] == "suspended"
    assert me["suspended_until"][:16] == until.isoformat()[:16]
    strikes = kim.get("/api/v1/strikes/").json()["results"]
    assert [(s["kind"], s["reason"]) for s in strikes] == [("suspension", "Cooling off")]
    assert kim.get("/api/v1/home/").status_code == 200
    assert kim.get(f"/api/v1/checkins/{world.checkin.pk}/notes/").status_code == 200
    # Taking this device off the account is allowed.
    endpoint = PushSubscription.objects.get(user=world.kim).endpoint
    res = kim.delete(
        "/api/v1/push/subscriptions/", {"endpoint": endpoint}, content_type="application/json"
    )
    assert res.status_code in (200, 204), res.content
    assert not PushSubscription.objects.filter(user=world.kim).exists()
    res = kim.delete("/_allauth/browser/v1/auth/session")
    assert res.status_code == 401
    assert kim.get("/api/v1/me/").status_code == 401


def test_suspended_and_banned_people_are_left_out_of_audiences(world: World) -> None:
    suspend(world, "robin")
    services.moderation_act(
        moderator=world.moderator,
        action="ban",
        target_type="user",
        target_id=world.kim.pk,
        reason="Threats",
    )
    alex = world.client("alex")
    res = send(
        alex,
        "post",
        "/api/v1/checkins/",
        {"kind": "reach_out", "circle": str(world.circle.pk), "mode": "call"},
    )
    assert res.status_code == 201, res.content
    asked = {a["user"]["id"] for a in res.json()["audience"]}
    assert asked == {str(world.sam.pk)}
    # Asking a suspended person alone: answered as if sent, nobody asked (like a block).
    res = send(
        alex,
        "post",
        "/api/v1/checkins/",
        {"kind": "nudge", "circle": str(world.circle.pk), "audience": [str(world.robin.pk)]},
    )
    assert res.status_code == 201, res.content
    assert res.json()["audience"] == []


def test_notify_sends_suspended_people_nothing(world: World) -> None:
    suspend(world, "robin")
    Notification.objects.all().delete()
    notify(
        user_ids=[world.robin.pk, world.sam.pk],
        kind="test",
        title="Hello",
        body="Hi",
        url="/",
    )
    assert list(Notification.objects.values_list("user_id", flat=True)) == [world.sam.pk]


def test_a_ban_ends_app_tokens_and_tracked_sessions(world: World) -> None:
    from allauth.usersessions.models import UserSession

    from tests.conftest import APP, PASSWORD

    res = Client().post(
        f"{APP}/auth/login",
        {"email": world.kim.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    token = res.json()["meta"]["session_token"]
    app = Client(headers={"X-Session-Token": token})
    assert app.get("/api/v1/me/").status_code == 200
    assert UserSession.objects.filter(user=world.kim).exists()
    services.moderation_act(
        moderator=world.moderator,
        action="ban",
        target_type="user",
        target_id=world.kim.pk,
        reason="Threats",
    )
    assert app.get("/api/v1/me/").status_code == 401
    assert not UserSession.objects.filter(user=world.kim).exists()

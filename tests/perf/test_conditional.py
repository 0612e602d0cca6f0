"""Conditional polling: home and a check-in answer 304 while nothing they show has changed for
this person, and every kind of write that changes it gives them a new ETag."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import User
from backend.checkins.models import CheckIn
from backend.moderation import services as moderation
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import client_for
from tests.common.world import (
    CircleWorld,
    circle_world,
    join,
    make_block,
    make_join_request,
    make_note,
    make_person,
    make_reaction,
    make_session,
)
from tests.moderation.conftest import make_moderator

pytestmark = pytest.mark.django_db

HOME = "/api/v1/home/"


@pytest.fixture(autouse=True)
def _conditional(settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "CONDITIONAL_GET": True}


def etag(client: Client, url: str = HOME) -> str:
    res = client.get(url)
    assert res.status_code == 200, res.content
    return str(res["ETag"])


def still(client: Client, tag: str, url: str = HOME) -> bool:
    """Does the server still answer `tag` with 304?"""
    res = client.get(url, headers={"If-None-Match": tag})
    assert res.status_code in (200, 304), res.content
    return res.status_code == 304


@pytest.mark.parametrize("url", [HOME, "checkin"])
def test_200_then_304_then_a_write_then_200(make_world: Any, committed: Any, url: str) -> None:
    world = make_world(members=2)
    friend = world.members[0]
    checkin_id = committed(lambda: reach_out(world, expect=201)).json()["id"]
    if url == "checkin":
        url = f"{CHECKINS}{checkin_id}/"
    me = world.client(world.owner)
    first = me.get(url)
    assert first.status_code == 200
    tag = first["ETag"]
    assert tag.startswith('W/"')
    again = me.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == tag
    committed(
        lambda: world.client(friend).post(
            f"{CHECKINS}{checkin_id}/responses/",
            {"answer": "on_my_way", "eta_minutes": 10},
            content_type="application/json",
        )
    )
    after = me.get(url, headers={"If-None-Match": tag})
    assert after.status_code == 200
    assert after["ETag"] != tag
    assert after.json() != first.json()


@pytest.mark.parametrize("url", [HOME, "checkin"])
def test_the_304_reads_only_the_session(make_world: Any, committed: Any, url: str) -> None:
    # Answered before the person is loaded (ConditionalPollMiddleware): no user row, no DRF,
    # no throttle count; the session (a cache read in production) and the version.
    world = make_world(members=3)
    checkin_id = committed(lambda: reach_out(world, expect=201)).json()["id"]
    if url == "checkin":
        url = f"{CHECKINS}{checkin_id}/"
    me = world.client(world.owner)
    tag = etag(me, url)
    with CaptureQueriesContext(connection) as ctx:
        res = me.get(url, headers={"If-None-Match": tag})
    assert res.status_code == 304
    assert res["ETag"] == tag
    assert "private" in res["Cache-Control"]
    tables = {re.search(r'FROM "(\w+)"', q["sql"]).group(1) for q in ctx.captured_queries}  # type: ignore[union-attr]
    assert tables == {"django_session"}, ctx.captured_queries
    assert len(ctx.captured_queries) == 1


def test_a_stale_tag_or_another_persons_goes_through_to_the_view(make_world: Any) -> None:
    world = make_world(members=1)
    me, friend = world.client(world.owner), world.client(world.members[0])
    mine = etag(me)
    # Someone else's tag is never theirs: the ETag hashes the person.
    res = friend.get(HOME, headers={"If-None-Match": mine})
    assert res.status_code == 200
    assert res["ETag"] != mine
    assert me.get(HOME, headers={"If-None-Match": 'W/"stale"'}).status_code == 200
    # Signed out: the view's own 401/403, never a 304.
    assert Client().get(HOME, headers={"If-None-Match": mine}).status_code in (401, 403)


def test_without_the_knob_no_etag(make_world: Any, settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "CONDITIONAL_GET": False}
    world = make_world(members=1)
    res = world.client(world.owner).get(HOME)
    assert res.status_code == 200
    assert "ETag" not in res


def test_a_lost_version_answers_200_once(make_world: Any) -> None:
    from django.core.cache import cache

    world = make_world(members=1)
    me = world.client(world.owner)
    tag = etag(me)
    cache.clear()  # Redis restarted without its data
    assert not still(me, tag)
    assert still(me, etag(me))


def test_another_person_cannot_reuse_my_etag(make_world: Any) -> None:
    world = make_world(members=1)
    tag = etag(world.client(world.owner))
    assert not still(world.client(world.members[0]), tag)


# --- every kind of write ---------------------------------------------------------------------


class Scene:
    """A circle (Alex, Sam, Kim), an open reach-out of Alex's that asks Sam and Kim, and Pat
    in a circle of their own (sees none of it)."""

    def __init__(self, committed: Any) -> None:
        self.committed = committed
        self.world: CircleWorld = circle_world(members=2)
        self.alex = self.world.owner
        self.sam, self.kim = self.world.members
        self.pat = make_person(display_name="Pat")
        self.elsewhere = circle_world(owner=self.pat, members=1)
        self.checkin_id = committed(lambda: reach_out(self.world, expect=201)).json()["id"]

    def client(self, user: User) -> Client:
        return self.world.client(user)

    def api(self, user: User, method: str, path: str, body: Any = None) -> Any:
        client = self.client(user)
        res = self.committed(
            lambda: getattr(client, method)(path, body or {}, content_type="application/json")
        )
        assert res.status_code < 300, (res.status_code, res.content)
        return res


def _closed_session_note(s: Scene) -> Any:
    checkin = make_session(s.sam, s.world.circle, {s.alex: "on_my_way"})
    return make_note(checkin, s.alex, audience="circle")


WRITES: dict[str, tuple[Callable[[Scene], Any], Callable[[Scene], User]]] = {
    # name: (the write, who sees it)
    "reach-out": (lambda s: reach_out(s.world, s.sam, expect=201), lambda s: s.kim),
    "answer": (
        lambda s: s.api(
            s.sam, "post", f"{CHECKINS}{s.checkin_id}/responses/", {"answer": "calling"}
        ),
        lambda s: s.alex,
    ),
    "seen": (lambda s: s.api(s.sam, "post", f"{CHECKINS}{s.checkin_id}/seen/"), lambda s: s.alex),
    "close": (lambda s: s.api(s.alex, "post", f"{CHECKINS}{s.checkin_id}/close/"), lambda s: s.kim),
    "cancel": (
        lambda s: s.api(s.alex, "post", f"{CHECKINS}{s.checkin_id}/cancel/"),
        lambda s: s.kim,
    ),
    "nudge": (
        lambda s: s.api(
            s.sam,
            "post",
            CHECKINS,
            {"kind": "nudge", "circle": str(s.world.circle.pk), "audience": [str(s.kim.pk)]},
        ),
        lambda s: s.kim,
    ),
    "note": (lambda s: _closed_session_note(s), lambda s: s.sam),
    "reaction": (
        lambda s: make_reaction(_closed_session_note(s), s.sam, "heart"),
        lambda s: s.alex,
    ),
    "circle renamed": (
        lambda s: s.api(s.alex, "patch", f"/api/v1/circles/{s.world.circle.pk}/", {"name": "Us"}),
        lambda s: s.kim,
    ),
    "someone joins": (lambda s: join(s.world.circle, make_person()), lambda s: s.kim),
    "someone is removed": (
        lambda s: s.api(
            s.alex, "delete", f"/api/v1/circles/{s.world.circle.pk}/members/{s.sam.pk}/"
        ),
        lambda s: s.kim,
    ),
    "invite": (
        lambda s: s.api(s.alex, "post", f"/api/v1/circles/{s.world.circle.pk}/invites/", {}),
        lambda s: s.kim,
    ),
    "join request": (lambda s: make_join_request(s.world.circle, make_person()), lambda s: s.alex),
    "block": (lambda s: make_block(s.sam, s.alex), lambda s: s.alex),
    "profile": (
        lambda s: s.api(s.sam, "patch", "/api/v1/me/", {"display_name": "Samuel"}),
        lambda s: s.kim,
    ),
    "moderation hides the message": (
        lambda s: moderation.moderation_act(
            moderator=make_moderator(make_person),
            action="hide_content",
            target_type="checkin",
            target_id=s.checkin_id,
            reason="Hurtful",
        ),
        lambda s: s.kim,
    ),
    "moderation suspends": (
        lambda s: moderation.moderation_act(
            moderator=make_moderator(make_person),
            action="suspend",
            target_type="user",
            target_id=s.sam.pk,
            reason="Cool off",
            suspend_until=CheckIn.objects.get(pk=s.checkin_id).created_at.replace(year=2100),
        ),
        lambda s: s.kim,
    ),
    "account deleted": (lambda s: s.sam.delete(), lambda s: s.kim),
}


@pytest.fixture
def scene(committed: Any) -> Scene:
    return Scene(committed)


@pytest.mark.parametrize("kind", list(WRITES))
def test_every_kind_of_write_changes_the_etag_of_who_sees_it(scene: Scene, kind: str) -> None:
    write, who = WRITES[kind]
    watcher = who(scene)
    mine = etag(scene.client(watcher))
    outsider = client_for(scene.pat)
    theirs = etag(outsider)
    assert still(scene.client(watcher), mine)
    scene.committed(lambda: write(scene))
    assert not still(scene.client(watcher), mine), f"{kind}: the ETag did not change"
    # Pat is in none of it.
    assert still(outsider, theirs), f"{kind}: Pat's ETag changed"


def test_a_sign_in_changes_nobody_else_s_etag(scene: Scene) -> None:
    tag = etag(scene.client(scene.kim))
    scene.committed(lambda: client_for(scene.sam))  # force_login writes last_login
    assert still(scene.client(scene.kim), tag)


def test_a_share_offer_and_its_answer_change_the_session_screens_etag(
    make_world: Any, committed: Any
) -> None:
    """Two-way sessions: the session screen polls the check-in conditionally and loads the
    sharing state when the check-in changes, so an offer and its "Of course" must change it."""
    world = make_world(members=1)
    friend = world.members[0]
    checkin_id = committed(lambda: reach_out(world, expect=201)).json()["id"]
    url = f"{CHECKINS}{checkin_id}/"
    bea, ana = world.client(world.owner), world.client(friend)
    res = committed(
        lambda: ana.post(f"{url}responses/", {"answer": "on_my_way"}, "application/json")
    )
    assert res.status_code in (200, 201), res.content

    tag = etag(bea, url)
    res = committed(lambda: ana.post(f"{url}sharing/offer/", {}, "application/json"))
    assert res.status_code in (200, 201), res.content
    assert not still(bea, tag, url)

    offer_id = bea.get(f"{url}sharing/").json()["offers"][0]["id"]
    tag = etag(ana, url)
    res = committed(lambda: bea.post(f"{url}sharing/offers/{offer_id}/accept/"))
    assert res.status_code == 200, res.content
    assert not still(ana, tag, url)

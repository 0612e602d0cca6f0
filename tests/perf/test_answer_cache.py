"""The answer cache (backend.common.conditional): a conditional read's 200 is kept under the
person's version, so a second read builds nothing — and after any write the person would see,
the next read is exactly what the view builds, never the kept answer; nobody ever gets
another person's."""

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import User
from backend.circles.models import Circle
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.common.world import (
    CircleWorld,
    make_block,
    make_circle,
    make_note,
    make_person,
    make_session,
)
from tests.perf.test_conditional import WRITES, Scene

pytestmark = pytest.mark.django_db

HOME = "/api/v1/home/"


@pytest.fixture(autouse=True)
def _cached(settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "CONDITIONAL_GET": True, "ANSWER_CACHE_SECONDS": 300}


def read(client: Client, url: str) -> Any:
    res = client.get(url)
    assert res.status_code == 200, res.content
    assert res["Content-Type"] == "application/json"
    return res.json()


def built(client: Client, url: str, settings: Any) -> Any:
    """What the view builds now (the cache off)."""
    kept = settings.SHOULDER
    settings.SHOULDER = {**kept, "ANSWER_CACHE_SECONDS": 0}
    try:
        return read(client, url)
    finally:
        settings.SHOULDER = kept


def tables(ctx: CaptureQueriesContext) -> set[str]:
    found = (re.search(r'FROM "(\w+)"', q["sql"]) for q in ctx.captured_queries)
    return {m.group(1) for m in found if m}


def urls(s: Scene, user: User) -> list[str]:
    circle = s.elsewhere.circle if user == s.pat else s.world.circle
    return [
        HOME,
        CHECKINS,
        "/api/v1/circles/",
        f"/api/v1/circles/{circle.pk}/",
        f"/api/v1/circles/{circle.pk}/moments/",
    ]


def test_a_second_read_builds_nothing(make_world: Any, committed: Any) -> None:
    world = make_world(members=2)
    checkin_id = committed(lambda: reach_out(world, expect=201)).json()["id"]
    kim = world.members[1]
    session = make_session(kim, world.circle, {world.owner: "on_my_way"})
    make_note(session, kim)
    me = world.client(world.owner)
    for url in (
        HOME,
        f"{CHECKINS}{checkin_id}/",
        CHECKINS,
        f"{CHECKINS}{session.pk}/notes/",
        f"/api/v1/circles/{world.circle.pk}/moments/",
        f"/api/v1/people/{kim.pk}/moments/",
        "/api/v1/circles/",
        f"/api/v1/circles/{world.circle.pk}/",
    ):
        first = me.get(url)
        assert first.status_code == 200, (url, first.content)
        with CaptureQueriesContext(connection) as ctx:
            again = me.get(url)
        assert again.status_code == 200
        assert again.content == first.content, url
        assert again["ETag"] == first["ETag"]
        # The session and the person (DRF's checks run on every request); nothing of the
        # answer itself.
        assert tables(ctx) <= {"django_session", "accounts_user"}, (url, tables(ctx))


def test_the_cache_off_builds_every_time(make_world: Any, committed: Any, settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "ANSWER_CACHE_SECONDS": 0}
    world = make_world(members=2)
    committed(lambda: reach_out(world, expect=201))
    me = world.client(world.owner)
    read(me, HOME)
    with CaptureQueriesContext(connection) as ctx:
        read(me, HOME)
    assert "checkins_checkin" in tables(ctx)


@pytest.mark.parametrize("kind", list(WRITES))
def test_after_every_kind_of_write_a_read_is_what_the_view_builds(
    committed: Any, settings: Any, kind: str
) -> None:
    s = Scene(committed)
    write, who = WRITES[kind]
    watcher = who(s)
    client = s.client(watcher)
    for url in urls(s, watcher):
        read(client, url)  # kept
    s.committed(lambda: write(s))
    for url in urls(s, watcher):
        if kind == "account deleted" and watcher == s.sam:
            continue
        assert read(client, url) == built(client, url, settings), f"{kind}: {url} was stale"


def test_a_check_in_read_is_never_someone_elses(make_world: Any, committed: Any) -> None:
    """The requester's answer (everyone's phone numbers) is kept; a friend asked reading the
    same URL gets their own (no numbers of the others, their role)."""
    world = make_world(members=2)
    ana, kim = world.members
    for person, phone in ((ana, "+15550001"), (kim, "+15550002")):
        person.phone = phone
        person.save(update_fields=["phone"])
    checkin_id = committed(lambda: reach_out(world, expect=201)).json()["id"]
    url = f"{CHECKINS}{checkin_id}/"
    mine = read(world.client(world.owner), url)
    assert {a["user"]["phone"] for a in mine["audience"]} == {"+15550001", "+15550002"}
    read(world.client(world.owner), url)  # now kept
    theirs = read(world.client(ana), url)
    assert theirs["my_role"] == "asked"
    assert {a["user"]["phone"] for a in theirs["audience"]} == {""}


# --- a check-in widened to another circle ----------------------------------------------------


def _widened(make_world: Any, committed: Any) -> tuple[CircleWorld, User, User, str]:
    """Alex's reach-out asks Ana (circle A), then is widened to Dev of circle B."""
    w = make_world(members=1)
    ana = w.members[0]
    bo, dev = make_person(display_name="Bo"), make_person(display_name="Dev")
    other: Circle = make_circle(bo, [w.owner, dev], name="Tuesday people")
    checkin_id = committed(lambda: reach_out(w, audience=[str(ana.pk)], expect=201)).json()["id"]
    committed(
        lambda: post(
            w.client(w.owner),
            f"{CHECKINS}{checkin_id}/people/",
            {"people": [str(dev.pk)], "circle": str(other.pk)},
            expect=200,
        )
    )
    return w, ana, dev, checkin_id


def test_widening_changes_what_the_requester_reads(make_world: Any, committed: Any) -> None:
    w = make_world(members=2)
    ana, kim = w.members
    checkin_id = committed(lambda: reach_out(w, audience=[str(ana.pk)], expect=201)).json()["id"]
    url = f"{CHECKINS}{checkin_id}/"
    alex = w.client(w.owner)
    tag = alex.get(url)["ETag"]
    committed(
        lambda: post(alex, f"{url}people/", {"people": [str(kim.pk)]}, expect=200),
    )
    res = alex.get(url, headers={"If-None-Match": tag})
    assert res.status_code == 200
    assert {a["user"]["id"] for a in res.json()["audience"]} == {str(ana.pk), str(kim.pk)}


def test_someone_asked_through_another_circle_reads_what_changes(
    make_world: Any, committed: Any
) -> None:
    w, _ana, dev, checkin_id = _widened(make_world, committed)
    url = f"{CHECKINS}{checkin_id}/"
    devs = w.client(dev)
    tag = devs.get(url)["ETag"]
    assert any(c["id"] == checkin_id for c in read(devs, HOME)["asking_me"])
    committed(lambda: post(w.client(w.owner), f"{url}update/", {"text": "Door's open"}, expect=200))
    res = devs.get(url, headers={"If-None-Match": tag})
    assert res.status_code == 200
    assert res.json()["update_line"] == "Door's open"
    committed(lambda: post(w.client(w.owner), f"{url}close/", {}, expect=200))
    assert not any(c["id"] == checkin_id for c in read(devs, HOME)["asking_me"])


def test_the_bench_header_builds_only_where_the_bench_floors_are_on(
    make_world: Any, committed: Any, settings: Any
) -> None:
    """`make bench-api` measures the built answer with X-Bench-Cold; anywhere else (the floors
    off, as in production) the header changes nothing."""
    world = make_world(members=1)
    committed(lambda: reach_out(world, expect=201))
    me = world.client(world.owner)
    cold = {"X-Bench-Cold": "1"}
    read(me, HOME)
    for floors, builds in ((False, False), (True, True)):
        settings.BENCH_FLOORS = floors
        with CaptureQueriesContext(connection) as ctx:
            assert me.get(HOME, headers=cold).status_code == 200
        assert ("checkins_checkin" in tables(ctx)) is builds


def test_someone_removed_or_blocked_no_longer_reads_their_kept_answers(committed: Any) -> None:
    s = Scene(committed)
    circle = s.world.circle.pk
    checkin = f"{CHECKINS}{s.checkin_id}/"
    gated = [checkin, f"/api/v1/circles/{circle}/", f"/api/v1/circles/{circle}/moments/"]
    sam, kim = s.client(s.sam), s.client(s.kim)
    for url in gated:
        read(sam, url)
        read(sam, url)  # kept
    read(kim, checkin)
    s.api(s.alex, "delete", f"/api/v1/circles/{circle}/members/{s.sam.pk}/")
    for url in gated:
        assert sam.get(url).status_code == 404, url
    assert read(sam, "/api/v1/circles/")["results"] == []
    # Kim blocks Alex: Alex's reach-out is no longer hers to read.
    s.committed(lambda: make_block(s.kim, s.alex))
    assert kim.get(checkin).status_code == 404

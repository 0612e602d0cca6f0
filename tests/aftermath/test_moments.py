"""Our moments: calm timelines of sessions with the notes I may read."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from backend.checkins.models import Status
from backend.circles.models import Membership
from tests.aftermath.conftest import World, send
from tests.common.world import make_block, make_note, make_session

pytestmark = pytest.mark.django_db


def circle_moments(world: World, role: str, query: str = "") -> dict:  # type: ignore[type-arg]
    res = send(world.client(role), "get", f"/api/v1/circles/{world.circle.pk}/moments/{query}")
    assert res.status_code == 200, res.content
    return res.json()  # type: ignore[no-any-return]


def test_circle_moments_newest_first_with_notes_oldest_first(world: World) -> None:
    start = timezone.now() - timedelta(days=3)
    sessions = []
    for day in range(3):
        with time_machine.travel(start + timedelta(days=day), tick=False):
            checkin = make_session(world.participant, world.circle, {world.author: "texting"})
            sessions.append(checkin)
        for minute in range(2):
            with time_machine.travel(start + timedelta(days=day, minutes=10 + minute), tick=False):
                make_note(checkin, world.author, f"day {day} #{minute}")
    # Not over yet, and over without notes: not in the timeline.
    make_session(world.participant, world.circle, {world.author: "texting"})
    make_session(world.participant, world.circle, {world.author: "texting"}, status=Status.OPEN)

    body = circle_moments(world, "participant", "?page_size=2")
    assert set(body) == {"next", "previous", "results"}
    first = body["results"][0]
    assert set(first) == {
        "id",
        "kind",
        "circle",
        "requester",
        "created_at",
        "ended_at",
        "notes",
        "mutual",
        "shared_with",
    }
    assert first["requester"] == {"id": str(world.participant.pk), "display_name": "Alex"}
    assert first["circle"] == {"id": str(world.circle.pk), "name": "Sunday people"}
    assert first["ended_at"] is not None
    assert [n["body"] for n in first["notes"]] == ["day 2 #0", "day 2 #1"]
    ids = [s["id"] for s in body["results"]]
    res = world.client("participant").get(body["next"])
    ids += [s["id"] for s in res.json()["results"]]
    assert res.json()["next"] is None
    assert ids == [str(s.pk) for s in reversed(sessions)]
    assert "count" not in str(body)


def test_circle_moments_show_only_what_i_may_read(world: World) -> None:
    mine = world.note(body="just us")
    shared = world.note(audience="circle", body="for everyone")
    # The circle member sees only the circle-wide note.
    notes = circle_moments(world, "member")["results"][0]["notes"]
    assert [n["id"] for n in notes] == [str(shared.pk)]
    notes = circle_moments(world, "participant")["results"][0]["notes"]
    assert [n["id"] for n in notes] == [str(mine.pk), str(shared.pk)]
    # `blocked` was there, but both notes are by the author who blocked them.
    assert circle_moments(world, "blocked")["results"] == []


def test_another_circles_sessions_never_show(world: World, make_user: object) -> None:
    world.note(audience="circle")
    other = Membership.objects.exclude(circle=world.circle).first()
    assert other is not None
    res = send(world.client("other_circle"), "get", f"/api/v1/circles/{other.circle_id}/moments/")
    assert res.json()["results"] == []


def test_person_moments_are_sessions_we_both_were_there_for(world: World) -> None:
    with_author = world.note(body="with Sam")
    # A session Alex had with only Jo there; Sam was asked but couldn't.
    solo = make_session(
        world.participant,
        world.circle,
        {world.declined: "on_my_way", world.author: "cant_right_now"},
    )
    make_note(solo, world.participant, "with Jo", audience="circle")
    alex = send(world.client("author"), "get", f"/api/v1/people/{world.participant.pk}/moments/")
    assert [s["id"] for s in alex.json()["results"]] == [str(world.checkin.pk)]
    assert [n["id"] for n in alex.json()["results"][0]["notes"]] == [str(with_author.pk)]
    sam = send(world.client("participant"), "get", f"/api/v1/people/{world.author.pk}/moments/")
    assert [s["id"] for s in sam.json()["results"]] == [str(world.checkin.pk)]
    jo = send(world.client("participant"), "get", f"/api/v1/people/{world.declined.pk}/moments/")
    assert [s["id"] for s in jo.json()["results"]] == [str(solo.pk)]


@pytest.mark.parametrize("who", ["self", "unknown", "other_circle", "left"])
def test_person_moments_404(world: World, who: str) -> None:
    world.note()
    person_id = {
        "self": world.author.pk,
        "unknown": "00000000-0000-4000-8000-000000000000",
        "other_circle": world.other_circle.pk,
        "left": world.member.pk,
    }[who]
    if who == "left":
        Membership.objects.filter(user=world.member).delete()
    res = send(world.client("author"), "get", f"/api/v1/people/{person_id}/moments/")
    assert res.status_code == 404


def test_a_block_made_later_hides_person_moments_both_ways(world: World) -> None:
    world.note()
    path = f"/api/v1/people/{world.participant.pk}/moments/"
    assert send(world.client("author"), "get", path).status_code == 200
    make_block(world.participant, world.author)
    # An empty page, not a 404: the blocked person can't tell a block from "no moments".
    res = send(world.client("author"), "get", path)
    assert (res.status_code, res.json()["results"]) == (200, [])
    back = send(world.client("participant"), "get", f"/api/v1/people/{world.author.pk}/moments/")
    assert (back.status_code, back.json()["results"]) == (200, [])

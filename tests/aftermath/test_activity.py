"""Home's calm list of what happened lately (`GET /api/v1/activity/`): answers, friends okay
now, people waiting to join, new notes; in a fixed number of queries, nothing across a block,
nothing older than the window."""

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from backend.checkins.models import Status
from tests.common.world import make_block, make_join_request, make_note, make_person, make_session

pytestmark = pytest.mark.django_db

ACTIVITY = "/api/v1/activity/"


def _kinds(client: Any) -> list[tuple[str, str]]:
    return [(i["kind"], i["person"]["display_name"]) for i in client.get(ACTIVITY).json()]


def test_what_happened_newest_first(make_world: Any) -> None:
    w = make_world(members=2)
    sam, jo = w.members
    sam.display_name, jo.display_name = "Sam", "Jo"
    sam.save()
    jo.save()
    now = timezone.now()
    with time_machine.travel(now - dt.timedelta(hours=3), tick=False):
        # Sam reached out; Alex (owner) and Jo were there; Sam is okay now; Jo wrote a note.
        session = make_session(sam, w.circle, {w.owner: "on_my_way", jo: "calling"})
    with time_machine.travel(now - dt.timedelta(hours=2), tick=False):
        make_note(session, jo, "Tea helped")
    with time_machine.travel(now - dt.timedelta(hours=1), tick=False):
        # Alex asks; Jo answers.
        mine = make_session(w.owner, w.circle, {jo: "texting"}, status=Status.OPEN)
    newcomer = make_person(display_name="Kim")
    make_join_request(w.circle, newcomer)

    body = w.client(w.owner).get(ACTIVITY).json()
    assert [(i["kind"], i["person"]["display_name"]) for i in body] == [
        ("join_request", "Kim"),
        ("answer", "Jo"),
        ("note", "Jo"),
        ("okay_now", "Sam"),
    ]
    assert body[1]["answer"] == "texting"
    assert body[1]["checkin"] == str(mine.pk)
    assert body[2]["checkin"] == str(session.pk)
    assert body[0]["circle"] == {"id": str(w.circle.pk), "name": w.circle.name}
    # Only the owner is asked to let people in; Sam's own things aren't echoed to Sam.
    assert ("join_request", "Kim") not in _kinds(w.client(jo))
    assert ("okay_now", "Sam") not in _kinds(w.client(sam))


def test_old_things_and_blocked_people_are_left_out(make_world: Any) -> None:
    w = make_world(members=2)
    sam, jo = w.members
    with time_machine.travel(timezone.now() - dt.timedelta(days=4), tick=False):
        make_session(sam, w.circle, {w.owner: "on_my_way"})
    assert _kinds(w.client(w.owner)) == []
    make_session(jo, w.circle, {w.owner: "on_my_way"})
    assert [k for k, _ in _kinds(w.client(w.owner))] == ["okay_now"]
    make_block(w.owner, jo)
    assert _kinds(w.client(w.owner)) == []


def test_query_count_does_not_grow(make_world: Any, django_assert_max_num_queries: Any) -> None:
    w = make_world(members=3)
    for friend in w.members:
        session = make_session(friend, w.circle, {w.owner: "on_my_way"})
        make_note(session, friend)
    make_join_request(w.circle, make_person())
    client = w.client(w.owner)
    client.get(ACTIVITY)  # the session's first request loads the user
    with django_assert_max_num_queries(8):
        assert len(client.get(ACTIVITY).json()) == 7


def test_signed_out_is_401(client: Any) -> None:
    assert client.get(ACTIVITY).status_code in (401, 403)

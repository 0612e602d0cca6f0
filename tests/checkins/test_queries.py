"""The home screen, the detail and the list cost the same number of queries for a small
circle and a large one (the circle cap is raised here to make a large one)."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.checkins.models import Mode, Status
from tests.checkins.conftest import CHECKINS
from tests.common.world import CircleWorld, join, make_person, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _big_circles(settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "CIRCLE_MAX_MEMBERS": 101}


def populate(w: CircleWorld, friends: int) -> str:
    """A reach-out to `friends` people who all answered, plus check-ins asking the owner."""
    people = [make_person() for _ in range(friends)]
    for person in people:
        join(w.circle, person)
    mine = make_session(
        w.owner, w.circle, dict.fromkeys(people, "on_my_way"), eta_minutes=5, status=Status.OPEN
    )
    for person in people:
        make_session(person, w.circle, asked=[w.owner], mode=Mode.CALL, status=Status.OPEN)
    return str(mine.pk)


def count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        res = client.get(url)
    assert res.status_code == 200, res.content
    return len(ctx.captured_queries)


# The session and the person, then: home — my circles, the check-ins (mine and what asks me),
# the audience of my open one; the detail — the check-in with its audience in one; the list —
# a page of check-ins, their audiences.
EXPECTED = {"/api/v1/home/": 5, "{checkin}": 3, CHECKINS: 4}


@pytest.mark.parametrize("url", list(EXPECTED))
def test_constant_queries_for_10_and_100_friends(make_world: Any, make_user: Any, url: str) -> None:
    counts = []
    for friends in (10, 100):
        w = make_world(members=0)
        checkin_id = populate(w, friends)
        client = w.client(w.owner)
        counts.append(count(client, url.format(checkin=f"{CHECKINS}{checkin_id}/")))
    assert counts == [EXPECTED[url]] * 2, counts


def test_home_payload(make_world: Any, make_user: Any) -> None:
    w = make_world(members=0)
    populate(w, 10)
    body = w.client(w.owner).get("/api/v1/home/").json()
    assert set(body) == {
        "me",
        "circles",
        "my_open_checkin",
        "my_scheduled",
        "asking_me",
        "pending_nudges",
        "offer_help",
    }
    assert body["circles"] == [
        {"id": str(w.circle.pk), "name": "Sunday people", "my_role": "owner"}
    ]
    assert len(body["my_open_checkin"]["audience"]) == 10
    assert len(body["asking_me"]) == 10
    assert all(item["my_role"] == "asked" for item in body["asking_me"])

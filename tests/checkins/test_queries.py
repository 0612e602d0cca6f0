"""The home screen, the detail and the list cost the same number of queries for a small
circle and a large one (circles can be made bigger than the cap here, directly)."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.checkins.models import AudienceMember, CheckIn, Response
from backend.circles.models import Membership
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.world import CircleWorld

pytestmark = pytest.mark.django_db


def populate(w: CircleWorld, make_user: Any, friends: int) -> str:
    """A reach-out to `friends` people who all answered, plus check-ins asking the owner."""
    people = [make_user() for _ in range(friends)]
    Membership.objects.bulk_create(Membership(circle=w.circle, user=p) for p in people)
    checkin_id: str = reach_out(w).json()["id"]
    Response.objects.bulk_create(
        Response(checkin_id=checkin_id, responder=p, answer="on_my_way", eta_minutes=5)
        for p in people
    )
    for person in people[:friends]:
        other = CheckIn.objects.create(
            requester=person, circle=w.circle, kind="reach_out", mode="call", status="open"
        )
        AudienceMember.objects.create(checkin=other, user=w.owner)
    return checkin_id


def count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        res = client.get(url)
    assert res.status_code == 200, res.content
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/api/v1/home/", "{checkin}", CHECKINS])
def test_constant_queries_for_10_and_100_friends(make_world: Any, make_user: Any, url: str) -> None:
    counts = []
    for friends in (10, 100):
        w = make_world(members=0)
        checkin_id = populate(w, make_user, friends)
        client = w.client(w.owner)
        counts.append(count(client, url.format(checkin=f"{CHECKINS}{checkin_id}/")))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 12


def test_home_payload(make_world: Any, make_user: Any) -> None:
    w = make_world(members=0)
    populate(w, make_user, 10)
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

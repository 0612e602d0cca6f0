"""Every check-in endpoint against every kind of caller, from one table: who may not see a
check-in gets 404 (existence doesn't leak), anonymous 401."""

from typing import Any

import pytest
from django.test import Client

from backend.circles.services import membership_remove
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import client_for, post
from tests.common.world import make_block

pytestmark = pytest.mark.django_db

ROLES = ("requester", "asked", "not_asked", "outsider", "blocked", "left", "anonymous")

# method, path, body, {role: status}; roles not listed answer 404 (401 for anonymous).
ENDPOINTS: list[tuple[str, str, dict[str, Any] | None, dict[str, int]]] = [
    ("get", "{checkin}", None, {"requester": 200, "asked": 200}),
    ("post", "{checkin}responses/", {"answer": "calling"}, {"requester": 403, "asked": 201}),
    ("post", "{checkin}seen/", None, {"requester": 403, "asked": 200}),
    ("post", "{checkin}close/", None, {"requester": 200, "asked": 403}),
    ("post", "{checkin}cancel/", None, {"requester": 200, "asked": 403}),
    ("post", "{nudge}reach-back/", {"mode": "call"}, {"requester": 403, "asked": 201}),
]


@pytest.fixture
def world(make_world: Any, make_user: Any) -> dict[str, Any]:
    w = make_world(members=4)
    asked, not_asked, blocked, left = w.members
    audience = [str(asked.pk), str(blocked.pk), str(left.pk)]
    res = reach_out(w, audience=audience, expect=201)
    nudge = reach_out(w, kind="nudge", audience=[str(asked.pk)], expect=201)
    # After being asked: one got blocked, one left the circle.
    make_block(w.owner, blocked)
    membership_remove(circle=w.circle, by=left, user_id=left.pk)
    return {
        "users": {
            "requester": w.owner,
            "asked": asked,
            "not_asked": not_asked,
            "outsider": make_user(),
            "blocked": blocked,
            "left": left,
        },
        "paths": {
            "checkin": f"{CHECKINS}{res.json()['id']}/",
            "nudge": f"{CHECKINS}{nudge.json()['id']}/",
        },
        "ids": {res.json()["id"], nudge.json()["id"]},
    }


def _client(world: dict[str, Any], role: str) -> Client:
    return Client() if role == "anonymous" else client_for(world["users"][role])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "allowed"), ENDPOINTS, ids=lambda v: str(v))
def test_endpoint_by_role(
    world: dict[str, Any],
    role: str,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    allowed: dict[str, int],
) -> None:
    client = _client(world, role)
    url = path.format(**world["paths"])
    res = client.get(url) if method == "get" else post(client, url, body)
    expected = 401 if role == "anonymous" else allowed.get(role, 404)
    assert res.status_code == expected, (role, url, res.content)
    if expected == 404:
        # The same answer as for a check-in that doesn't exist.
        assert res.json()["errors"][0]["code"] == "not_found"


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_only_what_the_person_may_see(world: dict[str, Any], role: str) -> None:
    res = _client(world, role).get(CHECKINS)
    if role == "anonymous":
        assert res.status_code == 401
        return
    assert res.status_code == 200
    ids = {item["id"] for item in res.json()["results"]}
    assert ids == (world["ids"] if role in ("requester", "asked") else set())


@pytest.mark.parametrize("role", ROLES)
def test_home_shows_only_what_asks_the_person(world: dict[str, Any], role: str) -> None:
    res = _client(world, role).get("/api/v1/home/")
    if role == "anonymous":
        assert res.status_code == 401
        return
    body = res.json()
    asking = len(body["asking_me"]) + len(body["pending_nudges"])
    assert asking == (2 if role == "asked" else 0)
    assert (body["my_open_checkin"] is not None) == (role == "requester")


def test_the_asked_do_not_see_people_they_blocked(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=2)
    a, b = w.members
    res = reach_out(w, expect=201)
    url = f"{CHECKINS}{res.json()['id']}/"
    post(w.client(b), f"{url}responses/", {"answer": "on_my_way"}, expect=201)
    make_block(a, b)
    seen_by_a = w.client(a).get(url).json()
    assert [x["user"]["id"] for x in seen_by_a["audience"]] == [str(a.pk)]
    assert seen_by_a["responses"] == []
    # The requester still sees everyone they asked.
    seen_by_owner = w.client(w.owner).get(url).json()
    assert len(seen_by_owner["audience"]) == 2
    assert len(seen_by_owner["responses"]) == 1

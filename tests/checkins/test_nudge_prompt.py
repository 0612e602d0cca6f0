"""After answering a nudge "Could use you", the prompt to reach back stays on home (server-side
state) until the friend reaches back or puts it away; the nudger sees the answer on home."""

from typing import Any

import pytest

from backend.checkins.models import AudienceMember
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

HOME = "/api/v1/home/"


def _nudged(make_world: Any) -> tuple[Any, Any, str]:
    w = make_world(members=2)
    friend = w.members[0]
    nudge = reach_out(w, kind="nudge", audience=[str(friend.pk)], expect=201).json()
    return w, friend, nudge["id"]


def test_need_you_prompt_stays_until_dismissed(make_world: Any) -> None:
    w, friend, nudge_id = _nudged(make_world)
    post(w.client(friend), f"{CHECKINS}{nudge_id}/responses/", {"answer": "need_you"}, expect=201)
    for _ in range(2):  # a reload is the same question again
        pending = w.client(friend).get(HOME).json()["pending_nudges"]
        assert [(n["id"], n["my_response"]["answer"]) for n in pending] == [(nudge_id, "need_you")]

    res = post(w.client(friend), f"{CHECKINS}{nudge_id}/dismiss/", expect=200)
    first = res.json()["dismissed_at"]
    again = post(w.client(friend), f"{CHECKINS}{nudge_id}/dismiss/", expect=200)
    assert again.json()["dismissed_at"] == first
    assert w.client(friend).get(HOME).json()["pending_nudges"] == []
    member = AudienceMember.objects.get(checkin_id=nudge_id, user=friend)
    assert member.dismissed_at is not None


def test_other_answers_leave_home(make_world: Any) -> None:
    w, friend, nudge_id = _nudged(make_world)
    post(w.client(friend), f"{CHECKINS}{nudge_id}/responses/", {"answer": "okay"}, expect=201)
    assert w.client(friend).get(HOME).json()["pending_nudges"] == []


def test_only_the_asked_can_dismiss(make_world: Any) -> None:
    w, _, nudge_id = _nudged(make_world)
    res = post(w.client(w.owner), f"{CHECKINS}{nudge_id}/dismiss/")
    assert res.status_code == 403
    assert error_codes(res) == ["not_asked"]
    # Someone in the circle who wasn't asked can't even see it.
    res = post(w.client(w.members[1]), f"{CHECKINS}{nudge_id}/dismiss/")
    assert res.status_code == 404


def test_nudger_sees_the_answer_on_home(make_world: Any) -> None:
    w, friend, nudge_id = _nudged(make_world)
    assert w.client(w.owner).get("/api/v1/activity/").json() == []
    post(w.client(friend), f"{CHECKINS}{nudge_id}/responses/", {"answer": "need_you"}, expect=201)
    items = w.client(w.owner).get("/api/v1/activity/").json()
    assert [(i["kind"], i["person"]["id"], i["answer"], i["checkin"]) for i in items] == [
        ("nudge_answer", str(friend.pk), "need_you", nudge_id)
    ]
    # The friend's own list doesn't echo their answer back to them.
    assert w.client(friend).get("/api/v1/activity/").json() == []

"""Answers, seen, delivery status, nudges and reaching back."""

from typing import Any

import pytest
from django.utils import timezone

from backend.checkins.models import CheckIn, Response
from backend.notifications.models import Delivery, DeliveryStatus, Notification
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db


def test_answer_then_replace_it(make_world: Any) -> None:
    w = make_world(members=1)
    sam = w.members[0]
    sam.display_name = "Sam"
    sam.save()
    url = f"{CHECKINS}{reach_out(w).json()['id']}/responses/"
    res = post(w.client(sam), url, {"answer": "on_my_way", "eta_minutes": 15, "message": "x"})
    assert res.status_code == 201
    body = res.json()
    assert body["answer"] == "on_my_way"
    assert body["eta_minutes"] == 15
    assert body["responder"] == {"id": str(sam.pk), "display_name": "Sam"}
    assert body["hint"] is None
    note = Notification.objects.get(kind="response")
    assert note.user_id == w.owner.pk
    assert note.payload["title"] == "Sam is on the way — 15 min"
    assert note.urgency == "normal"

    res = post(w.client(sam), url, {"answer": "calling"})
    assert res.status_code == 200
    assert res.json()["id"] == body["id"]
    assert res.json()["eta_minutes"] is None
    assert Response.objects.count() == 1
    assert Notification.objects.filter(kind="response").count() == 2


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"answer": "okay"}, "invalid_answer"),  # a nudge's answer on a reach-out
        ({"answer": "maybe"}, "invalid_choice"),
        ({"answer": "on_my_way", "eta_minutes": 0}, "min_value"),
        ({"answer": "on_my_way", "eta_minutes": 241}, "max_value"),
        ({"answer": "texting", "message": "x" * 281}, "max_length"),
        ({}, "required"),
    ],
)
def test_bad_answers_are_400(make_world: Any, body: dict[str, Any], code: str) -> None:
    w = make_world(members=1)
    url = f"{CHECKINS}{reach_out(w).json()['id']}/responses/"
    res = post(w.client(w.members[0]), url, body)
    assert res.status_code == 400
    assert error_codes(res) == [code]
    attr = res.json()["errors"][0]["attr"]
    assert attr in {"answer", "eta_minutes", "message"}
    assert Response.objects.count() == 0


def test_seen_is_set_once(make_world: Any) -> None:
    w = make_world(members=1)
    url = f"{CHECKINS}{reach_out(w).json()['id']}/"
    first = post(w.client(w.members[0]), f"{url}seen/")
    again = post(w.client(w.members[0]), f"{url}seen/")
    assert first.status_code == again.status_code == 200
    assert first.json()["seen_at"] == again.json()["seen_at"]
    audience = w.client(w.owner).get(url).json()["audience"]
    assert audience[0]["seen_at"] == first.json()["seen_at"]


def test_delivered_at_comes_from_the_push_delivery(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=2, devices=True)
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w)
    url = f"{CHECKINS}{res.json()['id']}/"
    friend = w.members[0]
    delivered = timezone.now()
    Delivery.objects.filter(notification__user=friend).update(
        status=DeliveryStatus.DELIVERED, delivered_at=delivered
    )
    audience = {a["user"]["id"]: a for a in w.client(w.owner).get(url).json()["audience"]}
    assert audience[str(friend.pk)]["delivered_at"] == delivered.isoformat().replace("+00:00", "Z")
    assert audience[str(w.members[1].pk)]["delivered_at"] is None


def test_nudge_answers_and_need_you_reaches_back(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=1)
    friend = w.members[0]
    nudge = reach_out(w, kind="nudge", audience=[str(friend.pk)], expect=201).json()
    url = f"{CHECKINS}{nudge['id']}/"
    res = post(w.client(friend), f"{url}responses/", {"answer": "on_my_way"})
    assert error_codes(res) == ["invalid_answer"]

    home = w.client(friend).get("/api/v1/home/").json()
    assert [n["id"] for n in home["pending_nudges"]] == [nudge["id"]]
    assert home["asking_me"] == []

    res = post(w.client(friend), f"{url}responses/", {"answer": "need_you"})
    assert res.status_code == 201
    assert res.json()["hint"] == "reach_back"
    note = Notification.objects.get(kind="response")
    assert note.user_id == w.owner.pk
    assert note.urgency == "high"
    assert note.payload["answer"] == "need_you"
    # The "reach out to them?" prompt stays on their home until they do (or put it away).
    pending = w.client(friend).get("/api/v1/home/").json()["pending_nudges"]
    assert [n["id"] for n in pending] == [nudge["id"]]

    with django_capture_on_commit_callbacks(execute=True):
        res = post(
            w.client(friend), f"{url}reach-back/", {"mode": "call", "idempotency_key": "rb-1"}
        )
    assert res.status_code == 201, res.content
    back = res.json()
    assert back["kind"] == "reach_out"
    assert back["in_reply_to"] == nudge["id"]
    assert back["requester"]["id"] == str(friend.pk)
    assert [a["user"]["id"] for a in back["audience"]] == [str(w.owner.pk)]
    assert Notification.objects.get(kind="reach_out").user_id == w.owner.pk
    assert w.client(friend).get("/api/v1/home/").json()["pending_nudges"] == []
    again = post(w.client(friend), f"{url}reach-back/", {"mode": "call", "idempotency_key": "rb-1"})
    assert again.status_code == 200
    assert CheckIn.objects.filter(kind="reach_out").count() == 1


def test_reach_back_only_from_a_nudge(make_world: Any) -> None:
    w = make_world(members=1)
    url = f"{CHECKINS}{reach_out(w).json()['id']}/reach-back/"
    res = post(w.client(w.members[0]), url, {"mode": "call"})
    assert res.status_code == 409
    assert error_codes(res) == ["not_a_nudge"]


def test_list_filters_by_status_and_pages(make_world: Any) -> None:
    w = make_world(members=1)
    ids = []
    for _ in range(3):
        res = reach_out(w)
        ids.append(res.json()["id"])
        post(w.client(w.owner), f"{CHECKINS}{res.json()['id']}/close/", expect=200)
    open_one = reach_out(w, expect=201).json()["id"]
    res = w.client(w.owner).get(f"{CHECKINS}?status=closed&page_size=2")
    body = res.json()
    assert [c["id"] for c in body["results"]] == ids[::-1][:2]
    rest = w.client(w.owner).get(body["next"]).json()
    assert [c["id"] for c in rest["results"]] == ids[:1]
    res = w.client(w.members[0]).get(f"{CHECKINS}?status=open")
    assert [c["id"] for c in res.json()["results"]] == [open_one]
    res = w.client(w.owner).get(f"{CHECKINS}?status=sad")
    assert res.status_code == 400
    assert error_codes(res) == ["invalid_choice"]

"""Item 14 of issue #11: the blocked person can't tell they are blocked. What they see is
what they would see if the blocker were simply not there, or had nothing to show."""

import re
from typing import Any

import pytest
from django.test import Client

from backend.accounts.models import User
from backend.checkins.models import CheckIn
from backend.circles.services import invite_create
from backend.notifications.models import Notification
from tests.common.helpers import client_for, post
from tests.common.world import circle_world, make_block, make_person

pytestmark = pytest.mark.django_db


def _blocked_world() -> Any:
    """Bea (member) blocked Alex (owner); Cat is the third member."""
    w = circle_world(members=2)
    bea = w.members[0]
    make_block(bea, w.owner)
    return w, bea


UUID_OR_TIME = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-|^\d{4}-\d\d-\d\dT")


def _shape(value: Any) -> Any:
    """The answer with ids and timestamps blanked: what differs between two worlds only
    because they are two worlds."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if isinstance(value, str) and UUID_OR_TIME.match(value):
        return "…"
    return value


def _ask_bea(blocked: bool, kind: str, capture: Any) -> tuple[Any, Any, Any]:
    w = circle_world(members=2)
    bea = w.members[0]
    User.objects.filter(pk=bea.pk).update(display_name="Bea")  # the same in both worlds
    if blocked:
        make_block(bea, w.owner)
    body: dict[str, Any] = {"kind": kind, "circle": str(w.circle.pk), "audience": [str(bea.pk)]}
    if kind == "reach_out":
        body["mode"] = "call"
    with capture(execute=True):
        res = post(w.client(w.owner), "/api/v1/checkins/", body)
    assert res.status_code == 201, res.content
    return w, bea, res


@pytest.mark.parametrize("kind", ["nudge", "reach_out"])
def test_asking_only_the_blocker_answers_as_if_sent(
    kind: str, django_capture_on_commit_callbacks: Any
) -> None:
    w, bea, res = _ask_bea(True, kind, django_capture_on_commit_callbacks)
    _, _, twin = _ask_bea(False, kind, django_capture_on_commit_callbacks)
    checkin = CheckIn.objects.get(pk=res.json()["id"])
    # Alex's answer, and what Alex reads later, look exactly like a friend not answering yet.
    assert _shape(res.json()) == _shape(twin.json())
    assert [a["user"]["id"] for a in res.json()["audience"]] == [str(bea.pk)]
    alex = w.client(w.owner)
    later = alex.get(f"/api/v1/checkins/{checkin.pk}/").json()
    twin_later = client_for(CheckIn.objects.get(pk=twin.json()["id"]).requester).get(
        f"/api/v1/checkins/{twin.json()['id']}/"
    )
    assert _shape(later) == _shape(twin_later.json())
    # But nothing reaches Bea, and she can't see or answer it.
    assert not Notification.objects.filter(user=bea).exists()
    bea_client = client_for(bea)
    assert bea_client.get(f"/api/v1/checkins/{checkin.pk}/").status_code == 404
    answer = "okay" if kind == "nudge" else "calling"
    res = post(bea_client, f"/api/v1/checkins/{checkin.pk}/responses/", {"answer": answer})
    assert res.status_code == 404
    home = bea_client.get("/api/v1/home/").json()
    assert home["asking_me"] == []
    assert home["pending_nudges"] == []


def test_alone_in_a_circle_is_still_empty_audience() -> None:
    w = circle_world(members=0)
    res = post(
        w.client(w.owner),
        "/api/v1/checkins/",
        {"kind": "reach_out", "circle": str(w.circle.pk), "mode": "call"},
    )
    assert res.status_code == 400
    assert [e["code"] for e in res.json()["errors"]] == ["empty_audience"]


def test_the_blockers_moments_answer_an_empty_page() -> None:
    w, bea = _blocked_world()
    cat = w.members[1]
    alex = w.client(w.owner)
    # Bea is in the member list Alex sees ...
    members = alex.get(f"/api/v1/circles/{w.circle.pk}/").json()["members"]
    assert str(bea.pk) in {m["user"]["id"] for m in members}
    # ... and her moments look like Cat's, with whom Alex simply has none.
    blocker = alex.get(f"/api/v1/people/{bea.pk}/moments/")
    nothing = alex.get(f"/api/v1/people/{cat.pk}/moments/")
    assert nothing.status_code == 200, nothing.content
    assert (blocker.status_code, blocker.json()) == (200, nothing.json())
    assert blocker.json()["results"] == []
    # Bea's side the same.
    assert client_for(bea).get(f"/api/v1/people/{w.owner.pk}/moments/").json()["results"] == []
    # Someone who shares no circle is still not found.
    stranger = make_person()
    assert alex.get(f"/api/v1/people/{stranger.pk}/moments/").status_code == 404


def test_an_invite_by_the_blocker_previews_the_same_signed_in_and_out() -> None:
    w, bea = _blocked_world()
    token = invite_create(circle=make_circle_of(bea), created_by=bea).token
    signed_out = Client().get(f"/api/v1/invites/{token}/")
    signed_in = w.client(w.owner).get(f"/api/v1/invites/{token}/")
    assert signed_out.status_code == 200, signed_out.content
    assert (signed_in.status_code, signed_in.json()) == (200, signed_out.json())
    # Accepting answers like an unknown token, as it always did.
    res = post(w.client(w.owner), f"/api/v1/invites/{token}/accept/")
    unknown = post(w.client(w.owner), "/api/v1/invites/nope/accept/")
    assert (res.status_code, res.json()) == (404, unknown.json())


def make_circle_of(owner: Any) -> Any:
    from tests.common.world import make_circle

    return make_circle(owner, name="Bea's own")

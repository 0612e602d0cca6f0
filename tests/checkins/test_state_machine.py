"""Every transition of a check-in, allowed and refused, by whom. Refused ones are 409s with
a stable code; someone who may see it but not do the operation gets 403."""

from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from backend.checkins.models import CheckIn, Status
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.common.world import CircleWorld
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

STATES = ("scheduled", "open", "answered", "closed", "expired", "cancelled")


def in_state(w: CircleWorld, state: str) -> CheckIn:
    """A check-in from the owner to everyone, put into `state` through the API where the API
    can do it, and through the clock's fields for expired."""
    if state == "scheduled":
        when = timezone.now() + timedelta(hours=2)
        res = reach_out(w, kind="check_on_me", scheduled_for=when.isoformat())
    else:
        res = reach_out(w)
    assert res.status_code == 201, res.content
    checkin_id = res.json()["id"]
    url = f"{CHECKINS}{checkin_id}"
    if state == "answered":
        res = post(w.client(w.members[0]), f"{url}/responses/", {"answer": "on_my_way"})
        assert res.status_code == 201
    if state == "closed":
        assert post(w.client(w.owner), f"{url}/close/").status_code == 200
    if state == "cancelled":
        assert post(w.client(w.owner), f"{url}/cancel/").status_code == 200
    if state == "expired":
        CheckIn.objects.filter(pk=checkin_id).update(
            status=Status.EXPIRED, expired_at=timezone.now()
        )
    checkin = CheckIn.objects.get(pk=checkin_id)
    assert checkin.status == state
    return checkin


# (action, actor, state) -> (status code, error code or the new state)
EXPECTED: dict[tuple[str, str, str], tuple[int, str]] = {}
for state in STATES:
    EXPECTED[("respond", "asked", state)] = {
        "scheduled": (404, "not_found"),  # friends don't see it before its time
        "open": (201, "answered"),
        "answered": (201, "answered"),
    }.get(state, (409, "checkin_not_open"))
    EXPECTED[("respond", "requester", state)] = (403, "not_asked")
    EXPECTED[("close", "requester", state)] = {
        "open": (200, "closed"),
        "answered": (200, "closed"),
        "closed": (409, "already_closed"),
    }.get(state, (409, "checkin_not_open"))
    EXPECTED[("close", "asked", state)] = (
        (404, "not_found") if state == "scheduled" else (403, "requester_only")
    )
    EXPECTED[("cancel", "requester", state)] = {
        "scheduled": (200, "cancelled"),
        "open": (200, "cancelled"),
        "answered": (200, "cancelled"),
        "closed": (409, "already_closed"),
    }.get(state, (409, "checkin_not_open"))
    EXPECTED[("cancel", "asked", state)] = (
        (404, "not_found") if state == "scheduled" else (403, "requester_only")
    )


@pytest.mark.parametrize(("action", "actor", "state"), sorted(EXPECTED), ids=lambda v: str(v))
def test_transition(make_world: Any, action: str, actor: str, state: str) -> None:
    w = make_world(members=2)
    checkin = in_state(w, state)
    user = w.owner if actor == "requester" else w.members[1]
    url = f"{CHECKINS}{checkin.pk}/"
    if action == "respond":
        res = post(w.client(user), f"{url}responses/", {"answer": "calling"})
    else:
        res = post(w.client(user), f"{url}{action}/")
    code, outcome = EXPECTED[(action, actor, state)]
    assert res.status_code == code, res.content
    checkin.refresh_from_db()
    if code < 400:
        assert checkin.status == outcome
    else:
        assert error_codes(res) == [outcome]
        assert checkin.status == state  # nothing changed


def test_close_records_when_and_who(make_world: Any) -> None:
    w = make_world(members=1)
    checkin = in_state(w, "answered")
    res = post(w.client(w.owner), f"{CHECKINS}{checkin.pk}/close/")
    body = res.json()
    assert body["status"] == "closed"
    assert body["closed_by"] == {"id": str(w.owner.pk), "display_name": "Alex"}
    assert body["closed_at"] is not None
    assert body["answered_at"] is not None


def test_cancel_window(make_world: Any) -> None:
    w = make_world(members=1)
    checkin = in_state(w, "open")
    url = f"{CHECKINS}{checkin.pk}/cancel/"
    with time_machine.travel(timezone.now() + timedelta(minutes=2, seconds=5)):
        res = post(w.client(w.owner), url)
    assert res.status_code == 409
    assert error_codes(res) == ["cancel_window_passed"]
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        res = post(w.client(w.owner), url)
    assert res.status_code == 200
    assert res.json()["cancelled_at"] is not None


def test_the_checkin_says_until_when_it_can_be_cancelled(make_world: Any) -> None:
    # The PWA shows "cancel" until `cancel_until` instead of re-typing the window.
    w = make_world(members=1)
    scheduled = in_state(w, "scheduled")
    assert w.client(w.owner).get(f"{CHECKINS}{scheduled.pk}/").json()["cancel_until"] is None
    checkin = in_state(w, "open")
    body = w.client(w.owner).get(f"{CHECKINS}{checkin.pk}/").json()
    assert checkin.activated_at is not None
    until = datetime.fromisoformat(body["cancel_until"])
    assert until == checkin.activated_at + timedelta(minutes=2)
    with time_machine.travel(until + timedelta(seconds=1)):
        res = post(w.client(w.owner), f"{CHECKINS}{checkin.pk}/cancel/")
    assert error_codes(res) == ["cancel_window_passed"]


def test_a_scheduled_checkin_can_be_cancelled_until_its_time(make_world: Any) -> None:
    w = make_world(members=1)
    checkin = in_state(w, "scheduled")
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=59)):
        res = post(w.client(w.owner), f"{CHECKINS}{checkin.pk}/cancel/")
    assert res.status_code == 200
    assert res.json()["status"] == "cancelled"


def test_cant_right_now_keeps_it_open(make_world: Any) -> None:
    w = make_world(members=2)
    checkin = in_state(w, "open")
    url = f"{CHECKINS}{checkin.pk}/responses/"
    res = post(w.client(w.members[0]), url, {"answer": "cant_right_now"})
    assert res.status_code == 201
    checkin.refresh_from_db()
    assert checkin.status == "open"
    assert checkin.answered_at is None
    res = post(w.client(w.members[1]), url, {"answer": "texting"})
    checkin.refresh_from_db()
    assert checkin.status == "answered"
    # Changing one's mind later never moves it back.
    post(w.client(w.members[1]), url, {"answer": "cant_right_now"}, expect=200)
    checkin.refresh_from_db()
    assert checkin.status == "answered"

"""#11 item 12: every push that follows a quiet-hours-breaking ask breaks quiet hours too.
A friend woken at 23:00 by Bea's reach-out hears "no need to answer" or "Bea is okay now"
right away, not at 07:00; Bea, with quiet hours of her own, hears "Sam is on the way" and
"nobody has answered yet" right away. What never woke anyone (a nudge) still waits."""

import datetime as dt
from typing import Any

import pytest
import time_machine

from backend.accounts.models import User
from backend.checkins.transitions import checkins_sweep
from backend.notifications.models import Delivery
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.common.world import CircleWorld, circle_world, make_person

pytestmark = pytest.mark.django_db

NIGHT = dt.datetime(2027, 2, 3, 23, 0, tzinfo=dt.UTC)
MORNING = dt.datetime(2027, 2, 4, 7, 0, tzinfo=dt.UTC)
SETTINGS = "/api/v1/notification-settings/"


@pytest.fixture
def clock() -> Any:
    with time_machine.travel(NIGHT, tick=False) as traveller:
        yield traveller


def _quiet_hours(world: CircleWorld, person: User, *, let_reach_outs_through: bool = True) -> None:
    res = world.client(person).patch(
        SETTINGS,
        {
            "quiet_hours": {"enabled": True, "start": "22:00", "end": "07:00"},
            "reach_outs_break_quiet_hours": let_reach_outs_through,
        },
        content_type="application/json",
    )
    assert res.status_code == 200, res.content


def _sent_at(person: User, kind: str) -> list[dt.datetime]:
    """When each push of `kind` to `person` goes out (one device each)."""
    rows = Delivery.objects.filter(notification__user=person, notification__kind=kind)
    return list(rows.order_by("created_at").values_list("next_attempt_at", flat=True))


@pytest.fixture
def world() -> CircleWorld:
    """Bea asks; Sam sleeps with quiet hours (reach-outs let through); Kim has none."""
    bea = make_person(display_name="Bea")
    world = circle_world(owner=bea, members=2, devices=True)
    _quiet_hours(world, world.members[0])
    return world


def _ask(world: CircleWorld) -> str:
    return str(reach_out(world, expect=201).json()["id"])


def test_a_friend_woken_by_a_reach_out_hears_the_cancel_at_once(
    clock: Any, world: CircleWorld
) -> None:
    sam = world.members[0]
    checkin_id = _ask(world)
    assert _sent_at(sam, "reach_out") == [NIGHT]
    clock.move_to(NIGHT + dt.timedelta(minutes=1), tick=False)
    post(world.client(world.owner), f"{CHECKINS}{checkin_id}/cancel/", expect=200)
    assert _sent_at(sam, "checkin_cancelled") == [NIGHT + dt.timedelta(minutes=1)]


def test_a_friend_woken_by_a_reach_out_hears_she_is_okay_at_once(
    clock: Any, world: CircleWorld
) -> None:
    sam, kim = world.members
    checkin_id = _ask(world)
    post(world.client(kim), f"{CHECKINS}{checkin_id}/responses/", {"answer": "calling"}, expect=201)
    clock.move_to(NIGHT + dt.timedelta(minutes=40), tick=False)
    post(world.client(world.owner), f"{CHECKINS}{checkin_id}/close/", expect=200)
    closed_at = NIGHT + dt.timedelta(minutes=40)
    assert _sent_at(sam, "checkin_closed") == [closed_at]
    assert _sent_at(kim, "checkin_closed") == [closed_at]


def test_a_requester_with_quiet_hours_hears_the_answers_at_once(
    clock: Any, world: CircleWorld
) -> None:
    bea, (sam, kim) = world.owner, world.members
    _quiet_hours(world, bea)
    checkin_id = _ask(world)
    clock.move_to(NIGHT + dt.timedelta(minutes=2), tick=False)
    post(world.client(sam), f"{CHECKINS}{checkin_id}/responses/", {"answer": "on_my_way"})
    post(world.client(kim), f"{CHECKINS}{checkin_id}/responses/", {"answer": "cant_right_now"})
    assert _sent_at(bea, "response") == [NIGHT + dt.timedelta(minutes=2)] * 2


def test_a_requester_with_quiet_hours_hears_nobody_answered_at_once(
    clock: Any, world: CircleWorld
) -> None:
    bea = world.owner
    _quiet_hours(world, bea)
    _ask(world)
    clock.move_to(NIGHT + dt.timedelta(minutes=10), tick=False)
    assert checkins_sweep() == {"nobody_answered": 1}
    assert _sent_at(bea, "nobody_answered") == [NIGHT + dt.timedelta(minutes=10)]


def test_a_friend_the_ask_did_not_wake_hears_the_cancel_with_it_in_the_morning(
    clock: Any, world: CircleWorld
) -> None:
    kim = world.members[1]
    _quiet_hours(world, kim, let_reach_outs_through=False)
    checkin_id = _ask(world)
    post(world.client(world.owner), f"{CHECKINS}{checkin_id}/cancel/", expect=200)
    assert _sent_at(kim, "reach_out") == [MORNING]
    assert _sent_at(kim, "checkin_cancelled") == [MORNING]


def test_a_nudge_and_its_answer_wait_for_the_morning(clock: Any, world: CircleWorld) -> None:
    bea, sam = world.owner, world.members[0]
    _quiet_hours(world, bea)
    nudge = reach_out(world, sam, kind="nudge", mode=None, audience=[str(bea.pk)], expect=201)
    assert _sent_at(bea, "nudge") == [MORNING]
    post(world.client(bea), f"{CHECKINS}{nudge.json()['id']}/responses/", {"answer": "heavy"})
    assert _sent_at(sam, "response") == [MORNING]

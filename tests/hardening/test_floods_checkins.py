"""#11 item 8: nobody can stack check-on-mes that fire at once, and however many friends
think of someone, their phone hears "thinking of you" only a few times a day."""

import datetime as dt
from typing import Any

import pytest
import time_machine

from backend.checkins.models import CheckIn, Kind
from backend.checkins.transitions import checkins_sweep
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.common.world import CircleWorld, circle_world, make_circle
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

START = dt.datetime(2027, 3, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> Any:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def _check_on_me(world: CircleWorld, in_minutes: int, circle: Any = None) -> Any:
    when = START + dt.timedelta(minutes=in_minutes)
    body: dict[str, Any] = {"kind": "check_on_me", "scheduled_for": when.isoformat()}
    if circle is not None:
        body["circle"] = str(circle.pk)
    return reach_out(world, **body)


def test_at_most_three_check_on_mes_wait_at_once(clock: Any) -> None:
    world = circle_world(members=2)
    for hours in (1, 2, 3):
        assert _check_on_me(world, hours * 60).status_code == 201
    res = _check_on_me(world, 4 * 60)
    assert res.status_code == 409, res.content
    assert error_codes(res) == ["too_many_scheduled"]
    assert CheckIn.objects.count() == 3

    # Once the first has gone out, there is room again.
    clock.move_to(START + dt.timedelta(hours=1), tick=False)
    assert checkins_sweep() == {"activated": 1}
    assert _check_on_me(world, 5 * 60).status_code == 201
    # Cancelling a waiting one makes room too.
    assert _check_on_me(world, 6 * 60).status_code == 409
    waiting = CheckIn.objects.filter(kind=Kind.CHECK_ON_ME, status="scheduled").first()
    assert waiting is not None
    post(world.client(world.owner), f"{CHECKINS}{waiting.pk}/cancel/", expect=200)
    assert _check_on_me(world, 6 * 60).status_code == 201


def test_waiting_check_on_mes_keep_their_distance_across_circles(clock: Any) -> None:
    world = circle_world(members=1)
    other = make_circle(world.owner, [world.members[0]], name="Climbing")
    first = _check_on_me(world, 60)
    assert first.status_code == 201
    for minutes in (31, 89):
        res = _check_on_me(world, minutes, circle=other)
        assert res.status_code == 409, (minutes, res.content)
        assert error_codes(res) == ["scheduled_too_close"]
        assert res.json()["checkin_id"] == first.json()["id"]
    assert _check_on_me(world, 90, circle=other).status_code == 201
    assert _check_on_me(world, 30).status_code == 201
    assert CheckIn.objects.count() == 3


def test_nudges_to_one_person_are_capped_per_day_from_everyone(clock: Any) -> None:
    world = circle_world(members=4)
    sam, kim, *friends = world.members

    def nudge(sender: Any, to: Any) -> Any:
        return reach_out(world, sender, kind="nudge", mode=None, audience=[str(to.pk)])

    for i, sender in enumerate([world.owner, *friends]):
        clock.move_to(START + dt.timedelta(hours=i), tick=False)
        assert nudge(sender, sam).status_code == 201
    # A fourth friend, two hours after the third nudge: Sam has heard enough for today.
    clock.move_to(START + dt.timedelta(hours=4), tick=False)
    res = nudge(kim, sam)
    assert res.status_code == 429, res.content
    assert error_codes(res) == ["nudge_limit"]
    # The first nudge is a day old at START + 24 h: that is 20 hours from now.
    assert int(res.headers["Retry-After"]) == 20 * 60 * 60
    assert CheckIn.objects.filter(kind=Kind.NUDGE).count() == 3
    # Kim can still nudge someone else, and reach out to Sam.
    assert nudge(kim, world.owner).status_code == 201
    assert reach_out(world, kim, audience=[str(sam.pk)]).status_code == 201

    clock.move_to(START + dt.timedelta(hours=24, seconds=1), tick=False)
    assert nudge(kim, sam).status_code == 201

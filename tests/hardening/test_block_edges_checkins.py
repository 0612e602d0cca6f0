"""#11 item 13: block edges. A block made after someone was asked still keeps every later
push about that check-in from them (a check-on-me firing, the cancel, the close, the next
morning's aftercare), whichever of the two blocked; and a deactivated account is told
nothing at all."""

import datetime as dt
from typing import Any

import pytest
import time_machine

from backend.accounts.models import User
from backend.checkins.transitions import checkins_sweep
from backend.notifications.models import Delivery, Notification
from backend.notifications.services import notify
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.common.world import CircleWorld, add_device, circle_world, make_block, make_person

pytestmark = pytest.mark.django_db

START = dt.datetime(2027, 4, 6, 18, 0, tzinfo=dt.UTC)
WHO_BLOCKS = ["requester blocks", "friend blocks"]


@pytest.fixture
def clock() -> Any:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def world() -> CircleWorld:
    """Bea asks Sam and Kim."""
    return circle_world(owner=make_person(display_name="Bea"), members=2, devices=True)


def _block(world: CircleWorld, who: str) -> None:
    bea, sam = world.owner, world.members[0]
    if who == "requester blocks":
        make_block(bea, sam)
    else:
        make_block(sam, bea)


def _kinds(person: User) -> list[str]:
    """What `person` was told, sorted (the clock is frozen: no order in time)."""
    return sorted(Notification.objects.filter(user=person).values_list("kind", flat=True))


@pytest.mark.parametrize("who", WHO_BLOCKS)
def test_blocked_after_a_check_on_me_was_scheduled_is_not_asked(
    clock: Any, world: CircleWorld, who: str
) -> None:
    sam, kim = world.members
    when = START + dt.timedelta(hours=2)
    res = reach_out(world, kind="check_on_me", scheduled_for=when.isoformat(), expect=201)
    _block(world, who)
    clock.move_to(when, tick=False)
    assert checkins_sweep() == {"activated": 1}
    assert _kinds(kim) == ["check_on_me"]
    assert _kinds(sam) == []
    assert world.client(sam).get(f"{CHECKINS}{res.json()['id']}/").status_code == 404


@pytest.mark.parametrize("who", WHO_BLOCKS)
def test_the_cancel_never_reaches_someone_blocked_since(
    clock: Any, world: CircleWorld, who: str
) -> None:
    sam, kim = world.members
    checkin_id = reach_out(world, expect=201).json()["id"]
    _block(world, who)
    post(world.client(world.owner), f"{CHECKINS}{checkin_id}/cancel/", expect=200)
    assert _kinds(kim) == ["checkin_cancelled", "reach_out"]
    assert _kinds(sam) == ["reach_out"]


@pytest.mark.parametrize("who", WHO_BLOCKS)
def test_the_close_never_reaches_someone_blocked_since(
    clock: Any, world: CircleWorld, who: str
) -> None:
    sam, kim = world.members
    checkin_id = reach_out(world, expect=201).json()["id"]
    for friend in (sam, kim):
        post(world.client(friend), f"{CHECKINS}{checkin_id}/responses/", {"answer": "calling"})
    _block(world, who)
    post(world.client(world.owner), f"{CHECKINS}{checkin_id}/close/", expect=200)
    assert _kinds(kim) == ["checkin_closed", "reach_out"]
    assert _kinds(sam) == ["reach_out"]
    # Nor the next morning's "How are you after that?".
    clock.move_to(START + dt.timedelta(days=1), tick=False)
    assert checkins_sweep() == {"aftercare": 1}
    assert "aftercare" in _kinds(kim)
    assert _kinds(sam) == ["reach_out"]


@pytest.mark.parametrize("who", WHO_BLOCKS)
def test_aftercare_never_reaches_someone_blocked_after_the_close(
    clock: Any, world: CircleWorld, who: str
) -> None:
    sam, kim = world.members
    checkin_id = reach_out(world, expect=201).json()["id"]
    for friend in (sam, kim):
        post(world.client(friend), f"{CHECKINS}{checkin_id}/responses/", {"answer": "calling"})
    post(world.client(world.owner), f"{CHECKINS}{checkin_id}/close/", expect=200)
    _block(world, who)
    clock.move_to(START + dt.timedelta(days=1), tick=False)
    checkins_sweep()
    assert "aftercare" in _kinds(kim)
    assert "aftercare" not in _kinds(sam)


def test_notify_to_a_deactivated_account_creates_nothing() -> None:
    gone = make_person(display_name="Gone")
    add_device(gone)
    User.objects.filter(pk=gone.pk).update(is_active=False)
    for breaks_quiet_hours in (False, True):
        made = notify(
            user_ids=[gone.pk],
            kind="reach_out",
            title="Bea needs you",
            body="Could you call?",
            url="/checkins/1",
            breaks_quiet_hours=breaks_quiet_hours,
        )
        assert made == []
    assert Notification.objects.count() == 0
    assert Delivery.objects.count() == 0

"""Issue #15: a reach-out's pushes go out as one task, and each friend's push still ends on
its own: delivered shows for those it reached, a failed one is retried alone, and only while
the check-in still asks."""
# The push service's fixtures are imported; tests naming them as parameters is pytest's way.
# ruff: noqa: F811

import datetime as dt
from typing import Any

import pytest
import time_machine
from werkzeug import Response

from backend.notifications.models import Delivery, DeliveryStatus
from tests.checkins.conftest import CHECKINS, DELIVER, DELIVER_BATCH, queued, reach_out
from tests.common.helpers import post, run_db_worker
from tests.common.world import circle_world
from tests.notifications.conftest import (  # noqa: F401  (fixtures)
    PushService,
    httpserver_listen_address,
    push_service,
    subscribe,
)

pytestmark = pytest.mark.django_db(transaction=True)
START = dt.datetime(2026, 3, 1, 20, 0, tzinfo=dt.UTC)


def _subscribed_one_flaky(push_service: PushService, world: Any) -> tuple[dict[Any, Any], Any]:
    """Every friend's phone subscribed; the first friend's push service answers 503 once."""
    devices = {}
    for n, friend in enumerate(world.members):
        devices[friend.pk] = push_service.device(f"friend{n}")
        assert subscribe(world.client(friend), devices[friend.pk]).status_code == 201
    flaky = world.members[0]
    push_service.answer(devices[flaky.pk], Response("busy", status=503), Response(""))
    return devices, flaky


def _asks_to(push_service: PushService, device: Any) -> list[dict[str, Any]]:
    pushes = [device.decrypt(r.get_data()) for r in push_service.for_device(device)]
    return [p for p in pushes if p["kind"] == "reach_out"]


def test_a_reach_out_to_11_is_one_task_and_a_failed_push_is_retried_alone_while_it_asks(
    push_service: PushService,
) -> None:
    world = circle_world(members=11)
    devices, flaky = _subscribed_one_flaky(push_service, world)
    me = world.client(world.owner)
    with time_machine.travel(START, tick=False) as clock:
        checkin = reach_out(world, expect=201).json()
        assert len(queued(DELIVER_BATCH)) == 1
        assert queued(DELIVER) == []
        run_db_worker()

        audience = me.get(f"{CHECKINS}{checkin['id']}/").json()["audience"]
        delivered = {a["user"]["id"]: a["delivered_at"] for a in audience}
        assert delivered.pop(str(flaky.pk)) is None
        assert len(delivered) == 10
        assert all(delivered.values())
        ask = Delivery.objects.get(notification__user=flaky, notification__kind="reach_out")
        assert (ask.status, ask.attempts) == (DeliveryStatus.PENDING, 1)
        [retry] = queued(DELIVER)
        assert retry.args_kwargs["args"] == [str(ask.pk)]

        # Still asking half a minute later: the flaky friend's push is sent again, alone.
        clock.shift(dt.timedelta(seconds=30))
        run_db_worker()
    ask.refresh_from_db()
    assert (ask.status, ask.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert len(_asks_to(push_service, devices[flaky.pk])) == 2
    for friend in world.members[1:]:
        assert len(_asks_to(push_service, devices[friend.pk])) == 1


def test_a_retry_from_a_batch_is_cancelled_once_the_check_in_ends(
    push_service: PushService,
) -> None:
    world = circle_world(members=3)
    devices, flaky = _subscribed_one_flaky(push_service, world)
    with time_machine.travel(START, tick=False) as clock:
        checkin = reach_out(world, expect=201).json()
        run_db_worker()
        post(world.client(world.owner), f"{CHECKINS}{checkin['id']}/close/", expect=200)
        clock.shift(dt.timedelta(seconds=30))
        run_db_worker()
    ask = Delivery.objects.get(notification__user=flaky, notification__kind="reach_out")
    assert ask.status == DeliveryStatus.CANCELLED
    assert ask.cancelled_at == START + dt.timedelta(seconds=30)
    assert len(_asks_to(push_service, devices[flaky.pk])) == 1  # the failed try, no re-send
    for friend in world.members[1:]:
        assert len(_asks_to(push_service, devices[friend.pk])) == 1

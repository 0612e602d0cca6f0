"""Issue #11 item 11: the push a killed worker had in flight is re-sent soon, and only while
its check-in still asks; re-sends carry the first send's Topic so a push service collapses a
duplicate."""
# The push service's fixtures are imported; tests naming them as parameters is pytest's way.
# ruff: noqa: F811

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from backend.notifications.models import Delivery, DeliveryStatus
from backend.notifications.tasks import _claim, notification_topic
from tests.common.helpers import post, run_db_worker
from tests.common.world import circle_world
from tests.notifications.conftest import (  # noqa: F401  (fixtures)
    PushService,
    httpserver_listen_address,
    push_service,
    subscribe,
)

pytestmark = pytest.mark.django_db(transaction=True)
START = dt.datetime(2026, 3, 1, 23, 0, tzinfo=dt.UTC)


def _sweep() -> None:
    call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _ask_with_the_send_in_flight(push_service: PushService) -> tuple[Any, Any, Delivery]:
    """Alex reaches out to Sam; the worker claims Sam's push and is killed mid-send."""
    world = circle_world(members=1)
    sam = world.members[0]
    phone = push_service.device("sam")
    assert subscribe(world.client(sam), phone).status_code == 201
    checkin = post(
        world.client(world.owner),
        "/api/v1/checkins/",
        {"kind": "reach_out", "circle": str(world.circle.pk), "mode": "come_over"},
        expect=201,
    ).json()
    ask = Delivery.objects.get(notification__user=sam, notification__kind="reach_out")
    assert _claim(ask.pk, timezone.now())  # what the killed worker left: "sending", forever
    return world, checkin, ask


def _asks_received(push_service: PushService, ask: Delivery) -> list[Any]:
    return [
        r
        for r in push_service.received
        if r.headers["Topic"] == notification_topic(ask.notification.tag)
        and r.headers["Urgency"] == "high"
    ]


def test_a_stale_send_is_resent_after_a_minute_with_the_same_topic(
    push_service: PushService,
) -> None:
    with time_machine.travel(START, tick=False) as clock:
        _, _, ask = _ask_with_the_send_in_flight(push_service)
        clock.shift(dt.timedelta(seconds=30))
        _sweep()
        run_db_worker()
        assert _asks_received(push_service, ask) == []  # a send may still be in flight

        clock.shift(dt.timedelta(seconds=61))
        _sweep()
        run_db_worker()

    ask.refresh_from_db()
    assert ask.status == DeliveryStatus.DELIVERED
    [resent] = _asks_received(push_service, ask)
    assert resent.headers["Topic"] == notification_topic(ask.notification.tag)


@pytest.mark.parametrize("ending", ["close", "cancel"])
def test_a_stale_send_of_an_ask_that_ended_is_not_resent(
    push_service: PushService, ending: str
) -> None:
    with time_machine.travel(START, tick=False) as clock:
        world, checkin, ask = _ask_with_the_send_in_flight(push_service)
        post(
            world.client(world.owner),
            f"/api/v1/checkins/{checkin['id']}/{ending}/",
            expect=200,
        )
        clock.shift(dt.timedelta(minutes=10))
        _sweep()
        run_db_worker()

    ask.refresh_from_db()
    assert ask.status == DeliveryStatus.CANCELLED
    assert ask.cancelled_at == START + dt.timedelta(minutes=10)
    assert _asks_received(push_service, ask) == []
    # The check-in's own ending still reaches Sam (a different, normal-urgency push).
    assert len(push_service.received) == 1

"""Issue #11 item 10 (c): `/healthz?deep=1` answers 503 in the error shape while due
deliveries or due check-in transitions are more than a minute overdue (the worker stopped),
and 200 again once a worker caught up; plain `/healthz` only asks the database."""
# The push service's fixtures are imported; tests naming them as parameters is pytest's way.
# ruff: noqa: F811

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client

from backend.notifications.services import notify
from tests.common.helpers import client_for, post, run_db_worker
from tests.common.world import circle_world, make_person
from tests.conftest import error_codes
from tests.notifications.conftest import (  # noqa: F401  (fixtures)
    PushService,
    httpserver_listen_address,
    push_service,
    subscribe,
)

pytestmark = pytest.mark.django_db(transaction=True)
START = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def _deep() -> Any:
    return Client().get("/healthz?deep=1")


def _not_ready(res: Any) -> list[str]:
    assert res.status_code == 503, res.content
    assert error_codes(res) == ["not_ready"]
    assert res.json()["type"] == "server_error"
    return [e["attr"] for e in res.json()["errors"]]


def test_a_push_nobody_sends_for_over_a_minute_makes_deep_healthz_503(
    push_service: PushService,
) -> None:
    with time_machine.travel(START, tick=False) as clock:
        sam = make_person()
        assert subscribe(client_for(sam), push_service.device("sam")).status_code == 201
        assert _deep().json() == {"status": "ok"}
        notify(user_ids=[sam.pk], kind="test", title="Hello", body="", url="/")

        clock.shift(dt.timedelta(seconds=59))
        assert _deep().status_code == 200  # late, not yet overdue
        clock.shift(dt.timedelta(seconds=2))
        assert _not_ready(_deep()) == ["notifications"]
        assert Client().get("/healthz").json() == {"status": "ok"}  # the database answers

        run_db_worker()
        assert len(push_service.received) == 1
        assert _deep().json() == {"status": "ok"}


def test_a_check_on_me_that_does_not_fire_makes_deep_healthz_503() -> None:
    with time_machine.travel(START, tick=False) as clock:
        world = circle_world(members=1)
        post(
            world.client(world.owner),
            "/api/v1/checkins/",
            {
                "kind": "check_on_me",
                "circle": str(world.circle.pk),
                "mode": "call",
                "scheduled_for": (START + dt.timedelta(minutes=30)).isoformat(),
            },
            expect=201,
        )
        clock.shift(dt.timedelta(minutes=30, seconds=30))
        assert _deep().status_code == 200
        clock.shift(dt.timedelta(seconds=31))
        assert _not_ready(_deep()) == ["checkins"]

        run_db_worker()  # the check-on-me fires; nobody has a device, so no push is due
        assert _deep().json() == {"status": "ok"}

"""Issue #16: the push service refuses for a while, through the real worker path.

tests/notifications/test_delivery.py covers each answer in-process with a frozen clock; here
the app runs as deployed: a reach-out through the API, the two `manage.py worker` processes
(the `asks` queue and the rest) sending to a push service on 127.0.0.1 that answers one
phone 500 then 201, one 429 with `Retry-After: 3` then 201, one 410, and one 201 at once.
Real time passes (other processes: no clock to freeze), so the test checks when each
attempt came: the 500 is retried after the first backoff step (30 s), the 429 after its
`Retry-After` and not before, the 410's device is forgotten and never asked again, and each
phone got the ask exactly once.
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from backend.notifications import conf
from backend.notifications.models import Delivery, PushSubscription
from scripts.load.push_service import PushService
from tests.common.world import circle_world
from tests.faults.conftest import wait_for
from tests.notifications.conftest import Device, subscribe

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(240),
]

ROOT = Path(__file__).resolve().parents[2]
RETRY_AFTER = 3


def _database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[None]:
    env = {**os.environ, "DATABASE_URL": _database_url(), "LOG_LEVEL": "WARNING"}
    command = [sys.executable, "manage.py", "worker", "--no-startup-delay", "--interval=0.2"]
    procs = [
        subprocess.Popen(
            [*command, "--no-reload", f"--queue-name={queue}"],
            cwd=ROOT,
            env=env,
            stdout=(tmp_path / f"worker-{queue}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        for queue in ("asks", "default")
    ]
    try:
        yield
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)


def test_refusals_are_retried_with_backoff_and_retry_after_and_gone_devices_removed(
    workers: None,
) -> None:
    service = PushService().start()
    try:
        world = circle_world(members=4)
        names = ("flaky", "busy", "gone", "fine")
        phones = {}
        for name, person in zip(names, world.members, strict=True):
            phones[name] = Device(f"{service.base}/push/{name}")
            assert subscribe(world.client(person), phones[name]).status_code == 201
        service.answer("/push/flaky", (500, {}), (201, {}))
        service.answer("/push/busy", (429, {"Retry-After": str(RETRY_AFTER)}), (201, {}))
        service.answer("/push/gone", (410, {}))

        owner = world.client(world.owner)
        res = owner.post(
            "/api/v1/checkins/",
            {"kind": "reach_out", "circle": str(world.circle.pk), "mode": "call"},
            content_type="application/json",
        )
        assert res.status_code == 201, res.content
        first = res.json()["id"]

        def accepted(name: str) -> int:
            return sum(r.path == f"/push/{name}" for r in service.accepted())

        wait_for(
            "every phone's ask to be settled",
            lambda: (
                all(accepted(n) for n in ("flaky", "busy", "fine"))
                and not PushSubscription.objects.filter(endpoint=phones["gone"].endpoint).exists()
                # and the workers have written down what the service answered
                and not Delivery.objects.filter(status__in=("pending", "sending")).exists()
            ),
            timeout=conf.BACKOFF_SECONDS[0] + 60,
        )
        receipts = {
            name: [r for r in service.receipts if r.path == f"/push/{name}"] for name in names
        }
        assert [r.status for r in receipts["flaky"]] == [500, 201]
        assert [r.status for r in receipts["busy"]] == [429, 201]
        assert [r.status for r in receipts["gone"]] == [410]
        assert [r.status for r in receipts["fine"]] == [201]
        flaky_wait = receipts["flaky"][1].at - receipts["flaky"][0].at
        busy_wait = receipts["busy"][1].at - receipts["busy"][0].at
        assert flaky_wait >= conf.BACKOFF_SECONDS[0] - 1, flaky_wait  # the backoff's first step
        assert RETRY_AFTER - 1 <= busy_wait < conf.BACKOFF_SECONDS[0], busy_wait  # its header
        for name in ("flaky", "busy", "fine"):
            payload = phones[name].decrypt(receipts[name][-1].body)
            assert payload["kind"] == "reach_out"
            assert payload["checkin_id"] == first
        assert sorted(Delivery.objects.values_list("status", flat=True)) == [
            "delivered", "delivered", "delivered", "gone",
        ]  # fmt: skip

        # The next ask reaches the three phones left, once each, and not the forgotten one.
        assert owner.post(f"/api/v1/checkins/{first}/close/").status_code == 200
        before = {n: accepted(n) for n in names}
        res = owner.post(
            "/api/v1/checkins/",
            {"kind": "reach_out", "circle": str(world.circle.pk), "mode": "text"},
            content_type="application/json",
        )
        assert res.status_code == 201, res.content
        second = res.json()["id"]

        def asked_again(name: str) -> bool:
            return any(
                phones[name].decrypt(r.body).get("checkin_id") == second
                for r in service.accepted()
                if r.path == f"/push/{name}"
            )

        wait_for("the second ask", lambda: all(asked_again(n) for n in ("flaky", "busy", "fine")))
        assert accepted("gone") == before["gone"] == 0
        assert len([r for r in service.receipts if r.path == "/push/gone"]) == 1
    finally:
        service.stop()

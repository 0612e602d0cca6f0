"""A real `db_worker` process SIGKILLed in the middle of a batch, then restarted.

Needs a database a second process can see: the PostgreSQL test database. SQLite's test
database is in memory, so there the same recovery is covered by
`test_delivery.py::test_a_worker_killed_mid_send_is_recovered_by_the_sweep_exactly_once`.
"""

import datetime as dt
import os
import subprocess
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from backend.notifications.models import Delivery
from backend.notifications.services import notify
from backend.notifications.tasks import notification_topic
from tests.notifications.conftest import Device, subscribe

ROOT = Path(__file__).resolve().parents[2]
# The worker is killed while sending the second notification's pushes (each notification below
# is one task of 3 pushes, sent side by side): the first 3 were accepted.
HELD_REQUEST = 4


class HoldingPushService(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.seen = 0
        self.accepted: list[tuple[str, bytes]] = []
        self.holding = threading.Event()
        self.release = threading.Event()
        self.held_topic = ""  # the pushes of this notification are held...
        self.resending = False  # ...until the sweep sends them again


class _Handler(BaseHTTPRequestHandler):
    server: HoldingPushService

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with self.server.lock:
            self.server.seen += 1
            held = self.headers["Topic"] == self.server.held_topic and not self.server.resending
        if held:
            # The worker dies while waiting for these answers; the service never accepts them.
            self.server.holding.set()
            self.server.release.wait(30)
            self._answer(503)
            return
        with self.server.lock:
            self.server.accepted.append((self.path, body))
        self._answer(201)

    def _answer(self, status: int) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass

    def log_message(self, *args: Any) -> None:
        pass


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.mark.django_db(transaction=True)
def test_sigkilled_worker_restarted_delivers_everything_once(signed_in: Any) -> None:
    # The worker runs in its own process, on the test database (a file under SQLite).
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{db['NAME']}"
    else:
        url = (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
            f":{db['PORT'] or 5432}/{db['NAME']}"
        )
    env = {**os.environ, "DATABASE_URL": url}
    service = HoldingPushService()
    threading.Thread(target=service.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{service.server_address[1]}"
    try:
        client, user = signed_in()
        devices = {f"/push/d{n}": Device(f"{base}/push/d{n}") for n in range(3)}
        for device in devices.values():
            assert subscribe(client, device).status_code == 201
        for n in range(4):
            with transaction.atomic():
                [sent] = notify(
                    user_ids=[user.pk], kind="reach_out", title=f"#{n}", body="b", url="/"
                )
            if n == 1:
                service.held_topic = notification_topic(sent.tag)
        assert Delivery.objects.count() == 12

        worker = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--queue-name=*",
                "--no-startup-delay",
                "--interval=0.1",
                "--no-reload",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert service.holding.wait(60), "the worker never reached the held push"
        finally:
            worker.kill()  # SIGKILL: no cleanup, no signal handler
            worker.wait(10)
        service.release.set()

        assert len(service.accepted) == HELD_REQUEST - 1
        assert Delivery.objects.filter(status="sending").count() == 3  # the batch in flight
        assert DBTaskResult.objects.filter(status="RUNNING").count() == 1  # forever, as promised

        # Minutes pass (the send timeout is 10 s; "sending" is stale after 5 minutes).
        Delivery.objects.filter(status="sending").update(
            sending_started_at=timezone.now() - dt.timedelta(minutes=6),
            enqueued_at=timezone.now() - dt.timedelta(minutes=6),
        )
        service.resending = True
        _manage("sweep_deliveries", "--no-schedule", env=env)
        _manage("db_worker", "--queue-name=*", "--batch", "--no-startup-delay", env=env)
    finally:
        service.shutdown()
        service.server_close()

    assert sorted(Delivery.objects.values_list("status", flat=True)) == ["delivered"] * 12
    received = Counter(
        (path, devices[path].decrypt(body)["notification_id"]) for path, body in service.accepted
    )
    assert len(received) == 12
    assert set(received.values()) == {1}

"""Issue #11 item 10 (d): the task worker survives its PostgreSQL restarting.

The test starts a throwaway PostgreSQL cluster of its own (never the machine's shared one),
runs `manage.py worker` against it, stops and restarts that cluster under the running
worker, and checks that a reach-out made after the restart reaches the helper's phone (a
push service on 127.0.0.1 that the test holds the device keys for). Every wait has a
deadline; the cluster is stopped in a `finally`.
"""
# The push service's fixtures are imported; tests naming them as parameters is pytest's way.
# ruff: noqa: F811

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from tests.notifications.conftest import (  # noqa: F401  (fixtures)
    Device,
    PushService,
    httpserver_listen_address,
    push_service,
)

ROOT = Path(__file__).resolve().parents[2]
# Debian's server binaries (the newest installed major version; CI installs `postgresql`).
PG_BIN = max(
    Path("/usr/lib/postgresql").glob("*/bin"),
    key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    default=Path("/usr/lib/postgresql/15/bin"),
)

pytestmark = [
    pytest.mark.faults,
    pytest.mark.timeout(400),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="a database restart is a PostgreSQL fault: run with DATABASE_URL=postgres://…",
    ),
]

# Run inside `manage.py shell` against the throwaway cluster: the world, through the services,
# and the ask, through the real endpoint. Prints what the test needs as JSON.
WORLD = """
import json, os
from tests.common.helpers import client_for
from tests.common.world import circle_world
world = circle_world(owner=None, members=1)
sam = world.members[0]
res = client_for(sam).post("/api/v1/push/subscriptions/", json.loads(os.environ["DEVICE"]),
                           content_type="application/json")
assert res.status_code == 201, res.content
print(json.dumps({"owner": str(world.owner.pk), "circle": str(world.circle.pk)}))
"""
REACH_OUT = """
import json, os
from backend.accounts.models import User
from tests.common.helpers import client_for
owner = User.objects.get(pk=os.environ["OWNER"])
client = client_for(owner)
if os.environ.get("CLOSE"):  # "I'm okay now" first: one open reach-out per person
    assert client.post(f"/api/v1/checkins/{os.environ['CLOSE']}/close/").status_code == 200
res = client.post("/api/v1/checkins/", {"kind": "reach_out", "circle": os.environ["CIRCLE"],
                  "mode": "come_over"}, content_type="application/json")
assert res.status_code == 201, res.content
print(json.dumps({"checkin": res.json()["id"]}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(what: str, done: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(0.2)  # a real process and a real server: there is no clock to freeze


class Cluster:
    """A PostgreSQL cluster in a temporary directory, run as the `postgres` OS user."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.data = base / "data"
        self.port = _free_port()
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(base, user="postgres", group="postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_owner, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off"
        )
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.base / "server.log"), "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not (PG_BIN / "initdb").exists():
        pytest.fail(f"{PG_BIN}/initdb is missing: install Debian's postgresql package")
    base = Path(tempfile.mkdtemp(prefix="shoulder-faults-"))
    cluster = Cluster(base)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        if cluster.running():
            cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


def _manage(env: dict[str, str], *args: str, **extra_env: str) -> Any:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, **extra_env},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None


def _asks(push_service: PushService, phone: Device) -> list[dict[str, Any]]:
    return [phone.decrypt(r.get_data()) for r in push_service.for_device(phone)]


def test_the_worker_survives_a_database_restart_and_delivers_what_comes_after(
    cluster: Cluster, push_service: PushService, tmp_path: Path
) -> None:
    env = {**os.environ, "DATABASE_URL": cluster.url, "DJANGO_SETTINGS_MODULE": "backend.settings"}
    env.pop("PYTEST_CURRENT_TEST", None)
    _manage(env, "migrate", "--noinput", "-v", "0")
    phone = push_service.device("sam")
    ids = _manage(env, "shell", "-c", WORLD, DEVICE=json.dumps(phone.to_json()))

    log = (tmp_path / "worker.log").open("w+")
    worker = subprocess.Popen(
        [
            sys.executable, "manage.py", "worker", "--queue-name=*", "--no-startup-delay",
            "--interval=0.2", "--no-reload", "-v", "1",
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip

    def worker_log() -> str:
        return (tmp_path / "worker.log").read_text()

    try:
        before = _manage(env, "shell", "-c", REACH_OUT, OWNER=ids["owner"], CIRCLE=ids["circle"])
        _wait_for("the ask before the restart", lambda: len(_asks(push_service, phone)) == 1, 60)
        assert _asks(push_service, phone)[0]["checkin_id"] == before["checkin"]

        cluster.stop()
        met_outage = "Database unavailable"
        _wait_for(
            "the worker to meet the outage",
            lambda: met_outage in worker_log() or worker.poll() is not None,
            30,
        )
        assert worker.poll() is None, f"the worker died with the database:\n{worker_log()}"
        cluster.start()

        after = _manage(
            env, "shell", "-c", REACH_OUT,
            OWNER=ids["owner"], CIRCLE=ids["circle"], CLOSE=before["checkin"],
        )  # fmt: skip
        _wait_for(
            "the ask made after the restart",
            lambda: after["checkin"] in {a.get("checkin_id") for a in _asks(push_service, phone)},
            90,
        )
        assert worker.poll() is None, worker_log()
        [ask] = [a for a in _asks(push_service, phone) if a.get("checkin_id") == after["checkin"]]
        assert ask["kind"] == "reach_out"
        assert ask["title"].endswith("needs you")
    finally:
        worker.terminate()
        try:
            worker.wait(15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(5)
        log.close()

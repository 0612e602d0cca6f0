"""Issue #16: under load, one gunicorn instance and one task worker are SIGKILLed.

`make load`'s machinery, smaller: the cluster (deploy/cluster.sh: nginx, two gunicorns, a
worker per queue, every process under keep-running.sh) on the test database and a Redis of
the test's own, 20 simulated people for 30 s, a recording push service. Mid-load the test
SIGKILLs one gunicorn instance (its master and workers at once, as a crashed machine) and,
while the push service holds every send, the `asks` worker. Then:

- the other gunicorn takes over: writes keep being acknowledged after the kill, and only the
  requests in flight on the dead instance fail (a client retries what is safe to retry);
- nothing is lost: every check-in, answer, note and reaction acknowledged is stored once;
- nothing is sent twice: every push due is delivered exactly once (the killed worker's send
  is recovered by the sweep once it is stale), to its own person.
"""

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from scripts.load.push_service import PushService
from scripts.load.run import Cluster, check_books, read_ledger, run_locust, settle
from scripts.load.seed import seed, write_people
from tests.faults.conftest import RedisServer, free_port, wait_for

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(600),
]

ROOT = Path(__file__).resolve().parents[2]
USERS, SECONDS = 20, 30
# Requests in flight on the killed instance: 2 workers x 4 threads, each maybe retried.
IN_FLIGHT = 2 * 4


def _database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def cluster(redis_server: RedisServer) -> Iterator[Cluster]:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.fail("nginx is missing: install Debian's nginx (deploy/cluster.sh does, as root)")
    port = free_port()
    cluster = Cluster(
        port=port,
        app_ports=[free_port(), free_port()],
        database_url=_database_url(),
        redis_url=redis_server.url,
        # One directory for every run: collectstatic there is quick the second time.
        var=ROOT / "var" / "faults-cluster",
        secret_key=settings.SECRET_KEY,
        # A send still "sending" 5 s after its worker died is the sweep's to send again.
        env={"PUSH_STALE_SENDING_AFTER": "5"},
    )
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def test_killing_a_gunicorn_and_a_worker_under_load_loses_nothing(
    cluster: Cluster, tmp_path: Path
) -> None:
    service = PushService().start()
    try:
        people = seed(people=USERS, circle_size=10, push_base=service.base)
        people_file, ledger = tmp_path / "people.json", tmp_path / "ledger.jsonl"
        write_people(people, people_file)
        locust = run_locust(
            host=cluster.url, people_file=people_file, ledger=ledger,
            csv_prefix=tmp_path / "stats", users=USERS, seconds=SECONDS, spawn_rate=USERS,
        )  # fmt: skip
        started = time.monotonic()

        time.sleep(10)  # load is running; there is no clock to freeze in other processes
        victim = cluster.app_ports[0]
        for proc in cluster.gunicorn(victim):
            proc.kill()
        killed_at = time.time()

        time.sleep(5)
        worker = cluster.worker("asks")
        service.hold(True)
        # A send in flight when the worker dies, if one comes within a few seconds.
        deadline = time.monotonic() + 5
        while not service.held and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.kill()
        worker.wait(10)
        service.hold(False)

        locust.wait(SECONDS + 120)
        assert locust.returncode is not None
        assert time.monotonic() - started >= SECONDS
        # keep-running.sh started both again.
        wait_for("the killed gunicorn to come back", lambda: bool(cluster.gunicorn(victim)), 60)
        wait_for("a new asks worker", lambda: cluster.worker("asks").pid != worker.pid, timeout=60)
        # The sweep runs every minute; a stale send is its to re-send.
        statuses = settle(timeout=180)

        entries, _ = read_ledger(ledger)
        after_kill = [e for e in entries if e["t"] > killed_at + 1]
        assert after_kill, "nothing was acknowledged after the kill: the other did not take over"
        report = check_books(
            people=people, service=service, ledger=ledger, server_errors_allowed=IN_FLIGHT
        )
    finally:
        service.stop()
    assert report.failures == [], "\n".join(report.lines)
    assert statuses.get("delivered", 0) > 0, statuses

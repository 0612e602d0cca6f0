"""Benchmark web push end to end: enqueue -> db_worker -> a push service on 127.0.0.1.

    .venv/bin/python scripts/bench_push.py [--notifications 100] [--devices 12] [--interval 1]

Uses a fresh SQLite database in a temporary directory (or the scratch database in
DATABASE_URL, which it migrates and fills), 12 devices with real P-256 keys, and a real
`manage.py db_worker` subprocess started the way `make run` starts it. Reports:
- enqueue -> receipt latency per push (paced: one notification to every device every 100 ms;
  burst: all notifications at once), p50/p95/max;
- reach-out -> all 11 pushes received (the asks queue, as a reach-out enqueues them), one
  reach-out at a time (`--rounds` of them), p50/p95/max; then the same with `--backlog` other
  check-ins' pushes (11 each) enqueued just before every measured one (target: p95 < 1 s);
- request latency of `POST /api/v1/push/test/` (enqueues one task for all devices) for a person
  with 1 device vs 12, 50 requests each.
Not part of pytest.
"""

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TMP = tempfile.mkdtemp(prefix="shoulder-bench-")
os.environ.setdefault("SHOULDER_VAR_DIR", TMP)  # fresh SQLite file and VAPID keys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import http_ece  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from backend.accounts.models import User  # noqa: E402
from backend.notifications.models import Delivery, PushSubscription  # noqa: E402
from backend.notifications.services import notify  # noqa: E402
from backend.notifications.tasks import notification_topic  # noqa: E402


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class Device:
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)

    def keys(self) -> dict[str, str]:
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"p256dh": b64url(point), "auth": b64url(self.auth)}


class PushService(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.received: list[tuple[float, str, bytes]] = []
        self.topics: list[tuple[float, str]] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: PushService
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        at = time.time()
        with self.server.lock:
            self.server.received.append((at, self.path, body))
            self.server.topics.append((at, self.headers.get("Topic", "")))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def row(label: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (
        f"| {label:<44} | {len(ms):>5} | {statistics.median(ms):>8.1f} | {pct(ms, 0.95):>8.1f} "
        f"| {max(ms):>8.1f} |"
    )


def ask(user_ids: list[Any], tag: str) -> list[str]:
    """What a reach-out enqueues: a high-urgency push to each friend, in the asks queue."""
    with transaction.atomic():
        sent = notify(
            user_ids=user_ids,
            kind="reach_out",
            title="Sam is reaching out",
            body="Come over if you can.",
            url="/",
            urgency="high",
            breaks_quiet_hours=True,
            tag=tag,
        )
    return [str(n.pk) for n in sent]


def reach_outs(
    service: "PushService", friends: list[Any], *, rounds: int, backlog: int
) -> list[float]:
    """Seconds from each measured reach-out's commit until all its pushes were received."""
    results = []
    for r in range(rounds):
        service.received.clear()
        service.topics.clear()
        for n in range(backlog):
            ask(friends, f"backlog-{backlog}-{r}-{n}")
        tag = f"measured-{backlog}-{r}"
        topic = notification_topic(tag)
        wanted = len(ask(friends, tag))
        start = time.time()  # after commit: the tasks exist now
        deadline = start + 120
        while time.time() < deadline:
            with service.lock:
                mine = [at for at, t in service.topics if t == topic]
            if len(mine) >= wanted:
                break
            time.sleep(0.005)
        if len(mine) < wanted:
            statuses = list(Delivery.objects.values_list("status", "last_error"))
            raise AssertionError((len(mine), wanted, statuses[-15:]))
        results.append(max(mine) - start)
        # The backlog drains before the next round.
        while len(service.received) < wanted * (backlog + 1) and time.time() < deadline:
            time.sleep(0.02)
    return results


def make_user(email: str) -> User:
    return User.objects.create_user(email, None, display_name=email.split("@")[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notifications", type=int, default=100)
    parser.add_argument("--devices", type=int, default=12)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--interval", default="0.2", help="worker --interval (make run's asks worker: 0.2)"
    )
    parser.add_argument("--workers", type=int, default=1, help="db_worker processes (make run: 1)")
    parser.add_argument("--modes", default="paced,burst", help="bulk modes to run ('' for none)")
    parser.add_argument("--rounds", type=int, default=20, help="measured reach-outs")
    parser.add_argument("--backlog", type=int, default=20, help="check-ins queued before each")
    parser.add_argument(
        "--worker-args",
        default="--threads 4",
        help="more `manage.py worker` arguments (make run's asks worker: '--threads 4')",
    )
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    service = PushService()
    threading.Thread(target=service.serve_forever, daemon=True).start()
    devices: dict[str, Device] = {}

    def add_device(user: User, name: str) -> None:
        device = Device(f"{service.base}/push/{name}")
        devices[f"/push/{name}"] = device
        PushSubscription.objects.create(user=user, endpoint=device.endpoint, **device.keys())

    run = os.urandom(4).hex()
    # A circle: one device per person, every notification goes to all of them.
    circle = [make_user(f"friend{n}-{run}@bench.local") for n in range(args.devices)]
    for n, user in enumerate(circle):
        add_device(user, f"{run}-friend{n}")
    # Request latency: one person with 1 device, one with 12.
    one, many = make_user(f"one-{run}@bench.local"), make_user(f"many-{run}@bench.local")
    add_device(one, f"{run}-one")
    for n in range(args.devices):
        add_device(many, f"{run}-many{n}")

    request_rows = []
    for label, user in (("1 device", one), (f"{args.devices} devices", many)):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        client.post("/api/v1/push/test/")  # warm up
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            res = client.post("/api/v1/push/test/")
            timings.append(time.perf_counter() - start)
            assert res.status_code == 202, res.content
        request_rows.append(row(f"POST /api/v1/push/test/, {label}", timings))
    # Those test pushes are not part of the delivery measurement.
    DBTaskResult.objects.all().delete()
    Delivery.objects.all().delete()

    command = [
        sys.executable,
        "manage.py",
        "worker",
        "--queue-name=*",
        f"--interval={args.interval}",
        "-v",
        "0",
        *args.worker_args.split(),
    ]
    workers = [
        subprocess.Popen(command, cwd=ROOT, env=os.environ.copy())  # noqa: S603
        for _ in range(args.workers)
    ]
    delivery_rows = []
    try:
        time.sleep(2)  # let the worker start (imports, startup delay)
        for mode in [m for m in args.modes.split(",") if m]:
            service.received.clear()
            enqueued: dict[str, float] = {}
            started = time.time()
            for n in range(args.notifications):
                with transaction.atomic():
                    sent = notify(
                        user_ids=[u.pk for u in circle],
                        kind="reach_out",
                        title=f"Bench {mode} {n}",
                        body="Come over if you can.",
                        url="/",
                        urgency="high",
                        tag=f"bench-{mode}-{n}",
                    )
                at = time.time()  # after commit: the tasks exist now
                for notification in sent:
                    enqueued[str(notification.pk)] = at
                if mode == "paced":
                    time.sleep(0.1)
            expected = len(enqueued)
            deadline = time.time() + 600
            while len(service.received) < expected and time.time() < deadline:
                time.sleep(0.05)
            latencies = []
            for at, path, body in list(service.received):
                device = devices[path]
                payload = json.loads(
                    http_ece.decrypt(
                        body, private_key=device.key, auth_secret=device.auth, version="aes128gcm"
                    )
                )
                latencies.append(at - enqueued[payload["notification_id"]])
            assert len(latencies) == expected, (len(latencies), expected)
            rate = expected / (max(at for at, _, _ in service.received) - started)
            label = (
                f"{mode}: {args.notifications} x {args.devices}"
                + (" (1 per 100 ms)" if mode == "paced" else " (at once)")
                + f", {rate:.0f}/s"
            )
            delivery_rows.append(row(label, latencies))
        friends = [u.pk for u in circle[:11]]
        for backlog in (0, args.backlog):
            delivery_rows.append(
                row(
                    f"reach-out -> 11 received, {backlog} check-ins queued",
                    reach_outs(service, friends, rounds=args.rounds, backlog=backlog),
                )
            )
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(30)
        service.shutdown()

    db = django.db.connection
    print(  # noqa: T201
        f"\nShoulder push benchmark ({db.vendor}, {args.workers} x manage.py worker "
        f"--interval={args.interval} {args.worker_args}, "
        f"python {sys.version.split()[0]})\n"
    )
    header = f"| {'what':<44} | {'n':>5} | {'p50 ms':>8} | {'p95 ms':>8} | {'max ms':>8} |"
    print(header)  # noqa: T201
    print("|" + "|".join("-" * (len(c) + 0) for c in header.split("|")[1:-1]) + "|")  # noqa: T201
    for line in delivery_rows + request_rows:
        print(line)  # noqa: T201
    dupes = Delivery.objects.exclude(status="delivered").count()
    print(f"\nundelivered rows: {dupes}; temp dir: {TMP}")  # noqa: T201


if __name__ == "__main__":
    main()

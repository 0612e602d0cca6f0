"""Latency of the check-in writes, through the Django test client (no network, no worker).

    .venv/bin/python scripts/bench_checkins.py [--requests 100]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/shoulder_bench_checkins \
        .venv/bin/python scripts/bench_checkins.py

One person with a circle of 12 (everyone with one push device, so every reach-out writes the
notifications, deliveries and queued tasks it would in production), and one with a circle of
2. Measures `POST /api/v1/checkins/` (a reach-out to the 11 others, and, interleaved with it,
a reach-out to 1; each is then closed, which is not timed; the ratio of their medians is the
cost of asking more friends, target ≤ 1.2) and `POST /api/v1/checkins/{id}/responses/`
(friends answering in turn, so most requests replace an answer). Uses a fresh SQLite file in
a temporary directory, or the PostgreSQL scratch database in DATABASE_URL (created if
missing, migrated, then filled).
Prints p50/p95/max in milliseconds. Not part of pytest.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TMP = tempfile.mkdtemp(prefix="shoulder-bench-checkins-")
os.environ.setdefault("SHOULDER_VAR_DIR", TMP)  # a fresh SQLite file
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
sys.path.insert(0, str(ROOT))


def ensure_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    ensure_postgres_database(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from rest_framework.throttling import SimpleRateThrottle  # noqa: E402

from backend.accounts.models import User  # noqa: E402
from backend.checkins.models import CheckIn  # noqa: E402
from backend.circles.models import Membership  # noqa: E402
from backend.circles.services import circle_create  # noqa: E402
from backend.notifications.models import PushSubscription  # noqa: E402


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def person(n: int, run: str) -> User:
    user = User.objects.create_user(f"bench{n}-{run}@example.com", None, display_name=f"P{n}")
    PushSubscription.objects.create(
        user=user,
        endpoint=f"http://127.0.0.1:9/push/{run}/{n}",
        p256dh="B" + "A" * 86,
        auth="A" * 22,
    )
    return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def timed(call: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    n = args.requests
    # Benchmarking the work, not the rate limits.
    SimpleRateThrottle.THROTTLE_RATES = {
        **SimpleRateThrottle.THROTTLE_RATES,
        "checkin_create": "100000/hour",
        "user_or_ip": "100000/min",
    }
    call_command("migrate", verbosity=0)
    run = str(int(time.time() * 1000))
    owner = person(0, run)
    circle = circle_create(user=owner, name="Bench circle")
    friends = [person(i, run) for i in range(1, 12)]
    Membership.objects.bulk_create(Membership(circle=circle, user=f) for f in friends)
    solo_owner = person(100, run)
    solo_circle = circle_create(user=solo_owner, name="Bench pair")
    Membership.objects.create(circle=solo_circle, user=person(101, run))
    me = client_for(owner)
    solo = client_for(solo_owner)
    friend_clients = [client_for(f) for f in friends]
    body = {
        "kind": "reach_out",
        "circle": str(circle.pk),
        "mode": "come_over",
        "no_need_to_explain": True,
        "message": "Rough night.",
    }

    solo_body = {**body, "circle": str(solo_circle.pk)}

    def reach_out(client: Client, payload: dict[str, Any]) -> float:
        ms, res = timed(
            lambda: client.post("/api/v1/checkins/", payload, content_type="application/json")
        )
        assert res.status_code == 201, res.content
        closed = client.post(
            f"/api/v1/checkins/{res.json()['id']}/close/", content_type="application/json"
        )
        assert closed.status_code == 200, closed.content
        return ms

    # Warm up (first request imports and compiles things).
    reach_out(me, body)
    reach_out(solo, solo_body)

    create: list[float] = []
    create_one: list[float] = []
    for _ in range(n):  # interleaved, so both see the same machine
        create.append(reach_out(me, body))
        create_one.append(reach_out(solo, solo_body))

    res = me.post("/api/v1/checkins/", body, content_type="application/json")
    url = f"/api/v1/checkins/{res.json()['id']}/responses/"
    answers = ["on_my_way", "calling", "texting", "cant_right_now"]
    respond: list[float] = []
    for i in range(n):
        client = friend_clients[i % len(friend_clients)]
        answer = {"answer": answers[i % len(answers)], "eta_minutes": 15}
        ms, res = timed(lambda c=client, a=answer: c.post(url, a, content_type="application/json"))
        assert res.status_code in (200, 201), res.content
        respond.append(ms)

    detail: list[float] = []
    home: list[float] = []
    detail_url = url.removesuffix("responses/")
    for _ in range(n):
        ms, res = timed(lambda: me.get(detail_url))
        detail.append(ms)
        ms, res = timed(lambda: me.get("/api/v1/home/"))
        home.append(ms)

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[1]
    out(f"\nCheck-ins latency, {engine} ({connection.vendor}), circle of 12, {n} requests each")
    out(f"{'request':<42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in (
        ("POST /api/v1/checkins/ (reach-out to 11)", create),
        ("POST /api/v1/checkins/ (reach-out to 1)", create_one),
        ("POST /api/v1/checkins/{id}/responses/", respond),
        ("GET /api/v1/checkins/{id}/ (11 answers)", detail),
        ("GET /api/v1/home/", home),
    ):
        out(
            f"{name:<42} {statistics.median(values):8.1f} {percentile(values, 95):8.1f} "
            f"{max(values):8.1f}"
        )
    ratio = statistics.median(create) / statistics.median(create_one)
    out(f"reach-out to 11 / reach-out to 1 (medians): {ratio:.2f} (target <= 1.2)")
    out(f"check-ins made: {CheckIn.objects.filter(requester=owner).count()}")


if __name__ == "__main__":
    main()

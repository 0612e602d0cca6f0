"""Throughput of the hot API reads against two floors measured in the same server and run.

    make bench-api                      # the small world (a few minutes)
    make bench-api SIZE=large           # plus 10 000 people, 1 M check-ins, 5 M notes
    .venv/bin/python scripts/bench_api.py --size small --only home,me --duration 4

What it does:
1. Makes (or reuses) a PostgreSQL database, `BENCH_DATABASE_URL` (default
   postgres://postgres@127.0.0.1:5432/shoulder_bench_api_<size>), and migrates it.
2. Builds the world once (kept for the next run): a signed-in person in a circle of 12 with
   40 past sessions, each with an answer and two notes, their own open reach-out asking the
   11 others (three answered), and a friend's open reach-out asking them. Through the
   services, so the rows are the ones the app writes. The large size adds, with
   `INSERT … SELECT generate_series` in the database, 10 000 other people in circles of 10,
   1 M check-ins (each with an asked friend and an answer) and 5 M notes.
3. Starts gunicorn with the project's settings (`--workers 2 --threads 4`) on that database
   and Redis (`BENCH_REDIS_URL`, default redis://127.0.0.1:6379/0), with the per-person
   API ceiling raised (`THROTTLE_DEFAULT`) and the floors mounted (`SHOULDER_BENCH_FLOORS`):
   a bare JSON view, and the same for a signed-in person (session and user loaded).
4. Drives each URL with wrk (`-t2 -c16 -d8s` by default, scripts/bench_api.lua sends the
   session cookie) and prints req/s, the ratio to each floor, p50/p99 and the non-2xx count.
   The floors are measured before and after the endpoints; the ratios use their mean.
   Results are also written to var/bench/api-<size>.json; when the other size's file is
   there, a last column compares each endpoint's cost (per signed-in floor) between sizes.

A benchmark, not a test: it measures, it asserts nothing but that every answer was 2xx/304.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LUA = ROOT / "scripts" / "bench_api.lua"
RESULTS = ROOT / "var" / "bench"
BENCH_EMAIL = "bench-me@example.com"
LARGE_MARK = "bench-other0@example.com"  # the first of the large world's people


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=["small", "large"], default="small")
    parser.add_argument("--duration", type=int, default=8, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--rounds", type=int, default=1, help="measure floors and endpoints again, N times"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "9400")))
    parser.add_argument("--only", default="", help="comma-separated endpoint keys")
    parser.add_argument("--rebuild", action="store_true", help="drop and build the world again")
    parser.add_argument("--label", default="", help="a name for this run in the JSON file")
    parser.add_argument(
        "--explain", action="store_true", help="print EXPLAIN ANALYZE of each hot read's queries"
    )
    args = parser.parse_args()
    args.database_url = os.environ.get(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/shoulder_bench_api_{args.size}"
    )
    args.redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    return args


# --- the database and the world ------------------------------------------------------------


def ensure_database(url: str, *, rebuild: bool) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if rebuild:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(args: argparse.Namespace) -> None:
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["REDIS_URL"] = args.redis_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


@dataclass
class World:
    me_id: str
    circle_id: str
    open_checkin_id: str
    session_id: str
    cookie: str


def build_small_world() -> None:
    """Through the services: the rows the app itself writes."""
    from django.db import transaction

    from backend.accounts.models import User
    from backend.aftermath.services import note_create
    from backend.checkins.models import Answer, Kind, Mode
    from backend.checkins.services import checkin_close, checkin_create, checkin_respond
    from backend.circles.models import Membership
    from backend.circles.services import circle_create

    me = User.objects.create_user(BENCH_EMAIL, None, display_name="Sam")
    friends = [
        User.objects.create_user(f"bench-friend{i}@example.com", None, display_name=f"Friend {i}")
        for i in range(1, 12)
    ]
    circle = circle_create(user=me, name="Close friends")
    Membership.objects.bulk_create(Membership(circle=circle, user=f) for f in friends)
    for i in range(40):
        friend = friends[i % len(friends)]
        with transaction.atomic():
            checkin, _ = checkin_create(
                requester=me,
                circle=circle,
                kind=Kind.REACH_OUT,
                mode=Mode.COME_OVER,
                no_need_to_explain=True,
                message=f"Rough night {i}.",
            )
            checkin_respond(
                checkin=checkin, responder=friend, answer=Answer.ON_MY_WAY, eta_minutes=15
            )
            checkin = checkin_close(checkin=checkin, by=me)
            note_create(checkin=checkin, author=me, body="Thank you for coming over last night.")
            note_create(checkin=checkin, author=friend, body="Any time. Glad I could be there.")
    mine, _ = checkin_create(
        requester=me,
        circle=circle,
        kind=Kind.REACH_OUT,
        mode=Mode.CALL,
        message="Can someone call?",
    )
    for friend, answer in zip(
        friends[:3], [Answer.CALLING, Answer.TEXTING, Answer.CANT_RIGHT_NOW], strict=False
    ):
        checkin_respond(checkin=mine, responder=friend, answer=answer)
    checkin_create(requester=friends[0], circle=circle, kind=Kind.REACH_OUT, mode=Mode.TEXT)


LARGE_PEOPLE = 10_000
LARGE_CIRCLE_SIZE = 10
LARGE_CHECKINS = 1_000_000
NOTES_PER_CHECKIN = 5

# Everyone else's history, made in the database. Circle c (0-based) holds people
# c*10 … c*10+9; check-in k is in circle k % 1000, asked by its member (k // 1000) % 10, the
# next member asked and answering; notes alternate between the two.
# (The f-strings hold only the integer constants above: no input reaches this SQL.)
LARGE_SQL = [
    f"""
    CREATE TEMP TABLE bench_people AS
    SELECT n, gen_random_uuid() AS id FROM generate_series(0, {LARGE_PEOPLE - 1}) AS n
    """,  # noqa: S608
    """
    INSERT INTO accounts_user (id, password, last_login, is_superuser, email, display_name,
        timezone, is_active, is_staff, date_joined, is_suspended_until, language, phone)
    SELECT id, '!', NULL, false, 'bench-other' || n || '@example.com', 'Other ' || n, 'UTC',
        true, false, now() - interval '400 days', NULL, 'en', ''
    FROM bench_people
    """,
    f"""
    CREATE TEMP TABLE bench_circles AS
    SELECT c, gen_random_uuid() AS id
    FROM generate_series(0, {LARGE_PEOPLE // LARGE_CIRCLE_SIZE - 1}) AS c
    """,  # noqa: S608
    """
    INSERT INTO circles_circle (id, created_at, name, approval_required)
    SELECT id, now() - interval '400 days', 'Circle ' || c, false FROM bench_circles
    """,
    f"""
    INSERT INTO circles_membership (id, created_at, circle_id, user_id, role, joined_at,
        notification_level)
    SELECT gen_random_uuid(), now() - interval '400 days', c.id, p.id,
        CASE WHEN p.n % {LARGE_CIRCLE_SIZE} = 0 THEN 'owner' ELSE 'member' END,
        now() - interval '400 days', 'all'
    FROM bench_people p JOIN bench_circles c ON c.c = p.n / {LARGE_CIRCLE_SIZE}
    """,  # noqa: S608
    f"""
    CREATE TEMP TABLE bench_checkins AS
    SELECT k, gen_random_uuid() AS id,
        now() - interval '365 days' + (k * interval '30 seconds') AS at,
        c.id AS circle_id, req.id AS requester_id, friend.id AS friend_id
    FROM generate_series(0, {LARGE_CHECKINS - 1}) AS k
    JOIN bench_circles c ON c.c = k % {LARGE_PEOPLE // LARGE_CIRCLE_SIZE}
    JOIN bench_people req
        ON req.n = (k % {LARGE_PEOPLE // LARGE_CIRCLE_SIZE}) * {LARGE_CIRCLE_SIZE}
            + (k / {LARGE_PEOPLE // LARGE_CIRCLE_SIZE}) % {LARGE_CIRCLE_SIZE}
    JOIN bench_people friend
        ON friend.n = (k % {LARGE_PEOPLE // LARGE_CIRCLE_SIZE}) * {LARGE_CIRCLE_SIZE}
            + ((k / {LARGE_PEOPLE // LARGE_CIRCLE_SIZE}) + 1) % {LARGE_CIRCLE_SIZE}
    """,  # noqa: S608
    """
    INSERT INTO checkins_checkin (id, created_at, requester_id, circle_id, kind, mode,
        no_need_to_explain, just_listen, silence_ok, message, scheduled_for, idempotency_key,
        in_reply_to_id, status, activated_at, answered_at, nobody_answered_at, closed_at,
        closed_by_id, expired_at, cancelled_at, message_hidden_at, message_hidden_by_id,
        update_line)
    SELECT id, at, requester_id, circle_id, 'reach_out', 'come_over', true, false, false,
        'A hard evening.', NULL, '', NULL, 'closed', at, at + interval '2 minutes', NULL,
        at + interval '3 hours', requester_id, NULL, NULL, NULL, NULL, ''
    FROM bench_checkins
    """,
    """
    INSERT INTO checkins_audiencemember (id, created_at, checkin_id, user_id, notification_id,
        seen_at)
    SELECT gen_random_uuid(), at, id, friend_id, NULL, at + interval '1 minute'
    FROM bench_checkins
    """,
    """
    INSERT INTO checkins_response (id, created_at, checkin_id, responder_id, answer,
        eta_minutes, message, updated_at, aftercare_due_at, aftercare_sent_at)
    SELECT gen_random_uuid(), at + interval '2 minutes', id, friend_id, 'on_my_way', 15, '',
        at + interval '2 minutes', NULL, NULL
    FROM bench_checkins
    """,
    f"""
    INSERT INTO aftermath_aftermathnote (id, created_at, checkin_id, author_id, body, audience,
        edited_at, hidden_at, hidden_by_id)
    SELECT gen_random_uuid(), b.at + interval '4 hours' + i * interval '1 minute', b.id,
        CASE WHEN i % 2 = 0 THEN b.requester_id ELSE b.friend_id END,
        'Thinking of you after last night.', 'participants', NULL, NULL, NULL
    FROM bench_checkins b CROSS JOIN generate_series(1, {NOTES_PER_CHECKIN}) AS i
    """,  # noqa: S608
    "ANALYZE",
]


def build_large_rest() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in LARGE_SQL:
            started = time.perf_counter()
            cursor.execute(statement)
            first_line = " ".join(statement.split())[:70]
            out(f"  {time.perf_counter() - started:6.1f}s  {first_line}…")


def ensure_world(size: str) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from backend.accounts.models import User

    call_command("migrate", verbosity=0)
    if User.objects.filter(email=BENCH_EMAIL).exists():
        if size == "large" and not User.objects.filter(email=LARGE_MARK).exists():
            # The small part is there, the large rest failed or was never built.
            out("building the large rest (in the database)…")
            with transaction.atomic():
                build_large_rest()
        return
    started = time.perf_counter()
    out("building the small world (through the services)…")
    with transaction.atomic():
        build_small_world()
    if size == "large":
        out("building the large rest (in the database)…")
        with transaction.atomic():
            build_large_rest()
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    out(f"world built in {time.perf_counter() - started:.0f}s")


def load_world() -> World:
    from django.test import Client

    from backend.accounts.models import User
    from backend.checkins.models import CheckIn, Status

    me = User.objects.get(email=BENCH_EMAIL)
    open_checkin = CheckIn.objects.get(requester=me, status__in=[Status.OPEN, Status.ANSWERED])
    session = CheckIn.objects.filter(requester=me, status=Status.CLOSED).latest("created_at")
    client = Client()
    client.force_login(me, backend="django.contrib.auth.backends.ModelBackend")
    from django.conf import settings

    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return World(
        me_id=str(me.pk),
        circle_id=str(open_checkin.circle_id),
        open_checkin_id=str(open_checkin.pk),
        session_id=str(session.pk),
        cookie=cookie,
    )


# --- the server ----------------------------------------------------------------------------


def start_server(args: argparse.Namespace, log_path: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SHOULDER_BENCH_FLOORS": "1",
        # Measuring the reads, not the per-person ceiling (600/min by default).
        "THROTTLE_DEFAULT": "100000000/min",
        "LOG_LEVEL": "WARNING",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("DJANGO_DEBUG", None)
    log = log_path.open("wb")
    server = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "backend.wsgi",
            "-c",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            "2",
            "--threads",
            "4",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=2)
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if server.poll() is not None:
                break
            time.sleep(0.3)
    stop_server(server)
    raise SystemExit(f"gunicorn did not start; see {log_path}")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def fetch(url: str, cookie: str, etag: str = "") -> tuple[int, dict[str, str], bytes]:
    headers = {"Cookie": cookie, "Accept": "application/json"}
    if etag:
        headers["If-None-Match"] = etag
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- the load ------------------------------------------------------------------------------


@dataclass
class Endpoint:
    key: str
    label: str
    path: str
    signed_in: bool = True
    conditional: bool = False
    # The answer built every time (the answer cache bypassed with X-Bench-Cold).
    cold: bool = False


@dataclass
class Result:
    key: str
    label: str
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    not_modified: int
    bytes_per_request: int


def endpoints(world: World) -> list[Endpoint]:
    c, k, s = world.circle_id, world.open_checkin_id, world.session_id
    hot = [
        Endpoint("home", "GET /api/v1/home/", "/api/v1/home/"),
        Endpoint(
            "home_poll",
            "GET /api/v1/home/ (If-None-Match)",
            "/api/v1/home/",
            conditional=True,
        ),
        Endpoint("me", "GET /api/v1/me/", "/api/v1/me/"),
        Endpoint("circles", "GET /api/v1/circles/", "/api/v1/circles/"),
        Endpoint("circle", "GET /api/v1/circles/{id}/ (12 members)", f"/api/v1/circles/{c}/"),
        Endpoint(
            "checkin", "GET /api/v1/checkins/{id}/ (open, 11 asked)", f"/api/v1/checkins/{k}/"
        ),
        Endpoint("checkins", "GET /api/v1/checkins/ (20 per page)", "/api/v1/checkins/"),
        Endpoint("notes", "GET /api/v1/checkins/{id}/notes/", f"/api/v1/checkins/{s}/notes/"),
        Endpoint("moments", "GET /api/v1/circles/{id}/moments/", f"/api/v1/circles/{c}/moments/"),
    ]
    # The same reads with the answer built each time (what the first read after a change costs).
    return hot + [
        Endpoint(f"{e.key}_built", f"{e.label} (built)", e.path, cold=True)
        for e in hot
        if e.key in COLD_KEYS
    ]


COLD_KEYS = ("home", "circles", "circle", "checkin", "checkins", "notes", "moments")


FLOORS = [
    Endpoint("bare", "floor: bare JSON view", "/bench/floor/bare", signed_in=False),
    Endpoint("signed_in", "floor: signed-in view", "/bench/floor/signed-in"),
]


def run_wrk(
    args: argparse.Namespace, url: str, env: dict[str, str], seconds: int
) -> dict[str, Any]:
    command = [
        shutil.which("wrk") or "/usr/bin/wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
    ]
    done = subprocess.run(  # noqa: S603
        command, env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no result:\n{done.stdout}\n{done.stderr}")
    return dict(json.loads(line.removeprefix("BENCH_JSON ")))


def measure(args: argparse.Namespace, world: World, endpoint: Endpoint, seconds: int) -> Result:
    base = f"http://127.0.0.1:{args.port}"
    env = {
        "BENCH_COOKIE": world.cookie if endpoint.signed_in else "",
        "BENCH_IF_NONE_MATCH": "",
        "BENCH_COLD": "1" if endpoint.cold else "",
    }
    code, headers, body = fetch(base + endpoint.path, env["BENCH_COOKIE"])
    if code != 200:
        raise SystemExit(f"{endpoint.label}: {code} {body[:300]!r}")
    if endpoint.conditional:
        # Whatever validator the first answer carries (none until the API sends ETags: then
        # this row is plain polling and answers 200s).
        env["BENCH_IF_NONE_MATCH"] = headers.get("ETag", "")
    raw = run_wrk(args, base + endpoint.path, env, seconds)
    requests = max(raw["requests"], 1)
    return Result(
        key=endpoint.key,
        label=endpoint.label,
        rps=raw["requests"] / (raw["duration_us"] / 1e6),
        p50_ms=raw["p50_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        non_2xx=raw["other"] + raw["not_modified"] + raw["socket_errors"],
        not_modified=raw["not_modified"],
        bytes_per_request=raw["bytes"] // requests,
    )


def ratio_table(
    results: list[Result], bare: float, signed_in: float, other: dict[str, Any] | None
) -> list[str]:
    lines = [
        f"| endpoint | req/s | ÷ bare ({bare:.0f}) | ÷ signed-in floor ({signed_in:.0f}) "
        "| p50 ms | p99 ms | non-2xx | bytes |" + (" cost vs other size |" if other else ""),
        "|---|---|---|---|---|---|---|---|" + ("---|" if other else ""),
    ]
    other_ratios = {}
    if other:
        floor = other["signed_in_floor"]
        other_ratios = {r["key"]: r["rps"] / floor for r in other["results"]}
    for r in results:
        non = f"{r.non_2xx}" + (f" ({r.not_modified} x 304)" if r.not_modified else "")
        line = (
            f"| {r.label} | {r.rps:.0f} | {r.rps / bare:.2f} | {r.rps / signed_in:.2f} "
            f"| {r.p50_ms:.1f} | {r.p99_ms:.1f} | {non} | {r.bytes_per_request} |"
        )
        if other:
            mine = r.rps / signed_in
            theirs = other_ratios.get(r.key)
            line += f" {theirs / mine:.2f}x |" if theirs else " - |"
        lines.append(line)
    return lines


def merge_rounds(rounds: list[list[Result]]) -> dict[str, Result]:
    """Each URL over all rounds: mean req/s, median p50, worst p99, all non-2xx."""
    by_key: dict[str, list[Result]] = {}
    for result in (r for one in rounds for r in one):
        by_key.setdefault(result.key, []).append(result)
    return {
        key: Result(
            key=key,
            label=runs[0].label,
            rps=statistics.mean(r.rps for r in runs),
            p50_ms=statistics.median(r.p50_ms for r in runs),
            p99_ms=max(r.p99_ms for r in runs),
            non_2xx=sum(r.non_2xx for r in runs),
            not_modified=sum(r.not_modified for r in runs),
            bytes_per_request=runs[0].bytes_per_request,
        )
        for key, runs in by_key.items()
    }


def explain_all(world: World) -> None:
    """Each hot read once through the test client, and EXPLAIN ANALYZE of every query it
    made (markdown, for docs/benchmarks.md)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from backend.accounts.models import User

    client = Client()
    client.force_login(
        User.objects.get(pk=world.me_id), backend="django.contrib.auth.backends.ModelBackend"
    )
    for endpoint in endpoints(world):
        if endpoint.conditional:
            continue
        client.get(endpoint.path)  # warm
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(endpoint.path)
        assert answer.status_code == 200, answer.content[:300]
        out(f"\n### {endpoint.label}: {len(queries)} queries\n")
        for query in queries.captured_queries:
            sql = query["sql"]
            if sql.startswith(("SAVEPOINT", "RELEASE")):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING ON, SUMMARY ON) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            out("```")
            out(sql[:600] + (" …" if len(sql) > 600 else ""))
            out("")
            out("\n".join(plan))
            out("```")


def main() -> None:
    args = parse_args()
    if not (ROOT / ".venv" / "bin" / "gunicorn").exists():
        raise SystemExit("run `make .venv/.installed` first")
    ensure_database(args.database_url, rebuild=args.rebuild)
    setup_django(args)
    ensure_world(args.size)
    world = load_world()
    if args.explain:
        explain_all(world)
        return

    RESULTS.mkdir(parents=True, exist_ok=True)
    log_path = Path(tempfile.mkstemp(prefix="shoulder-bench-api-", suffix=".log")[1])
    server = start_server(args, log_path)
    try:
        chosen = [e for e in endpoints(world) if not args.only or e.key in args.only.split(",")]
        out(f"warming up ({len(chosen) + 2} URLs)…")
        for endpoint in [*FLOORS, *chosen]:
            measure(args, world, endpoint, 1)
        # In rounds (--rounds): the floors and every endpoint again each round, so a machine
        # whose load drifts over minutes weighs on both sides of each ratio alike.
        rounds: list[list[Result]] = []
        for number in range(args.rounds):
            this_round = [measure(args, world, e, args.duration) for e in [*FLOORS, *chosen]]
            rounds.append(this_round)
            summary = ", ".join(f"{r.key} {r.rps:.0f}" for r in this_round)
            out(f"  round {number + 1}/{args.rounds} (req/s): {summary}")
        if args.rounds == 1:  # the floors again after the endpoints
            rounds.append([measure(args, world, f, args.duration) for f in FLOORS])
    finally:
        stop_server(server)

    merged = merge_rounds(rounds)
    floors_before, floors_after = rounds[0][: len(FLOORS)], rounds[-1][: len(FLOORS)]
    results = [merged[e.key] for e in chosen]
    bare = merged["bare"].rps
    signed_in = merged["signed_in"].rps
    other_path = RESULTS / f"api-{'large' if args.size == 'small' else 'small'}.json"
    other = json.loads(other_path.read_text()) if other_path.exists() and not args.only else None
    out("")
    out(
        f"Hot API reads, {args.size} world, wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s x {args.rounds} round(s), gunicorn --workers 2 --threads 4, "
        "PostgreSQL + Redis"
    )
    out(
        f"floors: bare {floors_before[0].rps:.0f} → {floors_after[0].rps:.0f} req/s, "
        f"signed-in {floors_before[1].rps:.0f} → {floors_after[1].rps:.0f} req/s "
        f"(signed-in ÷ bare {signed_in / bare:.2f})"
    )
    out("")
    for line in ratio_table(results, bare, signed_in, other):
        out(line)
    if other:
        out(
            f"(cost vs other size: this run's time per request ÷ the {other['size']} run's, "
            "each per its signed-in floor)"
        )
    if any(r.non_2xx - r.not_modified for r in results):
        out("SOME ANSWERS WERE NOT 2xx/304: see the non-2xx column and " + str(log_path))
    if not args.only:
        (RESULTS / f"api-{args.size}.json").write_text(
            json.dumps(
                {
                    "size": args.size,
                    "label": args.label,
                    "bare_floor": bare,
                    "signed_in_floor": signed_in,
                    "results": [asdict(r) for r in results],
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()

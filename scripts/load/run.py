"""`make load`: a bounded load test of `make cluster`, then the books checked.

    .venv/bin/python scripts/load/run.py [--users 100] [--duration 120] [--spawn-rate 10]

Starts its own cluster (deploy/cluster.sh: nginx on 127.0.0.1:9780 in front of gunicorns on
9781 and 9782, a worker per queue, PostgreSQL database `shoulder_load` made afresh, Redis
db 7; LOAD_* variables below change them) and a push service on 127.0.0.1:9790 that records
every push; seeds `--users` people in circles of 10, each with a phone subscribed there; runs
locust headless (`--users` simulated people for `--duration` seconds through home, reach out,
answer, close, note, react, nudge); waits for every push that is due; then checks, from the
database and the push service:

- 0 server errors (5xx, or a connection the proxy dropped),
- every check-in, answer, note and reaction a client got a 2xx for is stored exactly once,
- every push due was delivered exactly once, and no push went to anyone outside its audience,

prints throughput, p50/p95/p99 per operation and those checks, and exits 1 if a check fails.
The throttles are raised for the run through the documented settings (`THROTTLE_RATES`,
`NUDGES_PER_RECIPIENT_PER_DAY`, `AFTERMATH_WRITE_RATE`): 100 people acting every second or
two would otherwise meet the per-person limits within a minute.
"""

import argparse
import contextlib
import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.load.push_service import PushService  # noqa: E402
from scripts.load.seed import Person, seed, write_people  # noqa: E402

# The throttles, raised for a load of people acting every second or two (README: settings).
LOAD_LIMITS = {
    "THROTTLE_RATES": "user_or_ip=100000/min,checkin_create=100000/hour,nudge=100000/day",
    "NUDGES_PER_RECIPIENT_PER_DAY": "100000",
    "AFTERMATH_WRITE_RATE": "100000/hour",
}
ASK_KINDS = {"reach_out", "check_on_me", "nudge"}
OPERATIONS = ["home", "reach out", "answer", "close", "note", "notes", "react", "nudge"]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as res:  # noqa: S310 (our own cluster)
            return bool(res.status == 200)
    except OSError:
        return False


class Cluster:
    """deploy/cluster.sh on ports and a database of its own, stopped by stop()."""

    def __init__(
        self,
        *,
        port: int,
        app_ports: list[int],
        database_url: str,
        redis_url: str,
        var: Path,
        secret_key: str,
        env: dict[str, str] | None = None,
    ) -> None:
        self.port, self.app_ports, self.var = port, app_ports, var
        self.env = {
            **os.environ,
            **LOAD_LIMITS,
            **(env or {}),
            "CLUSTER_PORT": str(port),
            "CLUSTER_APP_PORTS": " ".join(map(str, app_ports)),
            "CLUSTER_DATABASE_URL": database_url,
            "CLUSTER_REDIS_URL": redis_url,
            "CLUSTER_VAR": str(var),
            "LOG_LEVEL": "WARNING",
        }
        self.secret_key = secret_key
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 600) -> None:
        self.var.mkdir(parents=True, exist_ok=True)
        # Sessions the seed makes are signed with the cluster's key: one key for both.
        (self.var / "secret_key").write_text(self.secret_key + "\n")
        log = open(self.var / "cluster.log", "wb")  # noqa: SIM115 (the cluster's lifetime)
        self.process = subprocess.Popen(
            [str(ROOT / "deploy" / "cluster.sh")],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while not _answers(f"{self.url}/healthz"):
            if self.process.poll() is not None:
                raise RuntimeError(f"the cluster exited; see {self.var}/cluster.log")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the cluster did not answer in {timeout:.0f} s")
            time.sleep(1)

    def processes(self) -> list[Any]:
        import psutil

        if self.process is None:
            return []
        try:
            return list(psutil.Process(self.process.pid).children(recursive=True))
        except psutil.NoSuchProcess:
            return []

    def gunicorn(self, port: int) -> list[Any]:
        """One gunicorn instance: its master and its workers."""
        for proc in self.processes():
            try:
                line = " ".join(proc.cmdline())
                if (
                    "gunicorn" in line
                    and f"127.0.0.1:{port}" in line
                    and "keep-running" not in line
                ):
                    parent = proc.parent()  # the master's is keep-running.sh
                    if parent is not None and "keep-running" in " ".join(parent.cmdline()):
                        return [proc, *proc.children(recursive=True)]
            except Exception:  # noqa: S112 (a process that just ended)
                continue
        raise LookupError(f"no gunicorn on port {port}")

    def worker(self, queue: str) -> Any:
        for proc in self.processes():
            try:
                line = " ".join(proc.cmdline())
            except Exception:  # noqa: S112
                continue
            wanted = "manage.py worker" in line and f"--queue-name={queue}" in line
            if wanted and "python" in line and "keep-running" not in line:
                return proc
        raise LookupError(f"no worker for the {queue} queue")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        leftovers = self.processes()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
        for proc in leftovers:  # anything the script could not stop (a SIGKILL orphan)
            with contextlib.suppress(Exception):
                proc.kill()


def recreate_database(url: str) -> None:
    base, name = url.rsplit("/", 1)
    for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", f"{base}/postgres", "-qc", sql], check=True)


def run_locust(
    *, host: str, people_file: Path, ledger: Path, csv_prefix: Path, users: int, seconds: int,
    spawn_rate: float,
) -> subprocess.Popen[bytes]:  # fmt: skip
    env = {**os.environ, "LOAD_PEOPLE": str(people_file), "LOAD_LEDGER": str(ledger)}
    command = [
        str(Path(sys.executable).parent / "locust"),
        "-f", str(ROOT / "scripts" / "load" / "locustfile.py"),
        "--headless", "--host", host, "--users", str(users), "--spawn-rate", str(spawn_rate),
        "--run-time", f"{seconds}s", "--stop-timeout", "10", "--csv", str(csv_prefix),
        "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env)


def settle(timeout: float = 240) -> dict[str, int]:
    """Wait until no push that is due is still waiting or being sent; returns the statuses."""
    from django.db.models import Q
    from django.utils import timezone

    from backend.notifications.models import Delivery

    deadline = time.monotonic() + timeout
    while True:
        now = timezone.now()
        waiting = Delivery.objects.filter(
            Q(status="sending") | Q(status="pending", next_attempt_at__lte=now)
        ).count()
        if not waiting or time.monotonic() > deadline:
            break
        time.sleep(1)
    return dict(Counter(Delivery.objects.values_list("status", flat=True)))


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)  # each check's count
    info: dict[str, int] = field(default_factory=dict)  # what happened, for the record

    def check(self, label: str, bad: int, detail: str = "") -> None:
        self.numbers[label] = bad
        self.lines.append(f"  {label:<58} {bad:>6}   {'ok' if not bad else 'FAIL'} {detail}")
        if bad:
            self.failures.append(f"{label}: {bad} {detail}")


def read_ledger(path: Path) -> tuple[list[dict[str, Any]], Counter[tuple[str, int]]]:
    entries, statuses = [], Counter[tuple[str, int]]()
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        if entry["op"] == "status":
            statuses[(entry["name"], entry["code"])] += entry["n"]
        else:
            entries.append(entry)
    return entries, statuses


def check_books(
    *, people: list[Person], service: PushService, ledger: Path, server_errors_allowed: int = 0
) -> Report:
    """The load's checks, from the database and the push service."""
    from django.db.models import Q
    from django.utils import timezone

    from backend.aftermath.models import AftermathNote, Reaction
    from backend.checkins.models import AudienceMember, CheckIn
    from backend.checkins.models import Response as Answer
    from backend.notifications.models import Delivery

    report = Report()
    entries, statuses = read_ledger(ledger)
    by_op: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        by_op[entry["op"]].append(entry)

    errors = sum(n for (_, code), n in statuses.items() if code >= 500 or code == 0)
    report.info["server errors seen"] = errors
    report.check(
        "server errors (5xx, or dropped by the proxy)",
        max(0, errors - server_errors_allowed),
        f"({errors} seen, {server_errors_allowed} allowed)" if server_errors_allowed else "",
    )

    # Check-ins (reach-outs and nudges): each acknowledged one stored once, for its key.
    acked = by_op["checkin"]
    ids = {e["id"] for e in acked}
    stored = set(CheckIn.objects.filter(pk__in=ids).values_list("pk", flat=True))
    report.check("check-ins acknowledged but not stored", len(ids - {str(i) for i in stored}))
    keys = [e["key"] for e in acked]
    per_key = Counter(CheckIn.objects.filter(idempotency_key__in=keys).values_list(
        "requester_id", "idempotency_key"))  # fmt: skip
    report.check("check-ins stored more than once", sum(n - 1 for n in per_key.values()))
    key_ids: dict[str, set[str]] = defaultdict(set)
    for e in acked:
        key_ids[e["key"]].add(e["id"])
    report.check("one key answered with two check-ins", sum(len(v) > 1 for v in key_ids.values()))

    # Answers: what is stored is the last acknowledged answer of each person, or one they
    # tried after it and never heard back about; and it is stored once.
    def replaced(op: str, key: tuple[str, str]) -> tuple[dict[tuple[str, str], str], Any]:
        last: dict[tuple[str, str], dict[str, Any]] = {}
        for e in by_op[op]:
            last[(e[key[0]], e[key[1]])] = e
        later: dict[tuple[str, str], set[str]] = defaultdict(set)
        for e in by_op[f"{op} try"]:
            k = (e[key[0]], e[key[1]])
            if k in last and e["t"] >= last[k]["t"]:
                later[k].add(e[key[2]])
        return {k: e[key[2]] for k, e in last.items()}, later

    answered, later_answers = replaced("answer", ("checkin", "responder", "answer"))
    rows = Counter(Answer.objects.filter(checkin_id__in={c for c, _ in answered}).values_list(
        "checkin_id", "responder_id", "answer"))  # fmt: skip
    stored_answers = {(str(c), str(r)): a for (c, r, a) in rows}
    report.check(
        "answers acknowledged but not stored as answered",
        sum(stored_answers.get(k) not in {a, *later_answers[k]} for k, a in answered.items()),
    )
    report.check("answers stored more than once", sum(n - 1 for n in rows.values()))

    # Notes: each acknowledged note's token is in exactly one stored note.
    bodies = AftermathNote.objects.filter(body__contains="[").values_list("body", flat=True)
    tokens = Counter(m for body in bodies for m in re.findall(r"\[([0-9a-f]{32})\]", body))
    report.check(
        "notes acknowledged but not stored", sum(not tokens[e["token"]] for e in by_op["note"])
    )
    report.check("notes stored more than once", sum(n - 1 for n in tokens.values() if n > 1))

    # Reactions: likewise, the last acknowledged kind (or a later try) of each person.
    reacted, later_reactions = replaced("reaction", ("note", "user", "kind"))
    stored_reactions = {
        (str(n), str(u)): k
        for n, u, k in Reaction.objects.filter(note_id__in={n for n, _ in reacted}).values_list(
            "note_id", "user_id", "kind")
    }  # fmt: skip
    report.check(
        "reactions acknowledged but not stored",
        sum(stored_reactions.get(k) not in {v, *later_reactions[k]} for k, v in reacted.items()),
    )

    # Pushes: every delivery row that is due went out exactly once, to its own person.
    phones = {p.phone.path: p for p in people if p.phone}
    received: Counter[tuple[str, str]] = Counter()
    payloads: dict[tuple[str, str], dict[str, Any]] = {}
    for receipt in service.accepted():
        person = phones.get(receipt.path)
        if person is None or person.phone is None:
            continue
        payload = person.phone.decrypt(receipt.body)
        key = (receipt.path, payload["notification_id"])
        received[key] += 1
        payloads[key] = payload
    deliveries = list(
        Delivery.objects.select_related("notification", "subscription").values_list(
            "status", "notification_id", "notification__user_id", "notification__kind",
            "subscription__endpoint",
        )
    )  # fmt: skip
    delivered = {
        (urlsplit(endpoint).path, str(nid))
        for status, nid, _, _, endpoint in deliveries
        if status == "delivered" and endpoint
    }
    statuses_db = Counter(status for status, *_ in deliveries)
    report.info["pushes delivered"] = len(delivered)
    report.info["pushes cancelled (no longer wanted)"] = statuses_db.get("cancelled", 0)
    now = timezone.now()
    overdue = Delivery.objects.filter(
        Q(status__in=("sending", "failed")) | Q(status="pending", next_attempt_at__lte=now)
    ).count()
    report.info["pushes waiting for a person's quiet hours to end"] = Delivery.objects.filter(
        status="pending", next_attempt_at__gt=now
    ).count()
    report.check("pushes due but not delivered (pending, sending, failed)", overdue)
    report.check("pushes marked delivered the service never got", len(delivered - set(received)))
    report.check("pushes the service got that no delivery row sent", len(set(received) - delivered))
    report.check("pushes delivered more than once", sum(n - 1 for n in received.values() if n > 1))

    # Audience: the phone's owner is the notification's person, and that person is in the
    # check-in's audience (asks), its requester (answers), or was there (notes, closing).
    owner_of = {str(nid): str(uid) for _, nid, uid, _, _ in deliveries}
    checkin_ids = {p.get("checkin_id") for p in payloads.values() if p.get("checkin_id")}
    audience = set(AudienceMember.objects.filter(checkin_id__in=checkin_ids).values_list(
        "checkin_id", "user_id"))  # fmt: skip
    audience = {(str(c), str(u)) for c, u in audience}
    requester = {str(c): str(r) for c, r in CheckIn.objects.filter(
        pk__in=checkin_ids).values_list("pk", "requester_id")}  # fmt: skip
    misdirected = 0
    for (path, nid), payload in payloads.items():
        person = phones[path].id
        if owner_of.get(nid) != person:
            misdirected += 1
            continue
        checkin = payload.get("checkin_id")
        kind = payload.get("kind")
        if not checkin:
            continue
        there = (checkin, person) in audience or requester.get(checkin) == person
        if kind in ASK_KINDS or kind == "checkin_closed":
            ok = (checkin, person) in audience and requester.get(checkin) != person
        elif kind == "response":
            ok = requester.get(checkin) == person
        else:
            ok = there
        misdirected += not ok
    report.check("pushes to someone outside the audience", misdirected)
    for op in ("checkin", "answer", "close", "note", "reaction"):
        report.info[f"acknowledged {op}s"] = len(by_op[op])
    return report


def stats_table(csv_prefix: Path, seconds: float) -> list[str]:
    rows = list(csv.DictReader(open(f"{csv_prefix}_stats.csv")))  # noqa: SIM115
    lines = [
        f"  {'operation':<14} {'requests':>9} {'fails':>6} {'req/s':>7} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}"
    ]
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all"
        lines.append(
            f"  {name:<14} {row['Request Count']:>9} {row['Failure Count']:>6} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7} "
            f"{float(row['Max Response Time']):>7.0f}"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=int(os.environ.get("LOAD_USERS", "100")))
    parser.add_argument(
        "--duration", type=int, default=int(os.environ.get("LOAD_DURATION", "120")),
        help="seconds of load (default 120)",
    )  # fmt: skip
    parser.add_argument("--spawn-rate", type=float, default=10)
    args = parser.parse_args()

    var = ROOT / "var" / "load"
    var.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get(
        "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/shoulder_load"
    )
    redis_url = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/7")
    port = int(os.environ.get("LOAD_PORT", "9780"))
    push_port = int(os.environ.get("LOAD_PUSH_PORT", "9790"))
    secret_file = var / "secret_key"
    if not secret_file.exists():
        import secrets

        secret_file.write_text(secrets.token_urlsafe(50))
    secret_key = secret_file.read_text().strip()
    # This process seeds and checks through the ORM, on the cluster's database and key.
    os.environ.update(
        DATABASE_URL=database_url, REDIS_URL=redis_url, SECRET_KEY=secret_key,
        SHOULDER_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="backend.settings",
        LOG_LEVEL="WARNING",
    )  # fmt: skip

    recreate_database(database_url)
    service = PushService(push_port).start()
    cluster = Cluster(
        port=port,
        app_ports=[port + 1, port + 2],
        database_url=database_url,
        redis_url=redis_url,
        var=var / "cluster",
        secret_key=secret_key,
    )
    try:
        print(f"Starting the cluster on {cluster.url} (logs in {cluster.var})...", flush=True)
        cluster.start()
        import django

        django.setup()
        started = time.monotonic()
        people = seed(people=args.users, circle_size=10, push_base=service.base)
        print(f"Seeded {len(people)} people in {time.monotonic() - started:.1f} s.", flush=True)
        people_file, ledger, csv_prefix = var / "people.json", var / "ledger.jsonl", var / "stats"
        write_people(people, people_file)
        print(f"Load: {args.users} people for {args.duration} s...", flush=True)
        locust = run_locust(
            host=cluster.url, people_file=people_file, ledger=ledger, csv_prefix=csv_prefix,
            users=args.users, seconds=args.duration, spawn_rate=args.spawn_rate,
        )  # fmt: skip
        locust.wait(args.duration + 120)
        settled_in = time.monotonic()
        settle()
        settled_in = time.monotonic() - settled_in
        report = check_books(people=people, service=service, ledger=ledger)
        from django.db import connection

        print(
            f"\nShoulder load: {args.users} people, {args.duration} s, nginx -> 2 gunicorn "
            f"(2 workers x 4 threads each) + 2 task workers, {connection.vendor}, "
            f"{os.cpu_count()} CPUs\n"
        )
        print("\n".join(stats_table(csv_prefix, args.duration)))
        print(f"\n  pushes settled {settled_in:.1f} s after the load ended")
        for name, value in report.info.items():
            print(f"  {name}: {value}")
        print("\nChecks (each must be 0):")
        print("\n".join(report.lines))
        print(
            "\nALL CHECKS PASSED"
            if not report.failures
            else "\nFAILED: " + "; ".join(report.failures)
        )
        return 1 if report.failures else 0
    finally:
        cluster.stop()
        service.stop()


if __name__ == "__main__":
    sys.exit(main())

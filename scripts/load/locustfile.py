"""The people of `make load`: each simulated person signs in with a seeded app session and
goes through the moments of the app in a loop — opens home, reaches out, answers a friend who
asks, closes their own ask ("I'm okay now"), writes a note afterwards, reacts to one, nudges a
friend and answers nudges.

Every write a client got a 2xx for goes into a ledger (LOAD_LEDGER, JSON lines) that
scripts/load/run.py checks against the database; every status code is counted per operation.
Run by scripts/load/run.py (`make load`), not on its own.
"""

import json
import os
import random
import threading
import time
import uuid
from collections import Counter
from typing import Any

from locust import FastHttpUser, between, events, task

API = "/api/v1"
PEOPLE: list[dict[str, Any]] = json.loads(open(os.environ["LOAD_PEOPLE"]).read())  # noqa: SIM115
_next_person = iter(range(len(PEOPLE)))
_lock = threading.Lock()
LEDGER: list[dict[str, Any]] = []
STATUSES: Counter[tuple[str, int]] = Counter()
# A request the proxy could not finish (an app server died under it) is tried again when
# that is safe: check-ins carry an idempotency key, an answer replaces the earlier one.
RETRYABLE = {0, 502, 503, 504}
ANSWERS = ["on_my_way", "calling", "texting", "cant_right_now"]
NUDGE_ANSWERS = ["okay", "heavy", "need_you"]
REACTIONS = ["hug", "tears", "me_too", "heart"]
MODES = ["come_over", "call", "text", "sit_with_me"]


def record(**entry: Any) -> None:
    with _lock:
        LEDGER.append({**entry, "t": time.time()})


class Person(FastHttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        with _lock:
            self.me = PEOPLE[next(_next_person) % len(PEOPLE)]
        self.headers = {"X-Session-Token": self.me["token"], "Content-Type": "application/json"}
        self.home: dict[str, Any] = {}
        self.finished: list[str] = []  # check-ins I was in that are closed: notes go here
        self.notes: list[str] = []

    def _call(
        self, method: str, path: str, name: str, body: Any = None, *, retry: bool = False
    ) -> tuple[int, Any]:
        data = json.dumps(body) if body is not None else None
        for attempt in range(4 if retry else 1):
            with self.client.request(
                method, path, name=name, data=data, headers=self.headers, catch_response=True
            ) as res:
                code = res.status_code or 0
                with _lock:
                    STATUSES[(name, code)] += 1
                if code >= 500 or code == 0:
                    res.failure(f"{code}")
                else:
                    res.success()  # a 4xx is an answer (409 already closed…), not an error
                if code not in RETRYABLE or attempt == 3:
                    try:
                        return code, res.json() if res.content else None
                    except ValueError:
                        return code, None
            time.sleep(0.5)
        return 0, None

    @task(8)
    def open_home(self) -> None:
        code, body = self._call("GET", f"{API}/home/", "home")
        if code == 200:
            self.home = body

    @task(2)
    def reach_out(self) -> None:
        if self.home.get("my_open_checkin"):
            return
        key = uuid.uuid4().hex
        code, body = self._call(
            "POST",
            f"{API}/checkins/",
            "reach out",
            {
                "kind": "reach_out",
                "circle": self.me["circle"],
                "mode": random.choice(MODES),
                "just_listen": True,
                "idempotency_key": key,
            },
            retry=True,
        )
        if code in (200, 201):
            record(op="checkin", id=body["id"], key=key, requester=self.me["id"])
            self.home["my_open_checkin"] = body

    @task(4)
    def answer(self) -> None:
        asking = [c for c in self.home.get("asking_me", []) if c["status"] in ("open", "answered")]
        if not asking:
            return
        checkin = random.choice(asking)
        answer = random.choice(ANSWERS)
        # Tried before it is sent: an answer the client never hears back about (the run ended,
        # the connection dropped) may still be stored, replacing the one acknowledged before.
        record(op="answer try", checkin=checkin["id"], responder=self.me["id"], answer=answer)
        code, _ = self._call(
            "POST",
            f"{API}/checkins/{checkin['id']}/responses/",
            "answer",
            {"answer": answer},
            retry=True,
        )
        if code in (200, 201):
            record(op="answer", checkin=checkin["id"], responder=self.me["id"], answer=answer)
            self.finished.append(checkin["id"])
            self.home["asking_me"] = [c for c in asking if c["id"] != checkin["id"]]

    @task(2)
    def close(self) -> None:
        mine = self.home.get("my_open_checkin")
        if not mine:
            return
        code, _ = self._call("POST", f"{API}/checkins/{mine['id']}/close/", "close")
        if code in (200, 409):  # 409: closed already (a retry after a lost answer)
            if code == 200:
                record(op="close", checkin=mine["id"])
            self.finished.append(mine["id"])
            self.home["my_open_checkin"] = None

    @task(2)
    def write_note(self) -> None:
        if not self.finished:
            return
        checkin = random.choice(self.finished[-5:])
        token = uuid.uuid4().hex
        # Not retried: a note has no idempotency key, so a lost answer may mean it was stored.
        code, body = self._call(
            "POST",
            f"{API}/checkins/{checkin}/notes/",
            "note",
            {"body": f"You were there. [{token}]"},
        )
        if code == 201:
            record(op="note", id=body["id"], token=token, checkin=checkin, author=self.me["id"])
            self.notes.append(body["id"])

    @task(2)
    def react(self) -> None:
        if not self.finished:
            return
        checkin = random.choice(self.finished[-5:])
        code, body = self._call("GET", f"{API}/checkins/{checkin}/notes/", "notes")
        if code != 200 or not body.get("results"):
            return
        note = random.choice(body["results"])
        kind = random.choice(REACTIONS)
        record(op="reaction try", note=note["id"], user=self.me["id"], kind=kind)
        code, _ = self._call(
            "PUT", f"{API}/notes/{note['id']}/reaction/", "react", {"kind": kind}, retry=True
        )
        if code in (200, 201):
            record(op="reaction", note=note["id"], user=self.me["id"], kind=kind)

    @task(1)
    def nudge(self) -> None:
        friend = random.choice(self.me["members"])
        key = uuid.uuid4().hex
        code, body = self._call(
            "POST",
            f"{API}/checkins/",
            "nudge",
            {
                "kind": "nudge",
                "circle": self.me["circle"],
                "audience": [friend],
                "idempotency_key": key,
            },
            retry=True,
        )
        if code in (200, 201):
            record(op="checkin", id=body["id"], key=key, requester=self.me["id"])

    @task(2)
    def answer_nudge(self) -> None:
        nudges = [c for c in self.home.get("pending_nudges", []) if c["status"] == "open"]
        if not nudges:
            return
        nudge = random.choice(nudges)
        answer = random.choice(NUDGE_ANSWERS)
        record(op="answer try", checkin=nudge["id"], responder=self.me["id"], answer=answer)
        code, _ = self._call(
            "POST",
            f"{API}/checkins/{nudge['id']}/responses/",
            "answer nudge",
            {"answer": answer},
            retry=True,
        )
        if code in (200, 201):
            record(op="answer", checkin=nudge["id"], responder=self.me["id"], answer=answer)
            self.home["pending_nudges"] = [c for c in nudges if c["id"] != nudge["id"]]


@events.quitting.add_listener
def _write_ledger(environment: Any, **_: Any) -> None:
    with open(os.environ["LOAD_LEDGER"], "w") as out:
        for entry in LEDGER:
            out.write(json.dumps(entry) + "\n")
        for (name, code), count in sorted(STATUSES.items()):
            out.write(json.dumps({"op": "status", "name": name, "code": code, "n": count}) + "\n")

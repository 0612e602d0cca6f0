"""#11 item 18: the same `idempotency_key` sent again — twice in a row by an offline retry, or
many times at once by a flaky network — answers with the one check-in it made (201 once,
200 after), never 409 `open_reach_out_exists` for the person's own reach-out."""

import threading
from typing import Any

import pytest
from django.db import connection

from backend.checkins.models import AudienceMember, CheckIn
from tests.checkins.conftest import CHECKINS
from tests.common.helpers import client_for, post
from tests.common.world import CircleWorld, circle_world
from tests.conftest import error_codes

AT_ONCE = 12


def _ask(client: Any, world: CircleWorld, key: str, **body: Any) -> Any:
    payload = {
        "kind": "reach_out",
        "circle": str(world.circle.pk),
        "mode": "come_over",
        "idempotency_key": key,
        **body,
    }
    return post(client, CHECKINS, payload)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's concurrent transactions; SQLite serialises writers "
    "(see test_double_submit_answers_the_same_checkin)",
)
@pytest.mark.django_db(transaction=True)
def test_the_same_key_at_once_answers_the_same_checkin() -> None:
    world = circle_world(members=2)
    clients = [client_for(world.owner) for _ in range(AT_ONCE)]
    barrier = threading.Barrier(AT_ONCE)
    results: list[tuple[int, Any]] = []
    lock = threading.Lock()

    def run(client: Any) -> None:
        try:
            barrier.wait()
            res = _ask(client, world, "tap-tap-tap")
            with lock:
                results.append((res.status_code, res.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * (AT_ONCE - 1) + [201], results
    assert {body["id"] for _, body in results} == {str(CheckIn.objects.get().pk)}
    assert AudienceMember.objects.count() == 2


@pytest.mark.django_db
def test_double_submit_answers_the_same_checkin() -> None:
    world = circle_world(members=2)
    client = world.client(world.owner)
    first = _ask(client, world, "double-tap")
    again = _ask(client, world, "double-tap", mode="call")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["mode"] == "come_over"
    # A different key while that one is open is a second reach-out: refused, naming it.
    other = _ask(client, world, "another-moment")
    assert other.status_code == 409
    assert error_codes(other) == ["open_reach_out_exists"]
    assert other.json()["checkin_id"] == first.json()["id"]
    # Closed, the retry still answers with the same one rather than asking again.
    post(client, f"{CHECKINS}{first.json()['id']}/close/", expect=200)
    late = _ask(client, world, "double-tap")
    assert (late.status_code, late.json()["id"]) == (200, first.json()["id"])
    assert CheckIn.objects.count() == 1

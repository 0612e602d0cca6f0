"""Found by `make load`: two friends reaching out at once deadlocked (a 500 for one of them).

A reach-out locks its requester's row (`_lock_people`, so one person's creates queue up) and
inserts rows that point at the friends it asks (audience, notifications). PostgreSQL checks
those foreign keys at COMMIT by taking a KEY SHARE lock on each friend's row — which a
`FOR UPDATE` lock on that friend (their own reach-out, at the same moment) blocks. Two such
creates wait for each other: "deadlock detected". The person lock only needs to serialize
the creates, so it is `FOR NO KEY UPDATE`, which a KEY SHARE does not wait for.

Deterministic here: another transaction holds the friend's person lock while the reach-out
commits; with `lock_timeout` the commit fails at once if it has to wait for it.
"""

import threading

import pytest
from django.db import connection, transaction

from backend.checkins.services import _lock_people
from tests.common.world import circle_world

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(60),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's row locks: DATABASE_URL=postgres"
    ),
]


def test_a_reach_out_commits_while_the_friend_it_asks_holds_their_person_lock() -> None:
    world = circle_world(members=1)
    friend = world.members[0]
    holding, release = threading.Event(), threading.Event()

    def friend_reaching_out() -> None:
        try:
            with transaction.atomic():
                _lock_people(requester=friend, kind="reach_out", audience=None)
                holding.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=friend_reaching_out)
    thread.start()
    try:
        assert holding.wait(30)
        client = world.client(world.owner)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
        res = client.post(
            "/api/v1/checkins/",
            {"kind": "reach_out", "circle": str(world.circle.pk), "mode": "call"},
            content_type="application/json",
        )
        assert res.status_code == 201, res.content
    finally:
        release.set()
        thread.join(30)
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")

import threading
from typing import Any

import pytest
from django.db import connection

from backend.circles import services
from backend.circles.models import Invite, InviteAcceptance, Membership
from tests.common.helpers import client_for, post
from tests.common.world import make_circle

ACCEPTORS = 20


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL row locks; SQLite serialises writers "
    "(see test_double_accept_of_a_single_use_invite)",
)
@pytest.mark.django_db(transaction=True)
def test_twenty_people_accepting_the_last_use_at_once(make_user: Any) -> None:
    owner = make_user(display_name="Owner")
    circle = make_circle(owner)
    token = services.invite_create(circle=circle, created_by=owner).token
    clients = [client_for(make_user()) for _ in range(ACCEPTORS)]
    barrier = threading.Barrier(ACCEPTORS)
    results: list[tuple[int, Any]] = []
    lock = threading.Lock()

    def run(client: Any) -> None:
        try:
            barrier.wait()
            res = post(client, f"/api/v1/invites/{token}/accept/")
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
    assert statuses == [201] + [410] * (ACCEPTORS - 1), results
    assert all(
        body["errors"][0]["code"] == "invite_used_up" for status, body in results if status == 410
    )
    assert Membership.objects.filter(circle=circle).count() == 2
    assert Invite.objects.get().use_count == 1
    assert InviteAcceptance.objects.count() == 1

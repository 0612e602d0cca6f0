"""A reach-out enqueues its pushes as one task in one INSERT, however many friends it asks."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from backend.notifications.conf import ASKS_QUEUE
from backend.notifications.models import Delivery
from tests.checkins.conftest import DELIVER, DELIVER_BATCH, reach_out

pytestmark = pytest.mark.django_db


def _push_task_inserts(queries: list[dict[str, Any]]) -> int:
    table = DBTaskResult._meta.db_table
    return sum(
        q["sql"].startswith("INSERT") and table in q["sql"] and DELIVER in q["sql"] for q in queries
    )


@pytest.mark.parametrize("friends", [1, 11])
def test_a_reach_out_enqueues_every_push_in_one_task(
    make_world: Any, django_capture_on_commit_callbacks: Any, friends: int
) -> None:
    world = make_world(members=friends, devices=True)
    with (
        CaptureQueriesContext(connection) as ctx,
        django_capture_on_commit_callbacks(execute=True),
    ):
        reach_out(world, expect=201)
    assert _push_task_inserts(ctx.captured_queries) == 1
    assert not DBTaskResult.objects.filter(task_path=DELIVER).exists()
    # One task for all the friends' devices (it was one task per device).
    [task] = DBTaskResult.objects.filter(task_path=DELIVER_BATCH)
    deliveries = Delivery.objects.values_list("pk", flat=True)
    assert sorted(task.args_kwargs["args"][0]) == sorted(str(pk) for pk in deliveries)
    assert len(deliveries) == friends
    # The row the backend's own enqueue writes: ready now, in the asks queue.
    assert task.queue_name == ASKS_QUEUE
    assert list(DBTaskResult.objects.ready().filter(task_path=DELIVER_BATCH)) == [task]
    assert task.task.run_after is None

"""#11 item 8: reach-out asks never wait behind bulk work. They (and the pushes that follow
them) go to the `asks` queue, which has a worker of its own in `make run` and the Procfile;
everything else stays in `default`."""

import re
import signal
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from backend.checkins.models import CheckIn
from backend.notifications.models import Delivery
from backend.notifications.tasks import deliver
from tests.checkins.conftest import CHECKINS, DELIVER, DELIVER_BATCH, reach_out
from tests.common.helpers import post
from tests.common.world import circle_world

ROOT = Path(__file__).resolve().parents[2]
BULK = 200


def _worker(queue_name: str) -> None:
    """`db_worker --queue-name=<queue> --batch` in this process, as `make run` starts it."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "db_worker", batch=True, queue_name=queue_name, startup_delay=False, verbosity=0
        )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _queues() -> list[str]:
    """The queue of each push task (one per `notify()` call), oldest first."""
    rows = DBTaskResult.objects.filter(task_path__in=[DELIVER, DELIVER_BATCH]).order_by(
        "enqueued_at"
    )
    return list(rows.values_list("queue_name", flat=True))


@pytest.mark.django_db(transaction=True)
def test_an_asks_worker_takes_the_ask_ahead_of_bulk_work() -> None:
    world = circle_world(members=1, devices=True)
    for _ in range(BULK):
        deliver.enqueue(str(uuid.uuid4()))  # bulk work, waiting in the default queue

    reach_out(world, expect=201)

    ask = Delivery.objects.get(notification__kind="reach_out")
    ask_task = DBTaskResult.objects.get(task_path=DELIVER_BATCH)
    assert ask_task.args_kwargs["args"] == [[str(ask.pk)]]
    assert ask_task.queue_name == "asks"
    _worker("asks")
    ask_task.refresh_from_db()
    assert ask_task.status == TaskResultStatus.SUCCESSFUL
    ask.refresh_from_db()
    # It was tried (the test's device refuses connections, so it waits for a retry).
    assert ask.attempts == 1
    # The bulk work is still waiting for the default queue's worker, untouched.
    assert DBTaskResult.objects.ready().filter(queue_name="default").count() == BULK


@pytest.mark.django_db
def test_what_follows_an_ask_goes_to_the_asks_queue_and_the_rest_to_default(
    django_capture_on_commit_callbacks: Any,
) -> None:
    world = circle_world(members=2, devices=True)
    sam, kim = world.members
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(world, expect=201)
    assert _queues() == ["asks"]  # both friends' pushes in one task
    url = f"{CHECKINS}{res.json()['id']}/"
    with django_capture_on_commit_callbacks(execute=True):
        post(world.client(sam), f"{url}responses/", {"answer": "on_my_way"}, expect=201)
        post(world.client(world.owner), f"{url}close/", expect=200)
    # Sam's answer to the requester; the close to Sam and to Kim.
    assert _queues()[1:] == ["asks", "asks", "asks"]
    # "Nobody answered" is scheduled on asks; expiry and the morning's aftercare on default.
    advance = DBTaskResult.objects.filter(task_path="backend.checkins.transitions.advance")
    by_queue = sorted(advance.values_list("queue_name", flat=True))
    assert by_queue == ["asks", "default", "default"]

    # A nudge is not an ask: it waits in the default queue like any other push.
    with django_capture_on_commit_callbacks(execute=True):
        reach_out(world, kim, kind="nudge", mode=None, audience=[str(sam.pk)], expect=201)
    assert _queues()[-1] == "default"
    assert CheckIn.objects.count() == 2


def test_every_queue_has_a_worker_in_make_run_and_the_procfile() -> None:
    queues = set(settings.TASKS["default"]["QUEUES"])
    assert queues == {"default", "asks"}
    procfile = (ROOT / "Procfile").read_text()
    makefile = (ROOT / "Makefile").read_text()
    run_target = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    for text in (procfile, run_target):
        started = set(re.findall(r"manage.py worker --queue-name[= ]'?([\w*]+)'?", text))
        assert started == queues, text

"""`manage.py worker --threads N`: one process, N polling threads (a reach-out's pushes are
sent side by side instead of one after another)."""

import signal
import uuid
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks_db.models import DBTaskResult

from backend.notifications.tasks import deliver

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _signals_back() -> Any:
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_threads_run_every_queued_task_once() -> None:
    for _ in range(8):
        deliver.enqueue(str(uuid.uuid4()))  # no such delivery: each run answers "skipped"
    call_command(
        "worker",
        queue_name="*",
        batch=True,
        startup_delay=False,
        threads=3,
        worker_id="bench",
        verbosity=0,
    )
    rows = list(DBTaskResult.objects.all())
    assert len(rows) == 8
    assert {r.status for r in rows} == {"SUCCESSFUL"}
    assert {r.return_value for r in rows} == {"skipped"}
    workers = {wid for r in rows for wid in r.worker_ids}
    assert workers
    assert workers <= {"bench-0", "bench-1", "bench-2"}


def test_threads_must_be_positive() -> None:
    with pytest.raises(CommandError):
        call_command("worker", queue_name="*", batch=True, threads=0, verbosity=0)

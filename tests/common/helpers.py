"""Helpers the app test packages share (fixtures stay in `tests/conftest.py`)."""

import signal
from typing import Any

from django.core.management import call_command
from django.test import Client

from backend.accounts.models import User


def client_for(user: User | None) -> Client:
    """A browser-session client signed in as `user` (anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def post(
    client: Client, path: str, body: dict[str, Any] | None = None, *, expect: int | None = None
) -> Any:
    """POST JSON; with `expect`, a setup call that answers anything else fails right here."""
    res = client.post(path, body or {}, content_type="application/json")
    if expect is not None:
        assert res.status_code == expect, (res.status_code, res.content)
    return res


def run_db_worker() -> None:
    """`db_worker --batch --queue-name='*'` in this process, as `make run` runs it.

    The worker installs its own signal handlers; they are put back afterwards.
    """
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def add_totp(user: User) -> str:
    """A TOTP authenticator through allauth.mfa's own API (staff need a second factor before
    the admin opens); returns the secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def run_queued_tasks(task_path: str | None = None) -> list[Any]:
    """Run the queued tasks that are due now (only `task_path`'s, if given), as `db_worker`
    would; returns their results. `db_worker` itself closes the test's connection on
    PostgreSQL, so tests call the stored task directly. Tests that push pick their own
    task: push deliveries would try to reach a push service."""
    from django_tasks_db.models import DBTaskResult

    results = []
    ready = DBTaskResult.objects.ready()
    if task_path is not None:
        ready = ready.filter(task_path=task_path)
    for row in ready.order_by("enqueued_at"):
        results.append(row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"]))
        row.set_successful(None)
    return results


DELIVER = "backend.notifications.tasks.deliver"
DELIVER_BATCH = "backend.notifications.tasks.deliver_batch"


def queued_deliveries(*, ready_only: bool = False) -> list[str]:
    """The delivery ids waiting in push tasks: a `notify()` call's in one batch task, a
    retry's or a sweep's re-send in a `deliver` task of its own."""
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path__in=[DELIVER, DELIVER_BATCH])
    if ready_only:
        rows = rows & DBTaskResult.objects.ready()
    ids: list[str] = []
    for task_path, args_kwargs in rows.order_by("run_after", "enqueued_at").values_list(
        "task_path", "args_kwargs"
    ):
        [arg] = args_kwargs["args"]
        ids.extend(arg if task_path == DELIVER_BATCH else [arg])
    return ids

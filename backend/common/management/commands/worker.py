"""`manage.py worker`: django-tasks-db's `db_worker` that outlives a database restart.

`db_worker` exits on the first `OperationalError` (PostgreSQL restarting, a dropped
connection), and with it every reach-out stops. This one takes the same arguments
(`--queue-name`, `--interval`, `--batch`, …), and when the database goes away it closes the
connection, waits (1 s, 2 s, 4 s … at most 30 s) and goes on polling. A task interrupted that
way stays RUNNING, like one whose worker was killed: the deliveries' own rows and the sweeps
recover it (see notifications/tasks.py).
"""

import logging
import signal
import sys
import threading
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("backend.worker")

BACKOFF_START = 1.0
BACKOFF_MAX = 30.0


def _close_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # a dead connection may fail to close; it is dropped either way
            logger.debug("Closing a broken connection failed", exc_info=True)


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        delay = BACKOFF_START
        while self.running:
            started = time.monotonic()
            try:
                super().run()
                return  # --batch or --max-tasks: done
            except (OperationalError, InterfaceError) as exc:
                if time.monotonic() - started > BACKOFF_MAX:
                    delay = BACKOFF_START  # it had been working: this is a new outage
                first_line = next(iter(str(exc).strip().splitlines()), "")
                logger.warning(
                    "Database unavailable (%s: %s); worker %s retries in %.0f s",
                    type(exc).__name__,
                    first_line,
                    self.worker_id,
                    delay,
                )
                _close_connections()
                self.running_task = False
                self.startup_delay = False
                time.sleep(delay)  # SIGTERM here exits at once (db_worker's handler)
                delay = min(delay * 2, BACKOFF_MAX)


class Command(db_worker.Command):
    help = (
        "Run the database task worker (db_worker's arguments); it survives the database "
        "going away and coming back."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # A long-running worker: reloading on code changes (db_worker's default under DEBUG)
        # is db_worker's job while developing.
        parser.set_defaults(reload=False)
        parser.add_argument(
            "--threads",
            type=int,
            default=1,
            help=(
                "Tasks run at once in this process, each thread polling on its own (pushes wait "
                "on the network: the asks worker sends a reach-out's pushes side by side)."
            ),
        )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        # db_worker.Command.handle with our Worker; its argument checks, in the same order.
        if reload:
            raise CommandError("manage.py worker does not reload code: use db_worker --reload.")
        self.configure_logging(verbosity)
        if verbosity and not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stderr))
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        threads = int(options.get("threads", 1))
        if threads < 1:
            raise CommandError("--threads must be at least 1.")

        def make(n: int) -> ResilientWorker:
            return ResilientWorker(
                queue_names=queue_names,
                interval=interval,
                batch=batch,
                backend_name=backend_name,
                startup_delay=startup_delay,
                max_tasks=max_tasks,
                worker_id=worker_id if threads == 1 else f"{worker_id[:56]}-{n}",
                excluded_queue_names=excluded,
            )

        if threads == 1:
            worker = make(0)
            worker.configure_signals()
            worker.run()
            return
        run_threads([make(n) for n in range(threads)])


def run_threads(workers: list[ResilientWorker]) -> None:
    """Each worker polls in a thread of its own (its own database connection). The first
    SIGTERM/SIGINT lets every thread finish its task and stop; a second one exits at once."""

    def stop(signum: int, frame: FrameType | None) -> None:
        if not any(w.running for w in workers):
            sys.exit(1)
        logger.warning("Received %s - finishing the running tasks", signal.strsignal(signum))
        for w in workers:
            w.running = False
        if not any(w.running_task for w in workers):
            sys.exit(0)  # nothing to finish (the threads are sleeping or backing off)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT):
        signal.signal(sig, stop)

    def work(worker: ResilientWorker) -> None:
        try:
            worker.run()
        finally:
            _close_connections()

    pool = [threading.Thread(target=work, args=(w,), daemon=True) for w in workers]
    for thread in pool:
        thread.start()
    while any(thread.is_alive() for thread in pool):
        for thread in pool:
            thread.join(0.2)

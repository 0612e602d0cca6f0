"""Issue #11 item 10 (b): `make run` starts every task worker again when it dies, and the
workers it and the Procfile start are `manage.py worker` (which survives a database restart).
"""

import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEEP_RUNNING = ROOT / "scripts" / "keep-running.sh"
WORKER = re.compile(r"manage\.py\s+(db_worker|worker)\b")


def _wait_for(what: str, done: Callable[[], bool], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)  # real processes: there is no clock to freeze


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def test_keep_running_starts_a_dying_command_again_then_stops_it_once(tmp_path: Path) -> None:
    runs, terms = tmp_path / "runs", tmp_path / "terms"
    # Dies at once twice (a crash), then runs until it is told to stop.
    child = (
        "import pathlib, signal, sys, time\n"
        f"runs, terms = pathlib.Path({str(runs)!r}), pathlib.Path({str(terms)!r})\n"
        "with runs.open('a') as f: f.write('run\\n')\n"
        "if len(runs.read_text().splitlines()) < 3: sys.exit(3)\n"
        "def stop(*_):\n"
        "    with terms.open('a') as f: f.write('term\\n')\n"
        "    sys.exit(0)\n"
        "signal.signal(signal.SIGTERM, stop)\n"
        "time.sleep(60)\n"
    )
    supervisor = subprocess.Popen(
        [str(KEEP_RUNNING), sys.executable, "-c", child],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for("the third start", lambda: len(_lines(runs)) == 3)
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(15) == 0
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
    assert _lines(runs) == ["run"] * 3
    assert _lines(terms) == ["term"]  # told once, so a worker may finish its task
    assert supervisor.stderr is not None
    assert supervisor.stderr.read().count("exited with status 3") == 2


def _make_run_commands() -> list[str]:
    dry = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    script = re.sub(r"\\\n", " ", dry.stdout)
    commands = []
    for line in script.splitlines():
        if line.lstrip().startswith("#"):
            continue
        commands += [c.strip() for c in re.split(r"&&|&|;", line) if c.strip()]
    return commands


def test_make_run_supervises_every_task_worker() -> None:
    workers = [c for c in _make_run_commands() if WORKER.search(c)]
    assert workers, "make run starts no task worker"
    for command in workers:
        words = shlex.split(command)
        assert Path(words[0]).name == "keep-running.sh", command
        match = WORKER.search(command)
        assert match is not None
        assert match.group(1) == "worker", command


def test_the_procfile_runs_the_worker_that_survives_database_restarts() -> None:
    lines = (ROOT / "Procfile").read_text().splitlines()
    workers = [WORKER.search(line) for line in lines if WORKER.search(line)]
    assert workers
    assert {m.group(1) for m in workers if m} == {"worker"}

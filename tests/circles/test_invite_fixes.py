"""Issue #14: invite links that work where the app runs (item 1), and the smaller invite
fixes of item 9 that are the server's (already in through a used link, uses capped by room)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _make_run_script(*args: str, env: dict[str, str] | None = None) -> str:
    dry = subprocess.run(
        ["make", "-n", "run", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return re.sub(r"\\\n", " ", dry.stdout)


def _served_with(script: str) -> tuple[str, str]:
    """(the SITE_URL the app's processes get, the port gunicorn binds) from `make -n run`."""
    line = next(ln for ln in script.splitlines() if "gunicorn" in ln)
    exported = re.search(r"export SITE_URL='([^']*)';", line)
    bound = re.search(r"--bind 127\.0\.0\.1:(\d+)", line)
    assert exported, line
    assert bound, line
    # Exported before anything starts, so the web server and both workers (emails) see it.
    assert line.index("export SITE_URL") < line.index("keep-running.sh"), line
    return exported.group(1), bound.group(1)


@pytest.mark.parametrize("port", ["8000", "9312"])
def test_make_run_links_point_at_the_port_it_serves(port: str) -> None:
    env = {"SITE_URL": ""} if "SITE_URL" in os.environ else None
    site_url, bound = _served_with(_make_run_script(f"PORT={port}", env=env))
    assert bound == port
    assert site_url == f"http://127.0.0.1:{port}"


def test_make_run_keeps_a_site_url_given_to_it() -> None:
    site_url, _ = _served_with(
        _make_run_script("PORT=9312", env={"SITE_URL": "https://shoulder.example"})
    )
    assert site_url == "https://shoulder.example"


def test_the_app_builds_links_from_the_site_url_in_its_environment() -> None:
    """What `make run` exports is what invite links and emails use (backend.circles.conf)."""
    env = {**os.environ, "SITE_URL": "http://127.0.0.1:9312/"}
    out = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from backend.circles.conf import site_url; print(site_url())",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=env,
    )
    assert out.stdout.strip().splitlines()[-1] == "http://127.0.0.1:9312"

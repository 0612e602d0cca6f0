"""Item 19 of issue #11: invite tokens stay out of access logs and Django's logs."""

import logging
import os
import re
import shlex
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from backend.common.logscrub import ScrubFilter, scrub

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_scrub_removes_the_token_from_every_invite_path(signed_in: Any) -> None:
    client, _ = signed_in()
    circle = client.post("/api/v1/circles/", {"name": "Us"}, content_type="application/json")
    invite = client.post(
        f"/api/v1/circles/{circle.json()['id']}/invites/", {}, content_type="application/json"
    ).json()
    token = invite["token"]
    paths = [
        reverse("invite-preview", kwargs={"token": token}),
        reverse("invite-accept", kwargs={"token": token}),
        reverse("invite-decline", kwargs={"token": token}),
        invite["url"],  # the PWA link, as a browser requests it
        f"/signup?next=%2Finvite%2F{token}",
        f'GET /api/v1/invites/{token}/accept/ HTTP/1.1" 200 "https://x.example/invite/{token}"',
    ]
    for path in paths:
        assert token in path
        cleaned = scrub(path)
        assert token not in cleaned, path
        assert "[token]" in cleaned
    # What is not a token stays readable.
    revoke = f"/api/v1/circles/{circle.json()['id']}/invites/{invite['id']}/"
    assert scrub(revoke) == revoke
    assert scrub(reverse("invite-accept", kwargs={"token": token})) == (
        "/api/v1/invites/[token]/accept/"
    )


def test_django_log_lines_are_scrubbed() -> None:
    handler = settings.LOGGING["handlers"]["console"]
    assert "scrub" in handler["filters"]
    assert settings.LOGGING["filters"]["scrub"]["()"].endswith("ScrubFilter")
    # A record the way django.request writes one.
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "%s: %s",
        ("Internal Server Error", "/api/v1/invites/SECRETtoken_123-abc/accept/"),
        None,
    )
    assert ScrubFilter().filter(record)
    assert record.getMessage() == "Internal Server Error: /api/v1/invites/[token]/accept/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _procfile_web() -> str:
    line = next(ln for ln in (ROOT / "Procfile").read_text().splitlines() if ln.startswith("web:"))
    return line.removeprefix("web:").strip()


def test_make_run_and_the_procfile_use_the_gunicorn_config() -> None:
    makefile = (ROOT / "Makefile").read_text()
    run = re.search(r"^run:.*?(?=^\S)", makefile, re.MULTILINE | re.DOTALL)
    assert run
    gunicorn = re.search(r"bin/gunicorn ([^&]*)&", run.group(0).replace("\\\n", " "))
    assert gunicorn, run.group(0)
    for command in (gunicorn.group(1), _procfile_web()):
        args = shlex.split(command)
        assert args[args.index("-c") + 1] == "gunicorn.conf.py", command
        # Nothing on the command line replaces the config's logging.
        assert not {"--access-logfile", "--access-logformat", "--logger-class"} & set(args)


def test_the_procfile_web_process_keeps_tokens_out_of_its_logs(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "PATH": f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "SHOULDER_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    token = "Zq9" + "x" * 40
    server = subprocess.Popen(
        ["bash", "-c", f"exec {_procfile_web()}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        paths = [f"/api/v1/invites/{token}/", f"/invite/{token}"]
        deadline = time.monotonic() + 120  # gunicorn boots slowly on a busy machine
        answered = 0
        while time.monotonic() < deadline and answered < len(paths):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{paths[answered]}", timeout=60)
                answered += 1
            except urllib.error.HTTPError:
                answered += 1  # an answer all the same (no database here)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)  # not listening yet
        assert answered == len(paths)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert token not in output, output
    assert "/api/v1/invites/[token]/" in output, output
    assert "/invite/[token]" in output, output

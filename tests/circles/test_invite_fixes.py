"""Issue #14: invite links that work where the app runs (item 1), and the smaller invite
fixes of item 9 that are the server's (already in through a used link, uses capped by room)."""

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from backend.circles.models import Invite
from backend.circles.tokens import hash_token
from tests.common.helpers import client_for, post
from tests.conftest import error_codes

ROOT = Path(__file__).resolve().parents[2]


def invites_url(world: Any) -> str:
    return f"/api/v1/circles/{world.circle.pk}/invites/"


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


# --- item 9: already in through your own used link ----------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["used_up", "expired", "revoked"])
def test_a_member_opening_their_own_old_link_is_told_they_are_in(
    make_world: Any, make_user: Any, state: str
) -> None:
    w = make_world()
    uses = 1 if state == "used_up" else 2
    res = post(client_for(w.owner), invites_url(w), {"max_uses": uses})
    token = res.json()["token"]
    friend = make_user(display_name="Sam")
    post(client_for(friend), f"/api/v1/invites/{token}/accept/", expect=201)
    invite = Invite.objects.get(token_hash=hash_token(token))
    if state == "expired":
        Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now())
    elif state == "revoked":
        Invite.objects.filter(pk=invite.pk).update(revoked_at=timezone.now())

    preview = client_for(friend).get(f"/api/v1/invites/{token}/")
    assert preview.status_code == 200, preview.content
    assert (preview.json()["status"], preview.json()["already_member"]) == ("already_member", True)
    again = post(client_for(friend), f"/api/v1/invites/{token}/accept/")
    assert again.status_code == 409
    assert error_codes(again) == ["already_member"]

    # Anyone else still hears what happened to the link.
    stranger = make_user()
    gone = client_for(stranger).get(f"/api/v1/invites/{token}/")
    assert gone.status_code == 410
    assert error_codes(gone) == [f"invite_{state}"]
    assert Client().get(f"/api/v1/invites/{token}/").status_code == 410


# --- item 9: uses capped by the room left in the circle ----------------------------


@pytest.mark.django_db
def test_an_invite_brings_in_no_more_people_than_the_circle_has_room_for(
    make_world: Any, settings: Any
) -> None:
    w = make_world(members=3)  # 4 of 12
    owner = client_for(w.owner)
    invites_before = Invite.objects.count()
    assert owner.get(f"/api/v1/circles/{w.circle.pk}/").json()["invite_room"] == 8
    too_many = post(owner, invites_url(w), {"max_uses": 9})
    assert too_many.status_code == 400
    assert [(e["code"], e["attr"]) for e in too_many.json()["errors"]] == [
        ("too_many_uses", "max_uses")
    ]
    assert "room for 8 more people" in too_many.json()["errors"][0]["detail"]
    assert Invite.objects.count() == invites_before
    assert post(owner, invites_url(w), {"max_uses": 8}).status_code == 201

    # A full circle can still make a one-use link, for when someone leaves.
    settings.SHOULDER = {**settings.SHOULDER, "CIRCLE_MAX_MEMBERS": 4}
    assert owner.get(f"/api/v1/circles/{w.circle.pk}/").json()["invite_room"] == 1
    assert post(owner, invites_url(w), {"max_uses": 2}).status_code == 400
    assert post(owner, invites_url(w), {"max_uses": 1}).status_code == 201

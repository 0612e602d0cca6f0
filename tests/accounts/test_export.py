import json
from datetime import timedelta
from typing import Any

import time_machine
from django.utils import timezone

from tests.accounts.privacy_world import (
    ALEX_NOTE,
    ALEX_PRIVATE,
    ANSWER_WORDS,
    APPEAL_WORDS,
    CHECKIN_WORDS,
    DANA_EMAIL,
    INVITE_WORDS,
    NOTE_WORDS,
    REPORT_WORDS,
    build,
    log_in,
)
from tests.common.helpers import client_for
from tests.conftest import error_codes

EXPORT = "/api/v1/me/export/"


def test_export_holds_one_of_everything_and_nothing_private_of_others(db: Any) -> None:
    world = build()
    client = log_in(DANA_EMAIL)

    res = client.get(EXPORT)

    assert res.status_code == 200, res.content
    assert "attachment" in res["Content-Disposition"]
    data = res.json()
    assert data["format"] == "shoulder-export/1"
    assert data["profile"]["email"] == DANA_EMAIL
    assert data["profile"]["emails"] == [{"email": DANA_EMAIL, "verified": True, "primary": True}]
    circles = {c["name"]: c for c in data["circles"]}
    assert set(circles) == {"Sunday people", "Dana's people", "Just Dana"}
    assert circles["Dana's people"]["role"] == "owner"
    assert {m["display_name"] for m in circles["Sunday people"]["members"]} >= {"Alex", "Sam"}
    assert INVITE_WORDS in [i["message"] for i in data["invites_created"]]
    [checkin] = data["checkins"]
    assert checkin["message"] == CHECKIN_WORDS
    assert checkin["just_listen"] is True
    assert [r["by"]["display_name"] for r in checkin["responses"]] == ["Alex"]
    [answer] = data["answers_given"]
    assert answer["message"] == ANSWER_WORDS
    assert answer["checkin"]["requester"]["display_name"] == "Alex"
    [offer] = data["share_offers"]
    assert (offer["checkin"]["requester"]["display_name"], offer["silence_ok"]) == ("Alex", True)
    notes = {n["body"]: n for n in data["notes"]}
    assert NOTE_WORDS in notes
    assert [r["kind"] for r in notes[NOTE_WORDS]["reactions_received"]] == ["hug"]
    assert [r["kind"] for r in data["reactions_given"]] == ["heart"]
    [report] = data["reports"]
    assert report["details"] == REPORT_WORDS
    assert report["outcome"]
    assert report["status"] != "open"
    [strike] = data["strikes"]
    assert strike["kind"] == "warning"
    assert strike["appeal"]["text"] == APPEAL_WORDS
    assert [b["person"]["display_name"] for b in data["blocks"]] == ["Robin"]
    assert "quiet_hours" in data["notification_settings"]
    assert len(data["notification_settings"]["circles"]) == 3
    [device] = data["devices"]
    assert device["push_service"] == "127.0.0.1"
    assert len(data["sessions"]) == 1

    text = json.dumps(data)
    # Nobody else's email, no push keys, no note Dana could not see, no note not hers.
    for person in (world.alex, world.sam, world.robin, world.moderator):
        assert person.email not in text
    assert "p256dh" not in text
    assert 'auth"' not in text
    assert ALEX_PRIVATE not in text
    assert ALEX_NOTE not in text


def test_export_needs_a_recent_login(db: Any) -> None:
    build()
    client = log_in(DANA_EMAIL)
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        res = client.get(EXPORT)
    assert res.status_code == 403
    assert error_codes(res) == ["reauthentication_required"]
    assert {"id": "reauthenticate"} in res.json()["flows"]

    # Confirming it's you with the password opens it again.
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        res = client.post(
            "/_allauth/browser/v1/auth/reauthenticate",
            {"password": "quiet-harbour-lights-7"},
            content_type="application/json",
        )
        assert res.status_code == 200, res.content
        assert client.get(EXPORT).status_code == 200


def test_a_session_without_any_login_record_must_reauthenticate(db: Any) -> None:
    world = build()
    res = client_for(world.dana).get(EXPORT)
    assert res.status_code == 403
    assert error_codes(res) == ["reauthentication_required"]


def test_signed_out_export_is_401(client: Any, db: Any) -> None:
    assert client.get(EXPORT).status_code in (401, 403)

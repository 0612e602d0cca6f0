from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from backend.accounts.models import User
from tests.common.world import CODE, PASSWORD, code_from_mail
from tests.conftest import APP, BROWSER, error_codes, signup_browser

pytestmark = pytest.mark.django_db


def test_browser_signup_verify_and_profile() -> None:
    client = Client()
    res = client.post(
        f"{BROWSER}/auth/signup",
        {"email": "Alex@Example.com", "password": PASSWORD, "display_name": "Alex"},
        content_type="application/json",
    )
    assert res.status_code == 401
    flows = {f["id"]: f for f in res.json()["data"]["flows"]}
    assert flows["verify_email"]["is_pending"] is True
    assert len(mail.outbox) == 1

    res = client.post(
        f"{BROWSER}/auth/email/verify", {"key": code_from_mail()}, content_type="application/json"
    )
    assert res.status_code == 200, res.content
    assert res.json()["meta"]["is_authenticated"] is True

    session = client.get(f"{BROWSER}/auth/session")
    assert session.status_code == 200

    me = client.get("/api/v1/me/")
    assert me.status_code == 200
    body = me.json()
    assert body["email"] == "alex@example.com"
    assert body["display_name"] == "Alex"
    assert body["timezone"] == "UTC"
    assert EmailAddress.objects.get(email="alex@example.com").verified is True


def test_app_client_signup_with_session_token() -> None:
    client = Client()
    res = client.post(
        f"{APP}/auth/signup",
        {"email": "sam@example.com", "password": PASSWORD, "display_name": "Sam"},
        content_type="application/json",
    )
    assert res.status_code == 401
    token = res.json()["meta"]["session_token"]
    res = client.post(
        f"{APP}/auth/email/verify",
        {"key": code_from_mail()},
        content_type="application/json",
        headers={"X-Session-Token": token},
    )
    assert res.status_code == 200, res.content
    token = res.json()["meta"].get("session_token", token)

    anonymous = Client()
    me = anonymous.get("/api/v1/me/", headers={"X-Session-Token": token})
    assert me.status_code == 200
    assert me.json()["display_name"] == "Sam"

    bad = anonymous.get("/api/v1/me/", headers={"X-Session-Token": "not-a-real-token"})
    assert bad.status_code == 401
    assert error_codes(bad) == ["authentication_failed"]


def test_wrong_code_is_refused_and_nothing_verified() -> None:
    client = Client()
    client.post(
        f"{BROWSER}/auth/signup",
        {"email": "kim@example.com", "password": PASSWORD},
        content_type="application/json",
    )
    res = client.post(
        f"{BROWSER}/auth/email/verify", {"key": "WRONG1"}, content_type="application/json"
    )
    assert res.status_code == 400
    assert res.json()["errors"][0]["code"] == "incorrect_code"
    assert EmailAddress.objects.get(email="kim@example.com").verified is False
    assert client.get("/api/v1/me/").status_code == 401


def test_expired_code_is_refused() -> None:
    client = Client()
    with time_machine.travel("2026-11-26 12:00Z", tick=False) as traveller:
        client.post(
            f"{BROWSER}/auth/signup",
            {"email": "lee@example.com", "password": PASSWORD},
            content_type="application/json",
        )
        code = code_from_mail()
        traveller.shift(60 * 60 * 24)
        res = client.post(
            f"{BROWSER}/auth/email/verify", {"key": code}, content_type="application/json"
        )
    assert res.status_code in (400, 409), res.content
    assert EmailAddress.objects.get(email="lee@example.com").verified is False


def test_duplicate_email_is_case_insensitive(make_user: Any) -> None:
    make_user(email="taken@example.com")
    client = Client()
    res = client.post(
        f"{BROWSER}/auth/signup",
        {"email": "TAKEN@example.com", "password": PASSWORD},
        content_type="application/json",
    )
    # allauth prevents enumeration: it answers as if signing up, sends no code to the
    # stranger, and creates nothing.
    assert User.objects.filter(email__iexact="taken@example.com").count() == 1
    assert res.status_code == 401, res.content
    # Only the real owner hears about it, and what they get holds no code.
    assert [m.to for m in mail.outbox] == [["taken@example.com"]]
    assert not CODE.search(mail.outbox[0].body)


def test_weak_password_is_refused_and_nothing_created() -> None:
    res = Client().post(
        f"{BROWSER}/auth/signup",
        {"email": "weak@example.com", "password": "123456"},
        content_type="application/json",
    )
    assert res.status_code == 400
    errors = res.json()["errors"]
    assert all(e["param"] == "password" for e in errors)
    assert {e["code"] for e in errors} & {"password_too_short", "password_too_common"}
    assert not User.objects.filter(email="weak@example.com").exists()


def test_login_failure_then_rate_limit(make_user: Any) -> None:
    make_user(email="ana@example.com")
    client = Client()
    res = client.post(
        f"{BROWSER}/auth/login",
        {"email": "ana@example.com", "password": "wrong-password-1"},
        content_type="application/json",
    )
    assert res.status_code == 400
    assert res.json()["errors"][0]["code"] == "email_password_mismatch"
    codes = []
    # The hard limit is per client address (20 in 5 minutes); the per-address one is soft
    # (tests/hardening/test_login_limits.py).
    for _ in range(20):
        res = client.post(
            f"{BROWSER}/auth/login",
            {"email": "ana@example.com", "password": "wrong-password-1"},
            content_type="application/json",
        )
        codes.append(res.json()["errors"][0]["code"])
    assert codes[-2:] == ["email_password_mismatch", "too_many_login_attempts"]


def test_login_and_logout(make_user: Any) -> None:
    make_user(email="bo@example.com", display_name="Bo")
    client = Client()
    res = client.post(
        f"{BROWSER}/auth/login",
        {"email": "BO@example.com", "password": PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    assert client.get("/api/v1/me/").json()["display_name"] == "Bo"
    assert client.delete(f"{BROWSER}/auth/session").status_code == 401
    assert client.get("/api/v1/me/").status_code == 401


def test_password_reset_by_code(make_user: Any) -> None:
    make_user(email="cy@example.com")
    client = Client()
    res = client.post(
        f"{BROWSER}/auth/password/request",
        {"email": "cy@example.com"},
        content_type="application/json",
    )
    assert res.status_code == 401, res.content
    code = code_from_mail()
    res = client.post(
        f"{BROWSER}/auth/password/reset",
        {"key": code, "password": "a-brand-new-calm-pass"},
        content_type="application/json",
    )
    assert res.status_code in (200, 401), res.content
    fresh = Client()
    res = fresh.post(
        f"{BROWSER}/auth/login",
        {"email": "cy@example.com", "password": "a-brand-new-calm-pass"},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content


def test_signup_helper_signs_in() -> None:
    client = Client()
    user = signup_browser(client, "dee@example.com", "Dee")
    assert client.get("/api/v1/me/").json()["id"] == str(user.id)


def test_local_setup_creates_a_demo_login_that_works() -> None:
    from django.core.management import call_command

    from backend.accounts.management.commands.ensure_local_setup import (
        DEMO_EMAIL,
        DEMO_PASSWORD,
    )

    call_command("ensure_local_setup", stdout=__import__("io").StringIO())
    call_command("ensure_local_setup", stdout=__import__("io").StringIO())  # idempotent
    assert User.objects.filter(email=DEMO_EMAIL).count() == 1
    client = Client()
    res = client.post(
        f"{BROWSER}/auth/login",
        {"email": DEMO_EMAIL, "password": DEMO_PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    assert client.get("/api/v1/me/").json()["display_name"] == "Demo Friend"

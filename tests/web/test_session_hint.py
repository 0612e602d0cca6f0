"""The readable session hint: set with the session cookie, gone with it, never a credential."""

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from backend.web.session_hint import SESSION_HINT_COOKIE
from tests.common.world import PASSWORD

BROWSER = "/_allauth/browser/v1"
SESSION = settings.SESSION_COOKIE_NAME

pytestmark = pytest.mark.django_db


def log_in(client: Client, email: str) -> Any:
    res = client.post(
        f"{BROWSER}/auth/login",
        {"email": email, "password": PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    return res


def test_a_stranger_gets_no_hint(client: Client) -> None:
    res = client.get("/")
    assert SESSION not in res.cookies
    assert SESSION_HINT_COOKIE not in res.cookies


def test_logging_in_sets_a_readable_hint_that_lives_as_long_as_the_session(
    client: Client, make_user: Any
) -> None:
    user = make_user()
    res = log_in(client, user.email)

    session, hint = res.cookies[SESSION], res.cookies[SESSION_HINT_COOKIE]
    assert hint.value == "1"
    assert not hint["httponly"]
    assert session["httponly"]
    assert hint["max-age"] == session["max-age"] == settings.SESSION_COOKIE_AGE
    assert hint["samesite"] == session["samesite"]
    assert hint["path"] == session["path"]

    # Later requests leave it alone; the hint alone signs nobody in.
    res = client.get("/")
    assert SESSION_HINT_COOKIE not in res.cookies
    hint_only = Client()
    hint_only.cookies[SESSION_HINT_COOKIE] = "1"
    assert hint_only.get("/api/v1/me/").status_code in (401, 403)


def test_logging_out_removes_the_hint(client: Client, make_user: Any) -> None:
    user = make_user()
    log_in(client, user.email)
    res = client.delete(f"{BROWSER}/auth/session")
    assert res.status_code == 401
    assert res.cookies[SESSION]["max-age"] == 0
    assert res.cookies[SESSION_HINT_COOKIE]["max-age"] == 0
    assert res.cookies[SESSION_HINT_COOKIE].value == ""


def test_a_session_from_before_the_hint_gets_one(client: Client, make_user: Any) -> None:
    client.force_login(make_user(), backend="django.contrib.auth.backends.ModelBackend")
    assert SESSION_HINT_COOKIE not in client.cookies
    res = client.get("/")
    assert res.cookies[SESSION_HINT_COOKIE].value == "1"
    assert res.cookies[SESSION_HINT_COOKIE]["max-age"] == settings.SESSION_COOKIE_AGE


def test_a_hint_without_a_session_is_removed() -> None:
    client = Client()
    client.cookies[SESSION_HINT_COOKIE] = "1"
    res = client.get("/")
    assert res.cookies[SESSION_HINT_COOKIE]["max-age"] == 0


def test_a_session_that_ended_on_the_server_takes_the_hint_with_it(
    client: Client, make_user: Any
) -> None:
    user = make_user()
    log_in(client, user.email)
    client.session.delete()  # expired, or ended from another device
    res = client.get(f"{BROWSER}/auth/session")
    assert res.status_code == 401
    assert res.cookies[SESSION_HINT_COOKIE]["max-age"] == 0

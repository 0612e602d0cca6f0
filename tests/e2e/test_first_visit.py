"""The first screen: what a stranger sees at `/`, and what a returning device sees."""

import re
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.common.world import make_person
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SESSION_CHECK = "/_allauth/browser/v1/auth/session"


def watch(page: Page) -> tuple[list[str], list[str]]:
    """Console errors (and uncaught exceptions) and the session checks the page makes."""
    errors: list[str] = []
    checks: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: checks.append(r.url) if SESSION_CHECK in r.url else None)
    return errors, checks


def test_a_stranger_learns_what_shoulder_is_and_is_offered_sign_up_first(phone: Page) -> None:
    page = phone
    errors, checks = watch(page)
    page.goto("/")

    # Stays at `/` and says what Shoulder is; nobody is welcomed "back".
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("friends", re.I))
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_text("Welcome back")).to_have_count(0)
    expect(page.get_by_text(re.compile("trusted friends"))).to_be_visible()

    # Sign up is the first (and the main) thing offered; logging in comes after it.
    main = page.locator("main")
    sign_up = main.get_by_role("link", name="Sign up")
    log_in_link = main.get_by_role("link", name="Log in")
    expect(sign_up).to_be_visible()
    expect(log_in_link).to_be_visible()
    assert main.get_by_role("link").first.inner_text() == "Sign up"
    assert "button" in (sign_up.get_attribute("class") or "")
    assert_accessible(page)

    # A visitor with no session learns it without a failing request in the console.
    assert checks == []
    assert errors == []

    sign_up.click()
    expect(page).to_have_url(re.compile(r"/signup$"))
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()


def test_a_device_someone_signed_in_on_opens_on_the_log_in(new_phone: Any) -> None:
    make_person(display_name="Noor", email="noor@example.com")
    _, page = new_phone()
    log_in(page, "noor@example.com", "Noor")

    page.goto("/account")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login"))

    errors, checks = watch(page)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    # Signed out again: no session, so no session check (and no 401 in the console).
    assert checks == []
    assert errors == []
    # The device remembers only that someone signed in here, nothing about who.
    stored = page.evaluate("Object.entries(localStorage)")
    assert not any("noor" in f"{key}{value}".lower() for key, value in stored)


def test_a_signed_in_person_goes_straight_home(new_phone: Any) -> None:
    make_person(display_name="Noor", email="noor@example.com")
    context, page = new_phone()
    log_in(page, "noor@example.com", "Noor")

    # A fresh start of the app on the same device: home, not the landing or the log-in.
    page = context.new_page()
    errors, checks = watch(page)
    page.goto("/")
    expect(page.get_by_role("heading", name="Hi, Noor")).to_be_visible()
    assert len(checks) == 1
    assert errors == []


def test_an_ended_session_sends_a_returning_device_to_the_log_in(new_phone: Any) -> None:
    make_person(display_name="Noor", email="noor@example.com")
    context, page = new_phone()
    log_in(page, "noor@example.com", "Noor")

    # The session ends on the server's side (expired, or signed out elsewhere).
    [key] = [c["value"] for c in context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).delete()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()

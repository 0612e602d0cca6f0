"""Two-factor and passkeys in a real browser: enrol an authenticator app and log in with its
code; add a passkey (CDP virtual authenticator) and log in with it; staff sent from the admin
to set up a second factor land back in the admin.

Time is frozen where a TOTP code is typed, so the code the test computes is the server's."""

import re
import time
from typing import Any

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

from tests.common.world import PASSWORD
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def confirm_password(page: Page) -> None:
    """The reauthentication step every change to a second factor asks for."""
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def log_out(page: Page) -> None:
    page.goto("/account")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def enrol_totp(page: Page) -> str:
    """On /account/security: scan (read the key), confirm with a code; returns the secret."""
    page.get_by_role("button", name="Set up an authenticator app").click()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    secret = page.locator(".totp-secret").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret), secret
    assert_accessible(page)
    page.get_by_label("Code from the app").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on").click()
    confirm_password(page)
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    return secret


def test_enrol_an_authenticator_app_then_log_in_with_its_code(phone: Page, make_user: Any) -> None:
    person = make_user(display_name="Sam", email="sam@example.com")
    page = phone
    with time_machine.travel(time.time(), tick=False):
        log_in(page, person.email, "Sam")
        page.goto("/account")
        page.get_by_role("link", name="Two-factor and passkeys").click()
        expect(page).to_have_url(re.compile(r"/account/security$"))
        assert_accessible(page)
        secret = enrol_totp(page)
        page.get_by_role("button", name="I've saved them").click()
        expect(page.get_by_text(re.compile(r"^On since"))).to_be_visible()
        expect(page.get_by_text("10 of 10 left", exact=False)).to_be_visible()

        stored = Authenticator.objects.get(user=person, type=Authenticator.Type.TOTP)
        assert secret not in str(stored.data)

        log_out(page)
        page.get_by_label("Email").fill(person.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/login/2fa$"))
        assert_accessible(page)
        page.get_by_label("Code").fill("000000")
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_label("Code")).to_have_attribute("aria-invalid", "true")
        page.get_by_label("Code").fill(totp_code(secret))
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", name="Hi, Sam")).to_be_visible()


def add_virtual_authenticator(page: Page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def test_add_a_passkey_then_log_in_with_it(phone: Page, make_user: Any) -> None:
    person = make_user(display_name="Kai", email="kai@example.com")
    page = phone
    add_virtual_authenticator(page)
    log_in(page, person.email, "Kai")
    page.goto("/account/security")
    page.get_by_label("Name for the new passkey").fill("My phone")
    page.get_by_role("button", name="Add a passkey").click()
    confirm_password(page)
    # The first second factor brings recovery codes, shown this once.
    expect(page.get_by_role("list", name="Recovery codes").get_by_role("listitem")).to_have_count(
        10
    )
    page.get_by_role("button", name="I've saved them").click()
    expect(page.get_by_text("My phone", exact=True)).to_be_visible()
    key = Authenticator.objects.get(user=person, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "My phone"
    assert key.wrap().is_passwordless is True

    log_out(page)
    page.get_by_role("button", name="Use a passkey", exact=True).click()
    expect(page.get_by_role("heading", name="Hi, Kai")).to_be_visible()

    # With a passkey on the account, the password alone is not enough any more.
    log_out(page)
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/login/2fa$"))
    page.get_by_role("button", name="Use a passkey instead").click()
    expect(page.get_by_role("heading", name="Hi, Kai")).to_be_visible()

    page.goto("/account/security")
    page.get_by_role("button", name="Remove").click()
    confirm_password(page)
    expect(page.get_by_text("is removed")).to_be_visible()
    assert not Authenticator.objects.filter(user=person, type="webauthn").exists()


def test_staff_sent_from_the_admin_enrol_and_land_in_it(phone: Page, make_user: Any) -> None:
    make_user(email="mod@example.com", display_name="Mo", is_staff=True, is_superuser=True)
    page = phone
    with time_machine.travel(time.time(), tick=False):
        page.goto("/admin/")
        expect(page).to_have_url(re.compile(r"/login\?next=%2Fadmin%2F"))
        page.get_by_label("Email").fill("mod@example.com")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/account/security\?next=/admin/$"))
        expect(page.get_by_text("moderation tools open once")).to_be_visible()
        enrol_totp(page)
        page.get_by_role("button", name=re.compile("open the moderation tools")).click()
        expect(page).to_have_url(re.compile(r"/admin/$"))
        expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

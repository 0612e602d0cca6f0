import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from tests.common.world import PASSWORD, code_from_mail
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_log_out_and_log_in(phone: Page, mailoutbox: list[Any]) -> None:
    page = phone
    page.goto("/")
    expect(page.get_by_text(re.compile("Shoulder is for a small circle"))).to_be_visible()
    expect(page.get_by_role("link", name="Need help right now?")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/signup"))
    assert_accessible(page)
    page.get_by_label("Your name").fill("Alex")
    page.get_by_label("Email").fill("alex@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(re.compile(r"/verify"))
    assert_accessible(page)
    assert len(mailoutbox) == 1
    page.get_by_label("Code").fill(code_from_mail(mailoutbox))
    page.get_by_role("button", name="Verify").click()

    expect(page.get_by_role("heading", name="Hi, Alex")).to_be_visible()
    assert_accessible(page)
    assert User.objects.get(email="alex@example.com").display_name == "Alex"

    page.goto("/account")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login"))

    page.get_by_label("Email").fill("alex@example.com")
    page.get_by_label("Password").fill("not-my-password-9")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_be_visible()

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hi, Alex")).to_be_visible()


def test_crisis_and_about_pages_are_one_tap_away(phone: Page) -> None:
    page = phone
    page.goto("/about")
    assert_accessible(page)
    page.get_by_role("link", name="Need help right now?").click()
    expect(page).to_have_url(re.compile(r"/crisis"))
    expect(page.get_by_role("heading", name="Need help right now?")).to_be_visible()
    expect(page.get_by_text("not an emergency or therapy service").first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"Call 999"))).to_be_visible()
    assert_accessible(page)


def test_dark_mode_screens_are_accessible(new_phone: Any) -> None:
    _, page = new_phone(color_scheme="dark", reduced_motion="reduce")
    for path in ("/login", "/signup", "/crisis", "/about", "/password/forgot"):
        page.goto(path)
        assert_accessible(page)


def test_staff_log_in_to_the_admin_through_the_app(phone: Page, make_user: Any) -> None:
    make_user(email="mod@example.com", display_name="Mo", is_staff=True, is_superuser=True)
    page = phone
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fadmin%2F"))
    page.get_by_label("Email").fill("mod@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # Without a second factor yet, staff are sent to set one up before the admin opens
    # (with one, the admin itself: tests/moderation/test_admin.py).
    expect(page).to_have_url(re.compile(r"/account/security\?next=/admin/$"))


def test_a_lockout_by_strangers_costs_the_owner_one_emailed_code(
    phone: Page, make_user: Any, mailoutbox: list[Any], live_server: Any
) -> None:
    """#11 item 5: wrong passwords from elsewhere can't lock the owner out of the app."""
    from urllib.parse import urlsplit

    from django.test import Client

    make_user(display_name="Bea", email="bea@example.com")
    host = urlsplit(live_server.url).netloc  # allauth keys the count by site (the host) too
    for n in range(6):  # strangers, each from their own address
        Client(REMOTE_ADDR=f"198.51.100.{n + 1}", HTTP_HOST=host).post(
            "/_allauth/browser/v1/auth/login",
            {"email": "bea@example.com", "password": "not-her-password-1"},
            content_type="application/json",
        )
    mailoutbox.clear()

    page = phone
    page.goto("/login")
    page.get_by_label("Email").fill("bea@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/login/code"))
    assert_accessible(page)
    assert [m.to for m in mailoutbox] == [["bea@example.com"]]
    page.get_by_label("Code").fill(code_from_mail(mailoutbox))
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hi, Bea")).to_be_visible()

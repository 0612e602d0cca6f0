"""On a phone: change the time zone, download everything, then delete the account — asked to
confirm it's you once the login is old — and land on the goodbye page, unable to log in."""

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote
from tests.accounts.privacy_world import ALEX_NOTE, DANA_EMAIL, DANA_NAME, NOTE_WORDS, build
from tests.common.world import PASSWORD, code_from_mail
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_time_zone_export_and_deletion(phone: Page, tmp_path: Path) -> None:
    page = phone
    world = build()
    log_in(page, DANA_EMAIL, name=DANA_NAME)

    page.goto("/account")
    expect(page.get_by_role("heading", name="Where you're signed in")).to_be_visible()
    expect(page.get_by_text("Chrome on Android")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("searchbox").fill("tokyo")
    page.get_by_label("Time zone", exact=True).select_option("Asia/Tokyo")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    assert User.objects.get(pk=world.dana.pk).timezone == "Asia/Tokyo"

    # A fresh login needs no extra step.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    saved = tmp_path / "export.json"
    download.value.save_as(saved)
    data: dict[str, Any] = json.loads(saved.read_text())
    assert data["profile"]["email"] == DANA_EMAIL
    assert data["profile"]["timezone"] == "Asia/Tokyo"
    assert NOTE_WORDS in [n["body"] for n in data["notes"]]

    page.get_by_role("link", name="Delete my account").click()
    expect(page).to_have_url(re.compile(r"/account/delete$"))
    assert_accessible(page)
    delete = page.get_by_role("button", name="Delete my account")
    expect(delete).to_be_disabled()
    page.get_by_label("Type “delete” to confirm").fill("delete")

    # Ten minutes later the login is too old: the app asks to confirm it's you, then deletes.
    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=True):
        delete.click()
        sheet = page.get_by_role("dialog", name="Confirm it's you")
        expect(sheet).to_be_visible()
        assert User.objects.filter(pk=world.dana.pk).exists()
        sheet.get_by_label("Your password").fill(PASSWORD)
        sheet.get_by_role("button", name="Confirm").click()
        expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/goodbye$"))
    assert not User.objects.filter(pk=world.dana.pk).exists()
    assert AftermathNote.objects.filter(body=ALEX_NOTE).exists()
    assert_accessible(page)

    page.goto("/login")
    page.get_by_label("Email").fill(DANA_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_be_visible()


def test_a_person_stuck_on_the_verify_screen_has_a_way_forward(
    phone: Page, mailoutbox: list[Any]
) -> None:
    page = phone
    page.goto("/signup")
    page.get_by_label("Your name").fill("Noor")
    page.get_by_label("Email").fill("noor@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/verify"))
    expect(page.get_by_text("noor@example.com")).to_be_visible()
    assert User.objects.get(email="noor@example.com").timezone == "Europe/London"

    # Three wrong codes end the pending verification: allauth answers 409 after that.
    for _ in range(4):
        page.get_by_label("Code").fill("ZZZZ-ZZZZ")
        page.get_by_role("button", name="Verify").click()
        expect(page.get_by_role("alert")).to_be_visible()
        if page.get_by_role("link", name="Log in again for a new code").is_visible():
            break
    expect(page.get_by_role("link", name="Log in again for a new code")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_role("link", name="Sign up with another address")).to_be_visible()

    # One code per address every 3 minutes: a few minutes later, logging in sends a new one.
    mailoutbox.clear()
    page.get_by_role("link", name="Log in again for a new code").click()
    with time_machine.travel(timezone.now() + timedelta(minutes=4), tick=True):
        page.get_by_label("Email").fill("noor@example.com")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/verify"))
    assert len(mailoutbox) == 1
    page.get_by_label("Code").fill(code_from_mail(mailoutbox))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Hi, Noor")).to_be_visible()

"""The moderation screens around the journey: a safety concern about a person (crisis
resources, reaching out yourself, blocking in the same step), reporting a circle and a
check-in, an owner taking down a circle-wide note, and what a suspended person meets."""

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.circles.models import Block
from backend.moderation import services
from backend.moderation.models import ActionKind, ModerationAction, Report
from tests.common.world import make_circle, make_note, make_session
from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.moderators import make_moderator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_worried_about_someone(phone: Page, make_user: Any) -> None:
    ana = make_user(display_name="Ana", email="ana@example.com")
    cy = make_user(display_name="Cy")
    circle = make_circle(ana, [cy], name="Sunday people")
    page = phone
    log_in(page, "ana@example.com", "Ana")
    page.goto(f"/circles/{circle.pk}")
    page.get_by_role("button", name="Cy").click()
    page.get_by_role("button", name="Report Cy").click()
    sheet = page.get_by_role("dialog", name="Report Cy")
    sheet.get_by_role("radio", name="I'm worried about their safety").check()
    sheet.get_by_role("button", name="Send report").click()

    done = page.get_by_role("dialog", name="Thank you for telling us")
    expect(done.get_by_text("We never tell them who reported.", exact=False).first).to_be_visible()
    care = done.get_by_role("region", name="If you're worried about them")
    expect(care.get_by_text("We never tell them who reported.", exact=False)).to_be_visible()
    reach = care.get_by_role("link", name="Reach out to Cy yourself")
    expect(reach).to_have_attribute("href", f"/reach-out?nudge={cy.pk}&circle={circle.pk}")
    expect(care.get_by_role("link", name="Crisis resources")).to_have_attribute("href", "/crisis")
    assert_accessible(page)
    assert Report.objects.get(reporter=ana).category == "self_harm_concern"
    assert not Block.objects.exists()  # nobody asked for that

    # Reporting the same person again, this time blocking them too.
    done.get_by_role("button", name="Close").click()
    page.get_by_role("button", name="Cy").click()
    page.get_by_role("button", name="Report Cy").click()
    sheet = page.get_by_role("dialog", name="Report Cy")
    sheet.get_by_role("radio", name="Harassment or bullying").check()
    sheet.get_by_label("Also block Cy").check()
    sheet.get_by_role("button", name="Send report").click()
    done = page.get_by_role("dialog", name="Thank you for telling us")
    expect(done.get_by_text("You've also blocked Cy.")).to_be_visible()
    assert Block.objects.filter(blocker=ana, blocked=cy).exists()


def test_report_a_circle_and_a_check_in(phone: Page, make_user: Any) -> None:
    ana = make_user(display_name="Ana")
    ben = make_user(display_name="Ben", email="ben@example.com")
    circle = make_circle(ana, [ben], name="Sunday people")
    checkin = make_session(ana, circle, asked=[ben], status="open")
    page = phone
    log_in(page, "ben@example.com", "Ben")

    page.goto(f"/checkins/{checkin.pk}")
    page.get_by_role("button", name="Report").click()
    sheet = page.get_by_role("dialog", name="Report Ana's message")
    expect(sheet.get_by_label("Also block Ana")).to_be_visible()
    sheet.get_by_role("radio", name="Spam").check()
    sheet.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("dialog", name="Thank you for telling us")).to_be_visible()

    page.goto(f"/circles/{circle.pk}")
    page.get_by_role("button", name="Report this circle").click()
    sheet = page.get_by_role("dialog", name="Report Sunday people")
    expect(sheet.get_by_text("Also block", exact=False)).to_have_count(0)  # no one person
    sheet.get_by_role("radio", name="Something else").check()
    sheet.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("dialog", name="Thank you for telling us")).to_be_visible()

    reported = set(Report.objects.filter(reporter=ben).values_list("target_type", "category"))
    assert reported == {("checkin", "spam"), ("circle", "other")}
    page.goto("/reports")
    expect(page.get_by_role("heading", name="Circle: Sunday people")).to_be_visible()
    expect(
        page.get_by_role("heading", name=re.compile(r"^Check-in message by Ana"))
    ).to_be_visible()
    assert_accessible(page)


def test_owner_takes_down_a_circle_wide_note(new_phone: Any, make_user: Any) -> None:
    ana = make_user(display_name="Ana", email="ana@example.com")
    cy = make_user(display_name="Cy", email="cy@example.com")
    circle = make_circle(ana, [cy])
    session = make_session(cy, circle, {ana: "calling"})
    for_circle = make_note(session, cy, "Everyone here is useless", audience="circle")
    make_note(session, cy, "Just between us", audience="participants")

    _, page = new_phone()
    log_in(page, "ana@example.com", "Ana")
    page.goto(f"/circles/{circle.pk}/moments")
    shared = page.locator("article.note").filter(has_text="Everyone here is useless")
    private = page.locator("article.note").filter(has_text="Just between us")
    expect(private.get_by_role("button", name="Report")).to_be_visible()
    # Only what was shared with the whole circle is the owner's to take down.
    expect(private.get_by_role("button", name="Remove from the circle")).to_have_count(0)
    shared.get_by_role("button", name="Remove from the circle").click()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_text("Everyone here is useless")).to_have_count(0)
    expect(page.get_by_text("Just between us")).to_be_visible()
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.target_id) == (ActionKind.OWNER_REMOVE_NOTE, for_circle.pk)

    # Cy, no owner, sees no such button on Ana's notes.
    make_note(session, ana, "Thank you for calling", audience="circle")
    _, c = new_phone()
    log_in(c, "cy@example.com", "Cy")
    c.goto(f"/checkins/{session.pk}/notes")
    theirs = c.locator("article.note").filter(has_text="Thank you for calling")
    expect(theirs.get_by_role("button", name="Report")).to_be_visible()
    expect(theirs.get_by_role("button", name="Remove from the circle")).to_have_count(0)


def test_a_suspended_person_is_told_why_and_can_appeal(phone: Page, make_user: Any) -> None:
    ana = make_user(display_name="Ana")
    cy = make_user(display_name="Cy", email="cy@example.com")
    circle = make_circle(ana, [cy])
    moderator, _ = make_moderator(make_user)
    until = timezone.now() + dt.timedelta(days=3)
    services.moderation_act(
        moderator=moderator,
        action="suspend",
        target_type="user",
        target_id=cy.pk,
        reason="Cooling off after last night",
        suspend_until=until,
    )

    page = phone
    log_in(page, "cy@example.com", "Cy")
    banner = page.get_by_role("region", name="Your account is suspended")
    expect(banner).to_contain_text("Your account is suspended until")
    assert_accessible(page)

    # A write the server refuses says why, with the way to the standing screen.
    page.goto(f"/circles/{circle.pk}")
    page.get_by_role("button", name="Ana").click()
    page.get_by_role("button", name="Block").click()
    page.get_by_role("button", name="Yes, block Ana").click()
    alert = page.get_by_role("dialog", name="Ana").get_by_role("alert")
    expect(alert).to_contain_text("Your account is suspended until")
    alert.get_by_role("link", name="See why, and appeal").click()

    expect(page).to_have_url(re.compile(r"/account/standing$"))
    suspension = page.get_by_role("article").filter(
        has=page.get_by_role("heading", name="A suspension")
    )
    expect(suspension.get_by_text("Cooling off after last night")).to_be_visible()
    expect(suspension.get_by_text("Suspended until", exact=False)).to_be_visible()
    assert_accessible(page)
    suspension.get_by_role("button", name="Appeal").click()
    suspension.get_by_label("Why should we look again?").fill("I was upset, it won't happen again.")
    suspension.get_by_role("button", name="Send appeal").click()
    expect(suspension.get_by_text("You appealed. We'll look at it again.")).to_be_visible()

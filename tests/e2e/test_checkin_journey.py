"""Reaching out: B asks their circle, A answers "on my way", B closes it; and offline, queued."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.checkins.models import CheckIn
from tests.common.world import make_circle
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SESSION_URL = re.compile(r"/checkins/[0-9a-f-]{36}$")


@pytest.fixture
def tuesday_people(make_user: Any) -> dict[str, Any]:
    """Bea's circle "Tuesday people", with Ana in it."""
    ana = make_user(display_name="Ana", email="ana@example.com")
    bea = make_user(display_name="Bea", email="bea@example.com")
    circle = make_circle(bea, [ana], name="Tuesday people")
    return {"ana": ana, "bea": bea, "circle": circle}


def open_compose(page: Page) -> None:
    page.get_by_role("link", name=re.compile("I need someone")).click()
    expect(page).to_have_url(re.compile(r"/reach-out$"))
    expect(page.get_by_role("button", name="Send to Tuesday people")).to_be_visible()


def test_reach_out_answer_and_close(new_phone: Any, tuesday_people: dict[str, Any]) -> None:
    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    assert_accessible(bea)
    _, ana = new_phone(color_scheme="dark")
    log_in(ana, "ana@example.com", "Ana")
    assert_accessible(ana)

    # B reaches out: just sit with me, please just listen.
    open_compose(bea)
    assert_accessible(bea)
    bea.get_by_role("group", name="How would you like them to be there?").get_by_label(
        "Just sit with me"
    ).check()
    bea.get_by_label(re.compile("Please just listen")).check()
    bea.get_by_role("button", name="Send to Tuesday people").click()
    expect(bea).to_have_url(SESSION_URL)
    expect(bea.get_by_role("heading", name="You asked Tuesday people", level=1)).to_be_visible()
    asked = bea.get_by_role("listitem").filter(has_text="Ana")
    expect(asked).to_contain_text(re.compile("sent|delivered|seen|emailed"))
    expect(bea.get_by_label("Tissues nearby")).to_be_visible()
    assert_accessible(bea)
    checkin = CheckIn.objects.get()
    assert (checkin.kind, checkin.mode, checkin.just_listen) == ("reach_out", "sit_with_me", True)

    # A's home shows who is asking, with the needs.
    ana.reload()
    card = ana.get_by_role("link", name=re.compile("Bea needs you"))
    expect(card).to_contain_text("They asked you to just listen")
    expect(card).to_contain_text("just sit with them")
    assert_accessible(ana)
    card.click()
    expect(ana).to_have_url(SESSION_URL)
    expect(ana.get_by_role("heading", name="Bea needs you", level=1)).to_be_visible()
    expect(ana.get_by_text("They asked you to just listen")).to_be_visible()
    kind_no = ana.get_by_role("button", name=re.compile("Can.t right now — sending love"))
    expect(kind_no).to_be_visible()
    assert_accessible(ana)
    ana.get_by_role("button", name="On my way").click()
    ana.get_by_role("button", name="15 min").click()
    # The ETA reads as a time ("around 02:25"), not "15 min" that never changes.
    said = re.compile(r"You said: On my way, around \d\d:\d\d")
    expect(ana.get_by_role("status")).to_contain_text(said)
    assert_accessible(ana)

    # B's session shows A coming (and that A has seen it).
    bea.reload()
    expect(bea.get_by_role("listitem").filter(has_text="Ana")).to_contain_text(
        re.compile(r"On my way, around \d\d:\d\d")
    )
    bea.get_by_role("button", name=re.compile("okay now")).click()
    expect(bea.get_by_role("heading", name="Thank you for reaching out")).to_be_visible()
    assert_accessible(bea)
    checkin.refresh_from_db()
    assert checkin.status == "closed"
    assert checkin.closed_by == tuesday_people["bea"]

    ana.reload()
    expect(ana.get_by_role("heading", name="Bea is okay now")).to_be_visible()
    assert_accessible(ana)
    ana.goto("/")
    expect(ana.get_by_role("link", name=re.compile("Bea needs you"))).to_have_count(0)


def test_reach_out_composed_offline_is_sent_once(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    context, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    open_compose(bea)

    context.set_offline(True)
    bea.get_by_role("group", name="How would you like them to be there?").get_by_label(
        "Call me"
    ).check()
    bea.get_by_label(re.compile("No need to explain")).check()
    bea.get_by_label("Anything you want to say (optional)").fill("Rough one today.")
    bea.get_by_role("button", name="Send to Tuesday people").click()
    queued = bea.get_by_role("status").filter(has_text="Will send when you're back online")
    expect(queued).to_be_visible()
    assert_accessible(bea)
    assert CheckIn.objects.count() == 0
    stored = bea.evaluate("JSON.parse(localStorage.getItem('shoulder.outbox'))")
    assert len(stored) == 1
    key = stored[0]["key"]

    context.set_offline(False)
    expect(bea).to_have_url(SESSION_URL)
    expect(bea.get_by_role("heading", name="You asked Tuesday people", level=1)).to_be_visible()
    expect(bea.get_by_text("Rough one today.")).to_be_visible()
    assert bea.evaluate("localStorage.getItem('shoulder.outbox')") is None

    # Starting the app again sends nothing more.
    bea.goto("/")
    expect(bea.get_by_role("link", name="You asked Tuesday people")).to_be_visible()
    checkin = CheckIn.objects.get()
    assert checkin.idempotency_key == key
    assert (checkin.mode, checkin.no_need_to_explain) == ("call", True)


def test_nudge_answered_with_could_use_you_reaches_back(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    bea.get_by_role("link", name=re.compile("Tuesday people")).click()
    bea.get_by_role("button", name=re.compile(r"^Ana")).click()
    bea.get_by_role("dialog", name="Ana").get_by_role("link", name="Send a nudge").click()
    expect(bea).to_have_url(re.compile(r"/nudge\?to="))
    assert_accessible(bea)
    bea.get_by_role("button", name="Send Ana a nudge").click()
    expect(bea.get_by_role("heading", name=re.compile("thinking of Ana"))).to_be_visible()
    nudge = CheckIn.objects.get(kind="nudge")

    _, ana = new_phone()
    log_in(ana, "ana@example.com", "Ana")
    card = ana.get_by_role("region", name="Bea is thinking of you — how are you?")
    expect(card).to_be_visible()
    assert_accessible(ana)
    card.get_by_role("button", name="Could use you").click()
    reach_back = card.get_by_role("group", name="Reach out to Bea")
    expect(reach_back).to_be_visible()
    reach_back.get_by_role("button", name="Come over").click()
    expect(ana).to_have_url(SESSION_URL)
    expect(ana.get_by_role("heading", name="You asked Bea", level=1)).to_be_visible()
    reply = CheckIn.objects.get(in_reply_to=nudge)
    assert (reply.kind, reply.mode, reply.requester) == (
        "reach_out",
        "come_over",
        tuesday_people["ana"],
    )

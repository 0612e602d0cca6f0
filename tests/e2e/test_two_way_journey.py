"""Two-way sessions on two phones: Bea reaches out, Ana is on her way and asks "Can I share
too?", Bea says "Of course"; both see both sets of needs; afterwards the moment reads "You
were there for each other", and Ana's "How are you after that?" reaches back to Bea."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.checkins.models import CheckIn, ShareOffer
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


def needs_of(page: Page, who: str) -> Any:
    return page.get_by_role("group", name=who).get_by_role("listitem")


def test_the_friend_who_came_shares_too(new_phone: Any, tuesday_people: dict[str, Any]) -> None:
    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    _, ana = new_phone(color_scheme="dark")
    log_in(ana, "ana@example.com", "Ana")

    # Bea reaches out: please just listen.
    bea.get_by_role("link", name=re.compile("I need someone")).click()
    bea.get_by_role("group", name="How would you like them to be there?").get_by_label(
        "Come over"
    ).check()
    bea.get_by_label(re.compile("Please just listen")).check()
    bea.get_by_role("button", name="Send to Tuesday people").click()
    expect(bea).to_have_url(SESSION_URL)
    session_url = bea.url

    # Ana is on her way; only then may she ask to share too.
    ana.goto(session_url)
    expect(ana.get_by_role("heading", name="Bea needs you", level=1)).to_be_visible()
    expect(ana.get_by_role("button", name="Can I share too?")).to_have_count(0)
    ana.get_by_role("button", name="On my way").click()
    ana.get_by_role("button", name="Not sure yet").click()
    ana.get_by_role("button", name="Can I share too?").click()
    expect(
        ana.get_by_role("status").filter(has_text="You asked if you could share too")
    ).to_be_visible()
    assert_accessible(ana)

    # Bea sees a soft line, not an alarm, and says "Of course".
    bea.reload()
    offer = bea.get_by_role("region", name="Ana would like to share something too")
    expect(offer).to_be_visible()
    assert_accessible(bea)
    offer.get_by_role("button", name="Of course").click()
    expect(bea.get_by_role("heading", name=re.compile("there for each other"))).to_be_visible()
    assert ShareOffer.objects.get().status == "accepted"

    # Ana picks what would help her; she has the safe-space checklist on her phone too.
    ana.reload()
    expect(ana.get_by_role("status").filter(has_text="Bea said: of course.")).to_be_visible()
    ana.get_by_label("Silence is okay").check()
    expect(needs_of(ana, "What you asked for")).to_have_text(["Silence is okay"])
    expect(needs_of(ana, "What Bea asked for")).to_have_text([re.compile("Please just listen")])
    expect(ana.get_by_label("Tissues nearby")).to_be_visible()
    assert_accessible(ana)

    # Bea sees both sets of needs too.
    bea.reload()
    expect(needs_of(bea, "What you asked for")).to_have_text([re.compile("Please just listen")])
    expect(needs_of(bea, "What Ana asked for")).to_have_text(["Silence is okay"])
    assert_accessible(bea)

    # Bea is okay now; Ana writes a few words; the moment is one moment together.
    bea.get_by_role("button", name=re.compile("okay now")).click()
    expect(bea.get_by_role("heading", name="Thank you for reaching out")).to_be_visible()
    ana.reload()
    expect(ana.get_by_role("heading", name="Bea is okay now")).to_be_visible()
    ana.get_by_role("link", name="Our notes").click()
    ana.get_by_label("Write a few words").fill("We both needed that.")
    ana.get_by_role("button", name="Share note").click()
    expect(ana.get_by_role("status")).to_have_text("Shared with the people who were there.")

    circle = tuesday_people["circle"]
    for page in (bea, ana):
        page.goto(f"/circles/{circle.pk}/moments")
        moment = page.get_by_role("article", name=re.compile("there for each other"))
        expect(moment.get_by_role("heading", level=2)).to_have_text(
            re.compile(r"^You were there for each other · \d{1,2} \w+")
        )
        expect(moment).not_to_contain_text(re.compile(r"\d+ (times|sessions)"))
        assert_accessible(page)

    # Ana's "How are you after that?": one tap reaches back to Bea.
    ana.goto(session_url)
    after = ana.get_by_role("region", name="How are you after that?")
    after.get_by_role("button", name="I could use someone too").click()
    expect(after.get_by_role("radio", name="Bea")).to_be_checked()
    expect(after.get_by_role("radio", name="Everyone in Tuesday people")).not_to_be_checked()
    assert_accessible(ana)
    after.get_by_role("group", name="Reach out to Bea").get_by_role(
        "button", name="Call me"
    ).click()
    expect(ana.get_by_role("heading", name="You asked Bea", level=1)).to_be_visible()
    mine = CheckIn.objects.get(requester=tuesday_people["ana"])
    assert (mine.kind, mine.mode, mine.in_reply_to_id) == (
        "reach_out",
        "call",
        CheckIn.objects.get(requester=tuesday_people["bea"]).pk,
    )
    assert list(mine.audience.values_list("user_id", flat=True)) == [tuesday_people["bea"].pk]

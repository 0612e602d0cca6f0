"""The reach-out and the session screen, tried as a new user would (issue #14): what the
screens offer, say and show, on a phone."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.checkins.models import Answer, Status
from tests.common.world import make_circle, make_session
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tuesday_people(make_user: Any) -> dict[str, Any]:
    """Bea's circle "Tuesday people", with Ana and Cai in it."""
    ana = make_user(display_name="Ana", email="ana@example.com")
    bea = make_user(display_name="Bea", email="bea@example.com")
    cai = make_user(display_name="Cai", email="cai@example.com")
    circle = make_circle(bea, [ana, cai], name="Tuesday people")
    return {"ana": ana, "bea": bea, "cai": cai, "circle": circle}


def open_session(page: Page, checkin: Any) -> None:
    page.goto(f"/checkins/{checkin.pk}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


# --- 4: closing words by what happened ------------------------------------------------------


def test_closing_when_nobody_came_says_so_kindly(
    phone: Page, tuesday_people: dict[str, Any]
) -> None:
    w = tuesday_people
    checkin = make_session(w["bea"], w["circle"], asked=[w["ana"]], status=Status.OPEN)
    log_in(phone, "bea@example.com", "Bea")
    open_session(phone, checkin)
    phone.get_by_role("button", name=re.compile("okay now")).click()
    closing = re.compile("We.re glad you.re okay. Nobody could answer this time")
    expect(phone.get_by_text(closing)).to_be_visible()
    expect(phone.get_by_text(re.compile("glad to be there"))).to_have_count(0)
    # No notes "for the people who were there" when nobody was.
    expect(phone.get_by_text(re.compile("people who were there"))).to_have_count(0)
    expect(phone.get_by_role("link", name="Our notes")).to_have_count(0)
    assert_accessible(phone)


def test_closing_thanks_by_what_each_friend_answered(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    w = tuesday_people
    checkin = make_session(
        w["bea"],
        w["circle"],
        {w["ana"]: Answer.CANT_RIGHT_NOW, w["cai"]: Answer.ON_MY_WAY},
        status=Status.CLOSED,
    )
    _, ana = new_phone()
    log_in(ana, "ana@example.com", "Ana")
    open_session(ana, checkin)
    expect(ana.get_by_role("heading", name="Bea is okay now")).to_be_visible()
    expect(ana.get_by_text("Thank you for being there")).to_have_count(0)
    expect(ana.get_by_text(re.compile("Thank you for sending love"))).to_be_visible()

    _, cai = new_phone()
    log_in(cai, "cai@example.com", "Cai")
    open_session(cai, checkin)
    expect(cai.get_by_text("Thank you for being there.")).to_be_visible()
    expect(cai.get_by_role("link", name="Our notes")).to_be_visible()

    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    open_session(bea, checkin)
    expect(bea.get_by_text(re.compile("Your people were glad to be there"))).to_be_visible()
    assert_accessible(bea)

"""The reach-out and the session screen, tried as a new user would (issue #14): what the
screens offer, say and show, on a phone."""

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from backend.checkins import conf as checkin_conf
from backend.checkins.models import Answer, CheckIn, Mode, Response, Status
from backend.checkins.services import checkin_respond
from backend.checkins.transitions import checkin_advance
from backend.notifications.models import NotificationPreference
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


def nobody_answered(checkin: Any) -> None:
    """Time passes with no answer: the requester is offered what they can do."""
    checkin.refresh_from_db()
    later = checkin.activated_at + checkin_conf.nobody_answered_after()
    assert "nobody_answered" in checkin_advance(checkin_id=checkin.pk, now=later)


# --- 2: nobody answered: ask again, ask more people — on the same check-in -----------------


def test_nobody_answered_offers_ask_again_and_more_people_on_the_same_checkin(
    phone: Page, tuesday_people: dict[str, Any]
) -> None:
    w = tuesday_people
    checkin = make_session(w["bea"], w["circle"], asked=[w["ana"]], status=Status.OPEN)
    nobody_answered(checkin)
    log_in(phone, "bea@example.com", "Bea")
    open_session(phone, checkin)
    card = phone.get_by_role("region", name="Nobody has answered yet")
    expect(card).to_be_visible()
    # Not a second reach-out to the same people.
    expect(card.get_by_role("link", name=re.compile("another circle"))).to_have_count(0)
    expect(card.get_by_role("link", name="Need help right now?")).to_be_visible()
    assert_accessible(phone)

    card.get_by_role("button", name="Ask them again").click()
    expect(card.get_by_role("status")).to_contain_text("You asked them again")
    expect(card.get_by_role("button", name="Ask them again")).to_have_count(0)

    card.get_by_label("Cai").check()
    card.get_by_role("button", name="Ask them too").click()
    asked = phone.get_by_role("region", name="Who you asked")
    expect(asked.get_by_role("listitem").filter(has_text="Cai")).to_be_visible()
    assert CheckIn.objects.count() == 1
    assert set(checkin.audience.values_list("user_id", flat=True)) == {w["ana"].pk, w["cai"].pk}

    # Cai's answer shows where Bea looks: the session, and home.
    checkin_respond(checkin=checkin, responder=w["cai"], answer=Answer.ON_MY_WAY)
    phone.goto("/")
    expect(phone.get_by_text(re.compile("Cai — On my way"))).to_be_visible()


def test_nobody_answered_widens_the_same_checkin_to_someone_of_another_circle(
    new_phone: Any, tuesday_people: dict[str, Any], make_user: Any
) -> None:
    """Bea is in two circles: she reaches out to Tuesday people, nobody answers, and she asks
    Eli of her book club in the same check-in. Eli answers; Bea sees it on the same session
    screen and on home. Fay, in the book club too but not picked, sees nothing."""
    w = tuesday_people
    dee = make_user(display_name="Dee", email="dee@example.com")
    eli = make_user(display_name="Eli", email="eli@example.com")
    fay = make_user(display_name="Fay", email="fay@example.com")
    make_circle(dee, [w["bea"], eli, fay], name="Book club")
    checkin = make_session(w["bea"], w["circle"], asked=[w["ana"]], status=Status.OPEN)
    nobody_answered(checkin)

    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    open_session(bea, checkin)
    card = bea.get_by_role("region", name="Nobody has answered yet")
    other = card.get_by_role("group", name="Ask people from Book club")
    expect(other).to_be_visible()
    expect(other.get_by_label("Eli")).to_be_visible()
    expect(other.get_by_label("Bea")).to_have_count(0)
    assert_accessible(bea)
    other.get_by_label("Eli").check()
    other.get_by_role("button", name="Ask them too").click()
    asked = bea.get_by_role("region", name="Who you asked")
    expect(asked.get_by_role("listitem").filter(has_text="Eli")).to_be_visible()
    assert CheckIn.objects.count() == 1
    assert set(checkin.audience.values_list("user_id", flat=True)) == {w["ana"].pk, eli.pk}

    # Eli is asked: home shows Bea needing them, under the circle they share.
    _, eli_phone = new_phone()
    log_in(eli_phone, "eli@example.com", "Eli")
    ask = eli_phone.get_by_role("link", name=re.compile("Bea needs you"))
    expect(ask).to_be_visible()
    ask.click()
    eli_phone.get_by_role("button", name="On my way").click()
    expect(eli_phone.get_by_role("status").first).to_contain_text("You said: On my way")

    # Fay, in the book club but not picked, sees nothing of it.
    _, fay_phone = new_phone()
    log_in(fay_phone, "fay@example.com", "Fay")
    expect(fay_phone.get_by_text(re.compile("Bea needs you"))).to_have_count(0)
    fay_phone.goto(f"/checkins/{checkin.pk}")
    expect(fay_phone.get_by_text(re.compile("Bea needs you"))).to_have_count(0)
    expect(fay_phone.get_by_role("button", name="On my way")).to_have_count(0)

    # Bea sees Eli's answer on the same session screen, and on home.
    bea.reload()
    asked = bea.get_by_role("region", name="Who you asked")
    expect(asked.get_by_role("listitem").filter(has_text="Eli")).to_contain_text("On my way")
    bea.goto("/")
    expect(bea.get_by_text(re.compile("Eli — On my way"))).to_be_visible()
    assert_accessible(bea)


# --- 12 and 14: times on everything; a short update; words and ETA later --------------------


def test_times_update_line_and_changing_words_and_eta_later(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    w = tuesday_people
    checkin = make_session(w["bea"], w["circle"], asked=[w["ana"]], status=Status.OPEN)
    two_min_ago = timezone.now() - dt.timedelta(minutes=2)
    CheckIn.objects.filter(pk=checkin.pk).update(activated_at=two_min_ago)

    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    open_session(bea, checkin)
    expect(bea.get_by_text(re.compile(r"Sent 2 min\.? ago"))).to_be_visible()
    bea.get_by_label("A short update for everyone you asked").fill("Door's open")
    bea.get_by_role("button", name="Share the update").click()
    expect(bea.get_by_text("“Door's open”")).to_be_visible()

    _, ana = new_phone(color_scheme="dark")
    log_in(ana, "ana@example.com", "Ana")
    open_session(ana, checkin)
    expect(ana.get_by_text(re.compile(r"Bea asked 2 min\.? ago"))).to_be_visible()
    expect(ana.get_by_text(re.compile("Update from Bea"))).to_be_visible()
    expect(ana.get_by_text("“Door's open”")).to_be_visible()
    ana.get_by_role("button", name="On my way").click()
    # The ETA can wait: "Not sure yet", and give it later.
    ana.get_by_role("button", name="Not sure yet").click()
    ana.get_by_role("button", name=re.compile("Say when you.ll be there")).click()
    ana.get_by_role("button", name=re.compile("^In 15 min")).click()
    said = ana.get_by_role("status").first
    expect(said).to_contain_text(re.compile(r"You said: On my way, around \d\d:\d\d"))
    response = Response.objects.get(checkin=checkin)
    assert response.eta_minutes == 15
    assert response.eta_from is not None
    at = (response.eta_from + dt.timedelta(minutes=15)).astimezone(ZoneInfo("Europe/London"))
    around = f"around {at:%H:%M}"
    expect(said).to_contain_text(f"You said: On my way, {around}")
    ana.get_by_label("A few words for Bea (optional)").fill("I'm downstairs")
    ana.get_by_role("button", name="Send your words").click()
    expect(ana.get_by_text("Bea can see it.")).to_be_visible()
    assert_accessible(ana)

    bea.reload()
    row = bea.get_by_role("listitem").filter(has_text="Ana")
    expect(row).to_contain_text(f"On my way, {around}")
    expect(row).to_contain_text(re.compile("just now|min"))
    expect(row).to_contain_text("I'm downstairs")
    assert_accessible(bea)


# --- 13: call and text in one tap; 9: an error shown once ----------------------------------


def test_phone_number_in_profile_becomes_call_and_text_links_both_ways(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    w = tuesday_people
    User.objects.filter(pk=w["bea"].pk).update(phone="+447700900456")
    _, ana = new_phone()
    log_in(ana, "ana@example.com", "Ana")
    ana.goto("/account")
    field = ana.get_by_label("Your phone number (optional)")
    field.fill("call me")
    ana.get_by_role("button", name="Save", exact=True).first.click()
    problem = ana.get_by_text(re.compile("doesn.t look like a phone number"))
    expect(problem).to_have_count(1)  # beside the field, not again in a banner
    expect(field).to_have_attribute("aria-invalid", "true")
    field.fill("+44 7700 900123")
    ana.get_by_role("button", name="Save", exact=True).first.click()
    expect(ana.get_by_text("Saved.")).to_be_visible()
    assert User.objects.get(pk=w["ana"].pk).phone == "+447700900123"
    assert_accessible(ana)

    checkin = make_session(
        w["bea"], w["circle"], asked=[w["ana"]], status=Status.OPEN, mode=Mode.CALL
    )
    open_session(ana, checkin)
    expect(ana.get_by_role("link", name="Call Bea")).to_have_attribute("href", "tel:+447700900456")
    expect(ana.get_by_role("link", name="Text Bea")).to_have_attribute("href", "sms:+447700900456")
    ana.get_by_role("button", name="Calling you now").click()

    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    open_session(bea, checkin)
    expect(bea.get_by_role("link", name="Call Ana")).to_have_attribute("href", "tel:+447700900123")
    # Cai gave no number: no links for Cai (Cai wasn't asked either).
    expect(bea.get_by_role("link", name="Call Cai")).to_have_count(0)
    assert_accessible(bea)


# --- 16: email when push can't reach someone ------------------------------------------------


def test_requester_sees_emailed_and_the_fallback_can_be_turned_off(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    w = tuesday_people
    checkin = make_session(w["bea"], w["circle"], asked=[w["ana"]], status=Status.OPEN)
    _, bea = new_phone()
    log_in(bea, "bea@example.com", "Bea")
    open_session(bea, checkin)
    expect(bea.get_by_role("listitem").filter(has_text="Ana")).to_contain_text("emailed")

    _, ana = new_phone()
    log_in(ana, "ana@example.com", "Ana")
    ana.goto("/settings/notifications")
    toggle = ana.get_by_label(re.compile("Email me when a notification can.t reach me"))
    expect(toggle).to_be_checked()
    toggle.uncheck()
    ana.get_by_role("button", name="Save", exact=True).click()
    expect(ana.get_by_text("Saved.")).to_be_visible()
    assert NotificationPreference.objects.get(user=w["ana"]).email_when_push_fails is False
    assert_accessible(ana)


# --- 9: compose and notes, the smaller ones --------------------------------------------------


def test_compose_starts_on_a_circle_with_people_and_never_clips_its_name(
    phone: Page, make_user: Any
) -> None:
    bea = make_user(display_name="Bea", email="bea@example.com")
    ana = make_user(display_name="Ana", email="ana@example.com")
    make_circle(bea, [], name="Just me for now")
    long_name = "The people from the Tuesday evening choir and friends"
    make_circle(bea, [ana], name=long_name)
    log_in(phone, "bea@example.com", "Bea")
    phone.goto("/reach-out")
    expect(phone.get_by_role("button", name=f"Send to {long_name}")).to_be_visible()
    clipped = phone.evaluate(
        """() => [...document.querySelectorAll('#who-group label')]
            .filter(l => l.scrollWidth > l.clientWidth + 1
                      || l.getBoundingClientRect().right > window.innerWidth)
            .map(l => l.textContent)"""
    )
    assert clipped == []
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(phone)


def test_compose_explains_first_when_nobody_else_is_in_the_circle(
    phone: Page, make_user: Any
) -> None:
    make_user(display_name="Bea", email="bea@example.com")
    make_circle(User.objects.get(email="bea@example.com"), [], name="Solo")
    log_in(phone, "bea@example.com", "Bea")
    phone.goto("/reach-out")
    expect(phone.get_by_role("heading", name="Nobody else is in Solo yet")).to_be_visible()
    expect(phone.get_by_role("button", name=re.compile("^Send to"))).to_have_count(0)
    expect(phone.get_by_role("link", name="Invite a friend")).to_be_visible()
    assert_accessible(phone)


def test_notes_composer_hides_prompts_tells_about_length_and_looks_the_same_either_way(
    phone: Page, tuesday_people: dict[str, Any]
) -> None:
    w = tuesday_people
    checkin = make_session(w["bea"], w["circle"], {w["ana"]: Answer.ON_MY_WAY})
    log_in(phone, "bea@example.com", "Bea")
    picker_style = """() => {
        const row = [...document.querySelectorAll('fieldset')]
          .find(f => f.querySelector('legend')?.textContent === 'Who can read it?')
          .querySelector('input').parentElement;
        const s = getComputedStyle(row);
        return [s.display, s.borderTopWidth, s.paddingTop];
    }"""
    phone.goto(f"/checkins/{checkin.pk}/notes")
    expect(phone.get_by_role("heading", name="Add a note")).to_be_visible()
    direct = phone.evaluate(picker_style)
    phone.goto(f"/checkins/{checkin.pk}")
    phone.get_by_role("link", name="Our notes").click()
    expect(phone.get_by_role("heading", name="Add a note")).to_be_visible()
    assert phone.evaluate(picker_style) == direct

    expect(phone.get_by_role("button", name="Skip")).to_have_count(0)
    phone.get_by_role("button", name="Hide prompts").click()
    expect(phone.get_by_text("What helped?")).to_have_count(0)

    box = phone.get_by_label("Write a few words")
    box.fill("x" * 2010)
    assert len(box.input_value()) == 2010  # not cut off silently
    expect(phone.get_by_text("A little shorter, please — 10 over")).to_be_visible()
    expect(phone.get_by_role("button", name="Share note")).to_be_disabled()
    assert_accessible(phone)

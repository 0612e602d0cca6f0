"""The aftermath: those who were there write notes, react, edit, and choose who may read them."""

import re
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.common.world import make_circle, make_session
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

THANKS = "thank you for sitting with me — and sorry about the mascara on your shirt"
EDITED = THANKS + "\nI owe you a new one."
HOSTILE = "<img src=x onerror=alert(1)><script>alert(1)</script>"


def note_card(page: Page, text: str) -> Locator:
    return page.get_by_role("article").filter(has_text=text)


def being_edited(page: Page) -> Locator:
    # While editing, the body is in the box, so the card is found by its editor.
    return page.get_by_role("article").filter(has=page.get_by_label("Your note"))


def test_notes_after_a_session(new_phone: Any, make_user: Any) -> None:
    ana = make_user(display_name="Ana", email="ana@example.com")
    bea = make_user(display_name="Bea", email="bea@example.com")
    cy = make_user(display_name="Cy", email="cy@example.com")
    circle = make_circle(ana, [bea, cy], name="Tuesday people")
    # Bea reaches out to Ana only; Ana comes over; Bea says she's okay now.
    checkin = make_session(bea, circle, {ana: "on_my_way"}, mode="sit_with_me")
    notes_url = f"/checkins/{checkin.pk}/notes"

    dialogs: list[str] = []

    def phone() -> Page:
        _, page = new_phone()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        return page

    # Bea writes a note, just for the people who were there.
    b = phone()
    log_in(b, "bea@example.com", "Bea")
    b.goto(notes_url)
    expect(b.get_by_role("heading", name="Our notes", level=1)).to_be_visible()
    expect(b.get_by_text(re.compile(r"^You reached out · \d{1,2} \w+"))).to_be_visible()
    expect(b.get_by_text("No notes yet.", exact=False)).to_be_visible()
    assert_accessible(b)

    box = b.get_by_label("Write a few words")
    expect(b.get_by_text("What helped?")).to_be_visible()
    b.get_by_role("button", name="Another prompt").click()
    expect(b.get_by_text("Something you want to thank them for?")).to_be_visible()
    expect(box).to_have_value("")  # a prompt is a hint, never typed in for you
    b.get_by_role("button", name="Hide prompts").click()
    expect(b.get_by_text("Something you want to thank them for?")).to_have_count(0)

    # A note of only spaces: the server's sentence, announced.
    box.fill("   ")
    b.get_by_role("button", name="Share note").click()
    expect(b.get_by_role("alert")).to_contain_text("blank")

    box.fill(THANKS)
    expect(b.get_by_role("radio", name="Just us — the people who were there")).to_be_checked()
    b.get_by_role("button", name="Share note").click()
    expect(b.get_by_role("status")).to_have_text("Shared with the people who were there.")
    mine = note_card(b, "mascara")
    expect(mine.get_by_text(THANKS)).to_be_visible()
    expect(mine.get_by_text("Just us", exact=True)).to_be_visible()
    expect(box).to_have_value("")

    # HTML in a note is just text: shown literally, nothing runs.
    box.fill(HOSTILE)
    b.get_by_role("button", name="Share note").click()
    expect(note_card(b, "onerror").get_by_text(HOSTILE, exact=True)).to_be_visible()
    assert_accessible(b)

    # Ana sees both and sends a hug.
    a = phone()
    log_in(a, "ana@example.com", "Ana")
    a.goto(notes_url)
    theirs = note_card(a, "mascara")
    expect(theirs.get_by_text(THANKS)).to_be_visible()
    expect(note_card(a, "onerror").get_by_text(HOSTILE, exact=True)).to_be_visible()
    expect(theirs.get_by_role("button", name="Edit")).to_have_count(0)
    hug = theirs.get_by_role("button", name="Hug", exact=True)
    expect(hug).to_have_attribute("aria-pressed", "false")
    hug.click()
    expect(hug).to_have_attribute("aria-pressed", "true")
    expect(theirs.get_by_role("button", name="Heart", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(a.get_by_label("Write a few words")).to_be_visible()  # Ana was there too
    assert_accessible(a)

    # Bea sees who reacted, then edits her note.
    b.reload()
    mine = note_card(b, "mascara")
    mine.get_by_role("button", name="Who reacted").click()
    expect(mine.get_by_text("Ana — Hug")).to_be_visible()
    mine.get_by_role("button", name="Edit").click()
    editor = being_edited(b)
    expect(editor.get_by_label("Your note")).to_have_value(THANKS)
    editor.get_by_label("Your note").fill(EDITED)
    editor.get_by_role("button", name="Save changes").click()
    expect(mine.get_by_text("I owe you a new one.", exact=False)).to_be_visible()
    expect(mine.get_by_text("edited", exact=True)).to_be_visible()

    # Ana sees it was edited; her hug is still there.
    a.reload()
    theirs = note_card(a, "mascara")
    expect(theirs.get_by_text("edited", exact=True)).to_be_visible()
    expect(theirs.locator(".note-body")).to_have_text(EDITED)
    expect(theirs.get_by_role("button", name="Hug", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )

    # Cy is in the circle but wasn't there: the notes aren't his to see.
    c = phone()
    log_in(c, "cy@example.com", "Cy")
    c.goto(notes_url)
    expect(c.get_by_role("heading", name="We couldn't find these notes")).to_be_visible()
    expect(c.get_by_text("mascara", exact=False)).to_have_count(0)

    # Bea shares her note with the whole circle.
    mine.get_by_role("button", name="Edit").click()
    editor = being_edited(b)
    expect(editor.get_by_role("radio", name="Just us — the people who were there")).to_be_checked()
    editor.get_by_role("radio", name="The whole circle").check()
    editor.get_by_role("button", name="Save changes").click()
    expect(mine.get_by_text("The whole circle", exact=True)).to_be_visible()

    # Now Cy reads it (and only it), can react, and is offered no composer.
    c.reload()
    expect(c.get_by_role("heading", name="Our notes", level=1)).to_be_visible()
    seen = note_card(c, "mascara")
    expect(seen.get_by_text("I owe you a new one.", exact=False)).to_be_visible()
    expect(c.get_by_text("onerror", exact=False)).to_have_count(0)
    expect(c.get_by_label("Write a few words")).to_have_count(0)
    seen.get_by_role("button", name="Me too", exact=True).click()
    expect(seen.get_by_role("button", name="Me too", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    assert_accessible(c)

    # Our moments, from the circle page: the session with the notes Cy may read.
    c.goto(f"/circles/{circle.pk}")
    c.get_by_role("link", name="Our moments").click()
    expect(c.get_by_role("heading", name="Our moments", level=1)).to_be_visible()
    moment = c.get_by_role("article").filter(
        has=c.get_by_role("heading", name=re.compile(r"^Bea reached out · "))
    )
    expect(moment.get_by_text("I owe you a new one.", exact=False)).to_be_visible()
    expect(moment.get_by_text("onerror", exact=False)).to_have_count(0)
    assert_accessible(c)

    # Moments with Bea, from Ana's side; Bea deletes the other note.
    a.goto(f"/circles/{circle.pk}/moments")
    a.get_by_role("link", name="Moments with Bea").click()
    expect(a.get_by_role("heading", name="Moments with Bea", level=1)).to_be_visible()
    expect(a.get_by_text(HOSTILE, exact=True)).to_be_visible()
    assert_accessible(a)

    b.reload()
    other = note_card(b, "onerror")
    other.get_by_role("button", name="Delete").click()
    other.get_by_role("button", name="Yes, delete it").click()
    expect(b.get_by_text(HOSTILE, exact=True)).to_have_count(0)
    a.reload()
    expect(a.get_by_role("heading", name="Moments with Bea", level=1)).to_be_visible()
    expect(a.get_by_text("I owe you a new one.", exact=False)).to_be_visible()
    expect(a.get_by_text(HOSTILE, exact=True)).to_have_count(0)

    assert dialogs == []

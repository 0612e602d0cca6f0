"""A newcomer whose browser speaks Spanish (Accept-Language: es) signs up, verifies, creates a
circle and reaches out, and never meets an English word.

On every screen all visible text is gathered (each element's text and each line, plus
aria-label, placeholder, title and alt, and the document title) and compared with the English
the code shows: the strings marked for translation, plural forms and words still written
straight into the markup, as `frontend/scripts/dump-catalog.mjs` reads them, together with the
merged Spanish catalog. A fragment equal to an English string whose Spanish differs fails, and
so does a common English word anywhere outside what the person typed themselves."""

import json
import re
import subprocess
from functools import cache
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.circles.models import Circle
from tests.common.world import PASSWORD, code_from_mail, join, make_person
from tests.e2e.conftest import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SPANISH_PHONE = {"locale": "es-ES", "timezone_id": "Europe/Madrid"}
NAME, EMAIL, CIRCLE, FRIEND = "Lucía Fernández", "lucia@example.com", "Los martes", "Marta"
# Typed by the people in this test: their words are theirs, in any language.
TYPED = (NAME, EMAIL, CIRCLE, FRIEND)
# Names that are the same in every language.
SAME_IN_EVERY_LANGUAGE = {"Shoulder", "English", "Español"}
ENGLISH_WORDS = re.compile(
    r"\b(the|your|you|and|with|someone|now|here|friends|circle|send)\b", re.IGNORECASE
)
SESSION_URL = re.compile(r"/checkins/[0-9a-f-]{36}$")

# Every piece of text a person can see or hear on the screen.
VISIBLE_TEXT_JS = r"""
() => {
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const elements = [...document.body.querySelectorAll('*')].filter(
    (el) => !['script', 'style', 'template', 'noscript'].includes(el.localName) && shown(el),
  );
  const pieces = { elements: [], lines: [], attributes: [] };
  for (const el of elements) {
    const text = clean(el.innerText);
    if (text) pieces.elements.push(text);
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = clean(el.getAttribute(name));
      if (value) pieces.attributes.push(value);
    }
    const button = el.localName === 'input' && ['submit', 'button'].includes(el.type);
    if (button) pieces.attributes.push(clean(el.value));
  }
  pieces.lines = document.body.innerText.split('\n').map(clean).filter(Boolean);
  pieces.attributes.push(...document.title.split(' · ').map(clean).filter(Boolean));
  return pieces;
}
"""


@cache
def english_in_the_code() -> tuple[list[tuple[str, re.Pattern[str]]], dict[str, Any]]:
    """The English strings the screens can show whose Spanish differs (or is missing), each
    with a pattern for how it reads filled in ({name} → anything, <0>…</0> → its text)."""
    dumped = subprocess.run(
        ["node", "scripts/dump-catalog.mjs", "es"],
        cwd=ROOT / "frontend",
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    data = json.loads(dumped.stdout)
    catalog: dict[str, Any] = data["catalog"]
    english = set(data["marked"]) | set(data["plurals"]) | set(data["markup"])
    patterns = []
    for source in sorted(english - SAME_IN_EVERY_LANGUAGE):
        if catalog.get(source) == source:
            continue  # The same in Spanish.
        visible = re.sub(r"</?\d+>", "", re.sub(r"\s+", " ", source)).strip()
        if not re.search(r"[A-Za-z]{2}", re.sub(r"\{\w+\}", "", visible)):
            continue  # Nothing but placeholders and punctuation.
        pattern = re.sub(r"\\\{\w+\\\}", ".+?", re.escape(visible))
        patterns.append((source, re.compile(pattern)))
    # Exact strings first: "Call me" is reported as itself, not as "Call {value}".
    patterns.sort(key=lambda item: "{" in item[0])
    return patterns, catalog


def english_on(page: Page) -> list[str]:
    """Everything English on the screen, each once: 'string: …' or 'word "…" in: …'."""
    page.wait_for_load_state("networkidle")
    pieces = page.evaluate(VISIBLE_TEXT_JS)
    patterns, _ = english_in_the_code()
    found: list[str] = []
    flagged: set[str] = set()
    # An element's text can join several lines' worth of children ("Everyone in Los martes
    # Specific people"): a placeholder is matched within one line or attribute only.
    whole = [(text, False) for text in pieces["elements"]]
    whole += [(text, True) for text in [*pieces["lines"], *pieces["attributes"]]]
    for text, one_line in whole:
        for source, pattern in patterns:
            if (one_line or "{" not in source) and pattern.fullmatch(text):
                shown = "" if text == source else f" as {text!r}"
                found.append(f"string: {source!r}{shown}")
                flagged.add(text)
                break
    for text in [*pieces["lines"], *pieces["attributes"]]:
        if text in flagged:
            continue
        theirs = text
        for typed in TYPED:
            theirs = theirs.replace(typed, " ")
        words = sorted({m.group(0).lower() for m in ENGLISH_WORDS.finditer(theirs)})
        if words:
            found.append(f"words {', '.join(words)} in: {text!r}")
    return sorted(set(found))


def test_a_spanish_newcomer_never_meets_english(new_phone: Any, mailoutbox: list[Any]) -> None:
    _, page = new_phone(**SPANISH_PHONE)
    found: dict[str, list[str]] = {}

    def look(screen: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", "es")
        found[screen] = english_on(page)

    page.goto("/")
    expect(page.locator("h1").first).to_be_visible()
    look("landing")

    page.goto("/signup")
    expect(page.locator("#display_name")).to_be_visible()
    look("sign up")
    page.locator("#display_name").fill(NAME)
    page.locator("#email").fill(EMAIL)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/verify"))
    expect(page.locator("#code")).to_be_visible()
    look("verify")
    assert len(mailoutbox) == 1
    page.locator("#code").fill(code_from_mail(mailoutbox))
    page.locator("form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lucía")
    # A newcomer's home offers to start a circle, once it has loaded.
    expect(page.locator("main a[href='/circles/new']").first).to_be_visible()
    look("home")

    page.goto("/circles/new")
    expect(page.locator("#circle-name")).to_be_visible()
    look("new circle")
    page.locator("#circle-name").fill(CIRCLE)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/circles/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(CIRCLE)
    look("circle")

    page.locator(".invite-button").click()
    expect(page.locator("dialog[open]")).to_be_visible()
    look("invite sheet")
    page.keyboard.press("Escape")
    expect(page.locator("dialog[open]")).to_have_count(0)

    # A friend joins through an invite, so there is someone to reach out to.
    join(Circle.objects.get(name=CIRCLE), make_person(display_name=FRIEND))

    page.goto("/reach-out")
    expect(page.locator("button.send")).to_be_visible()
    look("reach out")
    page.locator("input[name=mode][value=sit_with_me]").check()
    page.locator("button.send").click()
    expect(page).to_have_url(SESSION_URL)
    expect(page.get_by_role("heading", level=1)).to_contain_text(CIRCLE)
    look("my session")

    # The account screen was translated first: only the shared frame may show English there.
    page.goto("/account")
    expect(page.locator("#language")).to_have_value("es")
    look("account")

    english = {screen: lines for screen, lines in found.items() if lines}
    report = "\n".join(f"{screen}:\n  " + "\n  ".join(lines) for screen, lines in english.items())
    assert english == {}, f"English on the Spanish screens:\n{report}"

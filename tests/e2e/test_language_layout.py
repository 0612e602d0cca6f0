"""On a 360 px phone, in the pseudo-locales (en-XA: accented and ~30 % longer; ar-XB: right to
left), the main screens show no clipped or overlapping text and never scroll sideways.

The pseudo-locale is the device's own choice (localStorage `shoulder.language`, as the
language switch stores it), so the signed-in profile's language does not replace it."""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from backend.checkins.models import Status
from tests.common.world import make_circle, make_note, make_person, make_session
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NARROW_PHONE = {"viewport": {"width": 360, "height": 740}}
PSEUDO_LOCALES = ["en-XA", "ar-XB"]

# The screen's layout offenders (see the file): one function for page.evaluate.
LAYOUT_OFFENDERS_JS = (Path(__file__).parent / "layout_offenders.js").read_text()

ACCENTS = dict(zip("aeioucnyAEIOUCNY", "áéíöüçñýÅÉÎØÛÇÑÝ", strict=True))


def pseudo(text: str) -> str:
    """en-XA as `pseudo()` in frontend/src/i18n/i18n.ts writes it."""
    parts = re.split(r"(\{\w+\})", text)
    accented = "".join(
        p if p.startswith("{") else "".join(ACCENTS.get(c, c) for c in p) for p in parts
    )
    pad = -(-len(text) * 3 // 10)
    return f"[{accented}{(' ~' * -(-pad // 2))[:pad]}]"


def shown(english: str) -> re.Pattern[str]:
    """A control's name in any locale: English (not marked yet), en-XA or ar-XB."""
    forms = (english, pseudo(english), f"\u202e{english}\u202c")
    return re.compile("^(" + "|".join(re.escape(f) for f in forms) + ")$")


def layout_offenders(page: Page) -> list[dict[str, str]]:
    page.wait_for_load_state("networkidle")
    # Fonts and late layout settle first.
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(r)))")
    result: list[dict[str, str]] = page.evaluate(LAYOUT_OFFENDERS_JS)
    return result


def choose(context: BrowserContext, code: str) -> None:
    """This device picks `code` (before any page script runs, on every page)."""
    context.add_init_script(f"localStorage.setItem('shoulder.language', {code!r})")


@pytest.fixture
def narrow(new_phone: Any) -> Callable[[], tuple[BrowserContext, Page]]:
    """A 360 px wide phone."""
    return lambda: new_phone(**NARROW_PHONE)


def expect_locale(page: Page, code: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl" if code == "ar-XB" else "ltr")
    expect(html).to_have_attribute("lang", "ar" if code == "ar-XB" else code)


@pytest.mark.parametrize("code", PSEUDO_LOCALES)
def test_signed_out_screens_fit(narrow: Any, code: str) -> None:
    context, page = narrow()
    choose(context, code)
    found: dict[str, list[dict[str, str]]] = {}
    for path in ("/", "/crisis", "/signup", "/login"):
        page.goto(path)
        expect(page.locator("h1").first).to_be_visible()
        expect_locale(page, code)
        found[path] = layout_offenders(page)
    assert {path: offenders for path, offenders in found.items() if offenders} == {}


@pytest.mark.parametrize("code", PSEUDO_LOCALES)
def test_signed_in_screens_fit(narrow: Any, code: str) -> None:
    noor = make_person(display_name="Noor Al-Rashid", email="noor@example.com")
    ana = make_person(display_name="Ana María", email="ana@example.com")
    bea = make_person(display_name="Bea", email="bea@example.com")
    circle = make_circle(noor, [ana, bea], name="Tuesday people")
    # Ana is asking right now; an earlier evening with Bea ended with a note.
    asking = make_session(ana, circle, asked=[noor], status=Status.OPEN, mode="sit_with_me")
    earlier = make_session(noor, circle, {bea: "on_my_way"}, mode="come_over")
    make_note(earlier, bea, "Glad I could come. Call me any time, really.")
    mine = make_session(noor, circle, {bea: "on_my_way"}, status=Status.OPEN, eta_minutes=15)

    context, page = narrow()
    log_in(page, noor.email, name="Noor Al-Rashid")
    choose(context, code)

    screens = {
        "home": "/",
        "reach out": "/reach-out",
        "their session": f"/checkins/{asking.pk}",
        "my session": f"/checkins/{mine.pk}",
        "circle": f"/circles/{circle.pk}",
        "notes": f"/checkins/{earlier.pk}/notes",
        "account": "/account",
        "security": "/account/security",
        "standing": "/account/standing",
        "reports": "/reports",
        "crisis": "/crisis",
    }
    found: dict[str, list[dict[str, str]]] = {}
    for name, path in screens.items():
        page.goto(path)
        expect(page.locator("h1").first).to_be_visible()
        expect_locale(page, code)
        if name == "reach out":
            # The folded choices open too.
            for summary in page.locator("details.more > summary").all():
                summary.click()
        found[name] = layout_offenders(page)
        if name == "circle":
            page.locator(".invite-button").click()
            sheet = page.locator("dialog[open]")
            expect(sheet).to_be_visible()
            found["invite sheet"] = layout_offenders(page)
            sheet.get_by_role("button", name=shown("Create invite link")).click()
            expect(sheet.locator("#invite-link")).to_have_value(re.compile(r"/invite/"))
            found["invite sheet, with a link"] = layout_offenders(page)
    assert {name: offenders for name, offenders in found.items() if offenders} == {}

"""Home, nudges, first steps, offline and navigation, as a new person meets them on a phone
(issue #14: items 3, 5, 6, 7, 9 in part, 11, 15, 17)."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.checkins.models import CheckIn, Kind
from backend.checkins.services import checkin_create
from tests.common.world import make_circle, make_join_request, make_person, make_session
from tests.e2e.conftest import assert_accessible, log_in, wait_for_service_worker

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SESSION_URL = re.compile(r"/checkins/[0-9a-f-]{36}$")
# The first steps are skipped where a test is about something else.
NO_FIRST_STEPS = '{"install": "skipped", "notifications": "skipped"}'


@pytest.fixture
def tuesday_people(make_user: Any) -> dict[str, Any]:
    """Bea's circle "Tuesday people", with Ana in it."""
    ana = make_user(display_name="Ana", email="ana@example.com")
    bea = make_user(display_name="Bea", email="bea@example.com")
    circle = make_circle(bea, [ana], name="Tuesday people")
    return {"ana": ana, "bea": bea, "circle": circle}


def phone_for(
    new_phone: Any, email: str, name: str, *, first_steps: bool = False
) -> tuple[Any, Page]:
    context, page = new_phone()
    if not first_steps:
        context.add_init_script(f"localStorage.setItem('shoulder.onboarding', '{NO_FIRST_STEPS}')")
    log_in(page, email, name)
    return context, page


def came_to_front(page: Page) -> None:
    """What a phone does when the app comes back to the foreground."""
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


def push_arrived(page: Page) -> None:
    """What the service worker tells open windows when a push arrives (src/sw/push.ts)."""
    page.evaluate(
        """navigator.serviceWorker.dispatchEvent(new MessageEvent('message',
             {data: {type: 'push', payload: {title: 'Shoulder', body: '', url: '/'}}}))"""
    )


# --- 5, and "sent" from 9: a nudge from a person -------------------------------------------


def test_send_a_nudge_opens_a_nudge_only_screen(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    _, bea = phone_for(new_phone, "bea@example.com", "Bea")
    bea.get_by_role("link", name=re.compile("Tuesday people")).click()
    bea.get_by_role("button", name=re.compile(r"^Ana")).click()
    bea.get_by_role("dialog", name="Ana").get_by_role("link", name="Send a nudge").click()

    expect(bea).to_have_url(re.compile(r"/nudge\?to="))
    expect(bea.get_by_role("heading", name="Thinking of Ana?", level=1)).to_be_visible()
    send = bea.get_by_role("button", name="Send Ana a nudge")
    expect(send).to_be_in_viewport()
    # Nothing of the reach-out form: no audience, no "Send to Tuesday people".
    expect(bea.get_by_role("button", name=re.compile("Send to"))).to_have_count(0)
    expect(bea.get_by_text("How would you like them to be there?")).to_have_count(0)
    assert_accessible(bea)

    bea.get_by_label("Add a few words (optional)").fill("Saw the sea and thought of you")
    send.click()
    expect(bea.get_by_role("heading", name="You\u2019re thinking of Ana", level=1)).to_be_visible()
    expect(bea.get_by_role("status")).to_have_text("We let Ana know you\u2019re thinking of them.")
    expect(
        bea.get_by_text(re.compile(r"^It\u2019s on its way to Ana|^It reached Ana"))
    ).to_be_visible()
    expect(bea.get_by_text("sent", exact=True)).to_have_count(0)
    assert_accessible(bea)
    nudge = CheckIn.objects.get(kind=Kind.NUDGE)
    assert [m.user for m in nudge.audience.all()] == [tuesday_people["ana"]]
    assert nudge.message == "Saw the sea and thought of you"

    # Its own page says it in full too, never a lone "sent".
    bea.goto(f"/checkins/{nudge.pk}")
    expect(bea.get_by_role("heading", name="You\u2019re thinking of Ana", level=1)).to_be_visible()
    expect(
        bea.get_by_text(re.compile(r"^It\u2019s on its way to Ana|^It reached Ana"))
    ).to_be_visible()
    expect(bea.get_by_text("sent", exact=True)).to_have_count(0)


# --- 3 and 15: a nudge answered "Could use you"; home stays current --------------------------


def test_could_use_you_reaches_the_nudger_and_the_prompt_stays(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    bea_user, ana_user = tuesday_people["bea"], tuesday_people["ana"]
    checkin_create(
        requester=bea_user,
        circle=tuesday_people["circle"],
        kind=Kind.NUDGE,
        audience=[ana_user.pk],
    )
    _, bea = phone_for(new_phone, "bea@example.com", "Bea")
    expect(bea.get_by_role("region", name="Lately")).to_have_count(0)

    _, ana = phone_for(new_phone, "ana@example.com", "Ana")
    card = ana.get_by_role("region", name="Bea is thinking of you — how are you?")
    card.get_by_role("button", name="Could use you").click()
    expect(card.get_by_role("group", name="Reach out to Bea")).to_be_visible()
    # A reload keeps the prompt until Ana acts on it or puts it away.
    ana.reload()
    card = ana.get_by_role("region", name="Bea is thinking of you — how are you?")
    expect(card.get_by_role("group", name="Reach out to Bea")).to_be_visible()
    assert_accessible(ana)

    # Bea's home, open all along, shows it once the app is back in front: no push needed.
    came_to_front(bea)
    lately = bea.get_by_role("region", name="Lately")
    expect(lately.get_by_role("link", name=re.compile("Ana could use you"))).to_be_visible()
    assert_accessible(bea)

    card.get_by_role("button", name=re.compile("Not now")).click()
    expect(
        ana.get_by_role("status").filter(has_text="Bea knows you could use them")
    ).to_be_visible()
    ana.reload()
    expect(ana.get_by_role("heading", name=re.compile("Hi, Ana"))).to_be_visible()
    expect(ana.get_by_role("region", name="Bea is thinking of you — how are you?")).to_have_count(0)


def test_home_shows_what_happened_and_refreshes_on_push(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    bea_user, ana_user, circle = (
        tuesday_people["bea"],
        tuesday_people["ana"],
        tuesday_people["circle"],
    )
    _, bea = phone_for(new_phone, "bea@example.com", "Bea")
    wait_for_service_worker(bea)
    expect(bea.get_by_role("heading", name="Hi, Bea")).to_be_visible()

    # Meanwhile: Kim asks to join; Ana reached out, Bea was there, Ana is okay now.
    make_join_request(circle, make_person(display_name="Kim"))
    make_session(ana_user, circle, {bea_user: "on_my_way"})
    push_arrived(bea)
    lately = bea.get_by_role("region", name="Lately")
    expect(lately.get_by_role("link", name="Ana is okay now")).to_be_visible()
    join = lately.get_by_role("link", name=re.compile("Kim would like to join Tuesday people"))
    expect(join).to_be_visible()
    # A calm list: words and times, no counters or badges.
    assert not re.search(r"\(\d+\)|\b\d+ new\b", lately.inner_text())
    assert_accessible(bea)
    join.click()
    expect(bea).to_have_url(f"/circles/{circle.pk}")


# --- 6: the two disclosures look tappable ---------------------------------------------------


def test_check_on_me_later_and_thinking_of_someone_look_tappable(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    _, bea = phone_for(new_phone, "bea@example.com", "Bea")
    bea.goto("/reach-out")
    for name in ("Check on me later", "Thinking of someone?"):
        summary = bea.locator("summary", has_text=name)
        expect(summary).to_be_visible()
        look = summary.evaluate(
            """el => {
                const s = getComputedStyle(el), chevron = getComputedStyle(el, '::after');
                return {border: s.borderTopStyle, cursor: s.cursor,
                        chevron: chevron.content, chevronBorder: chevron.borderRightStyle};
            }"""
        )
        assert look == {
            "border": "solid",
            "cursor": "pointer",
            "chevron": '""',
            "chevronBorder": "solid",
        }, (name, look)
    assert_accessible(bea)


# --- 9: no hover colours stuck on touch -----------------------------------------------------


def test_hover_colours_only_with_a_real_pointer(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    _, bea = phone_for(new_phone, "bea@example.com", "Bea")
    assert bea.evaluate("matchMedia('(hover: hover)').matches") is False
    unguarded: set[str] = set()
    for path in ("/", "/reach-out", f"/circles/{tuesday_people['circle'].pk}", "/account"):
        bea.goto(path)
        bea.wait_for_load_state("networkidle")
        unguarded |= set(
            bea.evaluate(
                """() => {
                    const out = [];
                    const walk = (rules, guarded) => {
                      for (const rule of rules) {
                        const hover = rule.selectorText && rule.selectorText.includes(':hover');
                        if (rule instanceof CSSMediaRule) {
                          const mine = rule.conditionText.includes('hover: hover');
                          walk(rule.cssRules, guarded || mine);
                        } else if (hover && !guarded) {
                          out.push(rule.selectorText);
                        }
                      }
                    };
                    for (const sheet of document.styleSheets) walk(sheet.cssRules, false);
                    return out;
                }"""
            )
        )
    assert unguarded == set()


# --- 17: a way back on every screen that is not a top screen --------------------------------


def test_every_inner_screen_has_a_way_back(new_phone: Any, tuesday_people: dict[str, Any]) -> None:
    context, first = phone_for(new_phone, "bea@example.com", "Bea")
    expect(first.get_by_role("link", name="Back", exact=True)).to_have_count(0)

    # Opened straight in a new window (as from a notification: no history), back goes to
    # where the screen belongs.
    bea = context.new_page()
    bea.goto("/settings/notifications")
    expect(bea.get_by_role("heading", level=1)).to_be_visible()
    bea.get_by_role("link", name="Back", exact=True).click()
    expect(bea).to_have_url(re.compile(r"/account$"))
    bea.get_by_role("link", name="Back", exact=True).click()
    expect(bea).to_have_url(re.compile(r"/$"))

    # Walked into: back returns to the screen before.
    bea.get_by_role("link", name=re.compile("Tuesday people")).click()
    expect(bea.get_by_role("heading", name="Tuesday people", level=1)).to_be_visible()
    assert_accessible(bea)
    bea.get_by_role("link", name="Our moments").click()
    expect(bea).to_have_url(re.compile(r"/moments$"))
    bea.get_by_role("link", name="Back", exact=True).click()
    expect(bea.get_by_role("heading", name="Tuesday people", level=1)).to_be_visible()
    bea.get_by_role("link", name="Back", exact=True).click()
    expect(bea.get_by_role("heading", name="Hi, Bea")).to_be_visible()

    for path in ("/reach-out", "/account", "/about", "/crisis", "/circles/new"):
        bea.goto(path)
        expect(bea.get_by_role("link", name="Back", exact=True)).to_be_visible()


# --- 7: a cold start offline ----------------------------------------------------------------


def test_cold_start_offline_shows_home_and_a_reach_out_waits(
    new_phone: Any, tuesday_people: dict[str, Any]
) -> None:
    context, bea = phone_for(new_phone, "bea@example.com", "Bea")
    expect(bea.get_by_role("link", name=re.compile("Tuesday people"))).to_be_visible()
    wait_for_service_worker(bea)
    bea.wait_for_load_state("networkidle")

    context.set_offline(True)
    bea.goto("/")
    expect(bea.get_by_role("heading", name="Hi, Bea")).to_be_visible()
    expect(bea.get_by_role("status").filter(has_text="You're offline")).to_be_visible()
    expect(bea.get_by_role("link", name=re.compile("Tuesday people"))).to_be_visible()
    assert_accessible(bea)
    bea.get_by_role("link", name=re.compile("I need someone")).click()
    send = bea.get_by_role("button", name="Send to Tuesday people")
    expect(send).to_be_visible()
    bea.get_by_role("group", name="How would you like them to be there?").get_by_label(
        "Text me"
    ).check()
    send.click()
    expect(
        bea.get_by_role("status").filter(has_text="Will send when you're back online")
    ).to_be_visible()
    assert CheckIn.objects.count() == 0

    context.set_offline(False)
    expect(bea).to_have_url(SESSION_URL)
    expect(bea.get_by_role("heading", name="You asked Tuesday people", level=1)).to_be_visible()
    bea.goto("/")
    expect(bea.get_by_role("link", name="You asked Tuesday people")).to_be_visible()
    assert CheckIn.objects.filter(requester=tuesday_people["bea"]).count() == 1
    assert CheckIn.objects.get().mode == "text"

    # Logging out leaves nothing of Bea's on this phone.
    assert bea.evaluate("localStorage.getItem('shoulder.last-known')") is not None
    bea.goto("/account")
    bea.get_by_role("button", name="Log out").click()
    expect(bea).to_have_url(re.compile(r"/login"))
    assert bea.evaluate("localStorage.getItem('shoulder.last-known')") is None


# --- 11: first steps after signing up or joining --------------------------------------------


def test_first_steps_after_joining_are_guided_skippable_and_remembered(
    new_phone: Any, make_user: Any
) -> None:
    bea = make_user(display_name="Bea", email="bea@example.com")
    ana = make_user(display_name="Ana", email="ana@example.com")
    circle = make_circle(bea, [ana], name="Tuesday people")

    # Ana has just joined: the circle's page guides her first.
    _, page = phone_for(new_phone, "ana@example.com", "Ana", first_steps=True)
    page.goto(f"/circles/{circle.pk}")
    steps = page.get_by_role("region", name="Put Shoulder on your home screen")
    expect(steps).to_be_visible()
    assert_accessible(page)

    # On home too, right under "I need someone", not under the footer.
    page.goto("/")
    steps = page.get_by_role("region", name="Put Shoulder on your home screen")
    expect(steps).to_be_visible()
    below_reach_out = page.evaluate(
        """() => {
            const reach = document.querySelector('a.reach-out').getBoundingClientRect();
            const guide = document.querySelector('.onboarding').getBoundingClientRect();
            return guide.top >= reach.bottom && guide.top < window.innerHeight * 2;
        }"""
    )
    assert below_reach_out
    steps.get_by_role("button", name="Skip for now").click()
    notify = page.get_by_role("region", name="Turn on notifications")
    expect(notify.get_by_role("button", name="Turn on notifications")).to_be_visible()
    assert_accessible(page)
    notify.get_by_role("button", name="Skip for now").click()
    expect(page.get_by_role("region", name="Turn on notifications")).to_have_count(0)

    page.reload()
    expect(page.get_by_role("heading", name="Hi, Ana")).to_be_visible()
    expect(page.get_by_role("region", name="Put Shoulder on your home screen")).to_have_count(0)
    expect(page.get_by_role("region", name="Turn on notifications")).to_have_count(0)


def test_first_steps_on_iphone_show_the_home_screen_guide(new_phone: Any, make_user: Any) -> None:
    make_user(display_name="Ana", email="ana@example.com")
    _, page = new_phone(
        user_agent=(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
        )
    )
    log_in(page, "ana@example.com", "Ana")
    steps = page.get_by_role("region", name="Put Shoulder on your home screen")
    expect(steps.get_by_text("Add to Home Screen")).to_be_visible()
    steps.get_by_role("button", name="I\u2019ve done it").click()
    notify = page.get_by_role("region", name="Turn on notifications")
    expect(notify).to_be_visible()
    # The footer doesn't repeat the guide once it's been walked through.
    expect(page.get_by_role("region", name="Add Shoulder to your Home Screen")).to_have_count(0)

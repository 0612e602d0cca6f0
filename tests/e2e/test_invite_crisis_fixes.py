"""Issue #14 items 8 and 9 (and #17's crisis help by region), on a phone: the crisis page
shows the person's own region first with its emergency number, online and without the
server; the invite sheet tells links apart and asks before revoking; a member opening their
own used link is told they're already in; the quiet-hours times fit their card."""

import importlib
import re
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from backend.circles import services
from backend.circles.models import Invite
from backend.web.models import CrisisResource
from tests.common.world import circle_world, make_person
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def crisis_rows(transactional_db: Any) -> None:
    """The rows migration 0003 loads (a transactional test before this one flushed them)."""
    if not CrisisResource.objects.exists():
        migration = importlib.import_module("backend.web.migrations.0003_crisis_resource_defaults")
        migration.load_defaults(apps, None)


def emergency_card(page: Page) -> Any:
    return page.get_by_role("region", name="In an emergency")


@pytest.mark.usefixtures("crisis_rows")
@pytest.mark.parametrize(
    ("locale", "zone", "country", "call", "line"),
    [
        ("en-US", "America/New_York", "United States", "Call 911", "988 Suicide & Crisis Lifeline"),
        ("en-GB", "Europe/London", "United Kingdom", "Call 999", "Samaritans"),
        # A Spanish browser gets the app in Spanish (#17).
        ("es-MX", "America/Mexico_City", "México", "Llamar al 911", "Línea de la Vida"),
    ],
)
def test_crisis_page_shows_my_region_first(
    new_phone: Any, locale: str, zone: str, country: str, call: str, line: str
) -> None:
    _, page = new_phone(locale=locale, timezone_id=zone)
    spanish = locale.startswith("es")
    page.goto("/crisis")
    card = page.get_by_role("region", name="En una emergencia" if spanish else "In an emergency")
    expect(card.get_by_role("link", name=call)).to_be_visible()
    expect(card).to_contain_text(country)
    where = page.get_by_label("Dónde estás" if spanish else "Where you are")
    expect(where).to_have_value(re.compile(r"^[A-Z]{2}$"))
    talk = "Alguien con quien hablar en" if spanish else "Someone to talk to in"
    local = page.get_by_role("region", name=f"{talk} {country}")
    expect(local.get_by_role("heading", name=line)).to_be_visible()
    # What works anywhere is still there; 112 is no longer called "Worldwide".
    expect(page.get_by_role("link", name="findahelpline.com")).to_be_visible()
    expect(page.get_by_text("Worldwide", exact=True)).to_have_count(0)
    assert_accessible(page)


@pytest.mark.usefixtures("crisis_rows")
def test_a_signed_in_person_gets_their_profiles_region(new_phone: Any) -> None:
    make_person("Kai", "kai@example.com", timezone="Australia/Sydney")
    _, page = new_phone()  # an en-GB browser in London
    log_in(page, "kai@example.com", "Kai")
    page.goto("/crisis")
    expect(emergency_card(page).get_by_role("link", name="Call 000")).to_be_visible()
    expect(page.get_by_role("heading", name="Lifeline Australia")).to_be_visible()


@pytest.mark.usefixtures("crisis_rows")
def test_picking_a_region_sticks_and_works_without_the_server(new_phone: Any) -> None:
    context, page = new_phone()
    page.goto("/crisis")
    expect(emergency_card(page).get_by_role("link", name="Call 999")).to_be_visible()
    page.get_by_label("Where you are").select_option(label="Spain")
    expect(emergency_card(page).get_by_role("link", name="Call 112")).to_be_visible()
    expect(page.get_by_role("heading", name="Línea 024")).to_be_visible()

    # The server is out of reach: the bundled copy has every region, and the choice stays.
    context.route("**/api/v1/crisis-resources/", lambda route: route.abort())
    page.evaluate("localStorage.removeItem('shoulder.crisis-resources.v2')")
    page.reload()
    expect(emergency_card(page).get_by_role("link", name="Call 112")).to_be_visible()
    expect(page.get_by_role("heading", name="Teléfono de la Esperanza")).to_be_visible()
    page.get_by_label("Where you are").select_option(label="New Zealand")
    expect(emergency_card(page).get_by_role("link", name="Call 111")).to_be_visible()


@pytest.mark.usefixtures("crisis_rows")
def test_a_resource_added_in_the_admin_shows_beside_the_defaults(phone: Page) -> None:
    CrisisResource.objects.create(
        name="Our town's night line", region="GB", phone="0800 123 456", position=1
    )
    phone.goto("/crisis")
    local = phone.get_by_role("region", name="Someone to talk to in United Kingdom")
    expect(local.get_by_role("heading", name="Our town's night line")).to_be_visible()
    expect(local.get_by_role("heading", name="Samaritans")).to_be_visible()
    expect(emergency_card(phone).get_by_role("link", name="Call 999")).to_be_visible()


# --- item 9 ---------------------------------------------------------------------------


def test_invite_links_can_be_told_apart_and_revoking_asks_first(phone: Page) -> None:
    w = circle_world(members=2)  # 3 of 12: room for 9
    Invite.objects.create(
        circle=w.circle,
        created_by=w.owner,
        token_hash="a" * 64,
        expires_at=timezone.now() + timedelta(days=5),
        max_uses=3,
        use_count=1,
        message="For the climbing crew",
    )
    Invite.objects.create(
        circle=w.circle,
        created_by=w.owner,
        token_hash="b" * 64,
        expires_at=timezone.now() + timedelta(days=2),
        max_uses=1,
        email="sam@example.com",
    )
    log_in(phone, w.owner.email, "Alex")
    phone.goto(f"/circles/{w.circle.pk}")
    phone.get_by_role("button", name="Invite someone").click()
    sheet = phone.get_by_role("dialog", name="Invite someone")
    # Uses are capped by the room left in the circle, not "1 to 50".
    expect(sheet.get_by_text("From 1 to 9")).to_be_visible()
    sheet.get_by_label("How many people can use it").fill("10")
    sheet.get_by_role("button", name="Create invite link").click()
    expect(sheet.get_by_text("Choose a number from 1 to 9.")).to_be_visible()

    rows = sheet.locator(".invite-row")
    crew = rows.filter(has_text="For the climbing crew")
    expect(crew).to_contain_text("2 of 3 uses left")
    expect(crew).to_contain_text("Made ")
    sam = rows.filter(has_text="Emailed to sam@example.com")
    expect(sam).to_contain_text("For one person, not used yet")

    # Revoking asks first; "Keep it" keeps it.
    crew.get_by_role("button", name="Revoke").click()
    expect(crew.get_by_text("Revoke this link?")).to_be_visible()
    assert_accessible(phone)
    crew.get_by_role("button", name="Keep it").click()
    expect(crew.get_by_role("button", name="Revoke")).to_be_visible()
    assert Invite.objects.filter(revoked_at__isnull=False).count() == 0
    crew.get_by_role("button", name="Revoke").click()
    crew.get_by_role("button", name="Yes, revoke it").click()
    expect(crew).to_contain_text("Revoked")
    assert Invite.objects.get(message="For the climbing crew").revoked_at is not None
    assert Invite.objects.get(email="sam@example.com").revoked_at is None


def test_opening_my_own_used_link_says_im_already_in(phone: Page) -> None:
    w = circle_world()
    friend = make_person("Sam", "sam@example.com")
    created = services.invite_create(circle=w.circle, created_by=w.owner, max_uses=1)
    services.invite_accept(token=created.token, user=friend)
    log_in(phone, "sam@example.com", "Sam")
    phone.goto(f"/invite/{created.token}")
    expect(phone.get_by_role("heading", name=f"You're already in {w.circle.name}")).to_be_visible()
    expect(phone.get_by_text("already been used")).to_have_count(0)
    phone.get_by_role("link", name="Go to your circles").click()
    expect(phone).to_have_url(re.compile(r"/circles$"))


@pytest.mark.parametrize("width", [320, 390])
def test_quiet_hours_times_fit_their_card(new_phone: Any, width: int) -> None:
    make_person("Kai", "kai@example.com")
    _, page = new_phone(viewport={"width": width, "height": 800})
    log_in(page, "kai@example.com", "Kai")
    page.goto("/settings/notifications")
    card = page.locator("form.card")
    expect(card.get_by_label("From")).to_be_visible()
    box = card.bounding_box()
    assert box is not None
    for label in ("From", "Until"):
        field = card.get_by_label(label).bounding_box()
        assert field is not None
        assert field["x"] >= box["x"], label
        assert field["x"] + field["width"] <= box["x"] + box["width"], (label, field, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

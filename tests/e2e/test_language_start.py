"""On a phone, a newcomer whose browser speaks Spanish: the landing, sign-up and verify screens
are in Spanish, the new account is Spanish, and the crisis page puts Spain first (112, then the
024 line), offline too. Someone whose browser speaks English can switch before signing up."""

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from playwright.sync_api import Page, Playwright, expect

from backend.accounts.models import User
from backend.web.models import CrisisResource
from tests.common.world import PASSWORD
from tests.e2e.conftest import (
    assert_accessible,
    installed_context,
    wait_for_service_worker,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SPANISH_HEADING = "Amistades que aparecen cuando lloras"
SPANISH = {"locale": "es-ES", "extra_http_headers": {"Accept-Language": "es-ES,es;q=0.9"}}


def sign_up_in_spanish(page: Page, name: str, email: str) -> None:
    page.get_by_label("Tu nombre").fill(name)
    page.get_by_label("Correo").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Crear mi cuenta").click()


def test_a_newcomer_with_a_spanish_browser_signs_up_in_spanish(
    new_phone: Any, mailoutbox: list[Any]
) -> None:
    _, page = new_phone(**SPANISH)
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(SPANISH_HEADING)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_text(re.compile("Shoulder es para un círculo pequeño"))).to_be_visible()
    expect(page.get_by_role("link", name="¿Necesitas ayuda ahora mismo?")).to_be_visible()
    expect(page.get_by_label("Idioma", exact=True)).to_have_value("es")
    main = page.locator("main")
    # Sign up still comes first.
    assert main.get_by_role("link").first.inner_text() == "Crear cuenta"
    assert_accessible(page)

    main.get_by_role("link", name="Crear cuenta").click()
    expect(page.get_by_role("heading", name="Crea tu cuenta")).to_be_visible()
    expect(page).to_have_title("Crear cuenta · Shoulder")
    expect(page.get_by_text("Como te llaman tus amistades.")).to_be_visible()
    assert_accessible(page)
    sign_up_in_spanish(page, "Lucía", "lucia@example.com")

    expect(page.get_by_role("heading", name="Mira tu correo")).to_be_visible()
    expect(page.get_by_text(re.compile("Enviamos un código corto a"))).to_be_visible()
    expect(page.get_by_label("Código")).to_be_visible()
    expect(page.get_by_role("button", name="Confirmar")).to_be_visible()
    expect(page.get_by_role("button", name="Enviar un código nuevo")).to_be_visible()
    assert_accessible(page)
    # The account speaks Spanish everywhere (pushes, emails), and so did its first email.
    assert User.objects.get(email="lucia@example.com").language == "es"
    assert len(mailoutbox) == 1

    # A wrong code: the server's answer is in Spanish too.
    page.get_by_label("Código").fill("WRONG1")
    page.get_by_role("button", name="Confirmar").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("alert")).not_to_have_text(re.compile(r"\b(the|code|invalid)\b", re.I))


def test_an_english_browser_can_switch_to_spanish_before_signing_up(new_phone: Any) -> None:
    _, page = new_phone()
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Friends who show up when you cry")
    page.get_by_label("Language", exact=True).select_option("es")
    expect(page.get_by_role("heading", level=1)).to_have_text(SPANISH_HEADING)
    page.locator("main").get_by_role("link", name="Crear cuenta").click()
    expect(page.get_by_role("heading", name="Crea tu cuenta")).to_be_visible()
    expect(page.get_by_label("Idioma", exact=True)).to_have_value("es")
    sign_up_in_spanish(page, "Sam", "sam@example.com")
    expect(page.get_by_role("heading", name="Mira tu correo")).to_be_visible()
    assert User.objects.get(email="sam@example.com").language == "es"

    # And back: the log-in screen has the switch too.
    page.goto("/login")
    expect(page.get_by_role("heading", name="Qué bueno verte de nuevo")).to_be_visible()
    page.get_by_label("Idioma", exact=True).select_option("en")
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()


@pytest.fixture
def crisis_rows(transactional_db: Any) -> None:
    """The rows migration 0003 loads (a transactional test before this one flushed them)."""
    if not CrisisResource.objects.exists():
        migration = importlib.import_module("backend.web.migrations.0003_crisis_resource_defaults")
        migration.load_defaults(apps, None)


@pytest.fixture
def spanish_installed_phone(
    playwright_instance: Playwright, live_server: Any, tmp_path: Path
) -> Any:
    """A persistent context (a service worker that can answer offline), in Spanish."""
    with installed_context(
        playwright_instance, live_server, tmp_path / "profile", **SPANISH
    ) as context:
        yield context


def expect_spain_first(page: Page) -> None:
    expect(
        page.get_by_role("heading", name="¿Necesitas ayuda ahora mismo?", level=1)
    ).to_be_visible()
    expect(page.get_by_label("Dónde estás")).to_have_value("ES")
    expect(page.get_by_role("heading", name="En una emergencia")).to_be_visible()
    expect(page.get_by_text("Emergencias en España.")).to_be_visible()
    calls = page.get_by_role("link", name=re.compile(r"^Llamar al "))
    expect(calls.nth(0)).to_have_text("Llamar al 112")
    expect(calls.nth(1)).to_have_text("Llamar al 024")
    expect(page.get_by_role("heading", name="Alguien con quien hablar en España")).to_be_visible()
    expect(
        page.get_by_text(re.compile("Shoulder no es un servicio de emergencias")).first
    ).to_be_visible()


@pytest.mark.usefixtures("crisis_rows")
def test_the_crisis_page_shows_spain_first_in_spanish_also_offline(
    spanish_installed_phone: Any,
) -> None:
    context = spanish_installed_phone
    page = context.pages[0] if context.pages else context.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    # The server's list (then kept for offline), not only the built-in one.
    with page.expect_response(lambda r: r.url.endswith("/api/v1/crisis-resources/")):
        page.get_by_role("link", name="¿Necesitas ayuda ahora mismo?").click()
    expect_spain_first(page)
    assert_accessible(page)

    context.set_offline(True)
    page.goto("/crisis")
    expect_spain_first(page)
    context.set_offline(False)

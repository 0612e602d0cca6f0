"""On a phone: the language switch changes the app at once, tells the server (pushes and
emails follow it), and is still Spanish after a reload."""

import pytest
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from tests.common.world import make_person
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_switching_to_spanish_on_the_account_screen(phone: Page) -> None:
    page = phone
    person = make_person(display_name="Noor")
    log_in(page, person.email, name="Noor")

    page.goto("/account")
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/me/") and r.request.method == "PATCH"
    ) as saved:
        page.get_by_label("Language", exact=True).select_option("es")
    assert saved.value.status == 200
    expect(page.get_by_label("Idioma", exact=True)).to_have_value("es")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    # The account's own cards switch at once.
    expect(page.get_by_role("heading", name="Dónde tienes la sesión abierta")).to_be_visible()
    expect(page.get_by_role("button", name="Descargar mis datos")).to_be_visible()
    expect(page.get_by_label("Zona horaria", exact=True)).to_be_visible()
    assert User.objects.get(pk=person.pk).language == "es"
    assert_accessible(page)

    page.reload()
    expect(page.get_by_label("Idioma", exact=True)).to_have_value("es")

    page.goto("/account/security")
    expect(page.get_by_role("heading", name="Que tu cuenta siga siendo tuya")).to_be_visible()
    expect(page.get_by_role("button", name="Configurar una app de autenticación")).to_be_visible()


def test_a_spanish_profile_shows_spanish_on_a_new_device(phone: Page) -> None:
    page = phone
    person = make_person(display_name="Ana", language="es")
    log_in(page, person.email, name="Ana")
    page.goto("/account")
    expect(page.get_by_label("Idioma", exact=True)).to_have_value("es")
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_the_moderation_screens_speak_spanish(phone: Page) -> None:
    page = phone
    person = make_person(display_name="Lucía", language="es")
    log_in(page, person.email, name="Lucía")
    page.goto("/reports")
    expect(page.get_by_role("heading", name="Mis reportes")).to_be_visible()
    expect(page.get_by_text("No has reportado nada.", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Volver a tu cuenta")).to_be_visible()
    page.goto("/account/standing")
    expect(page.get_by_role("heading", name="Tu situación")).to_be_visible()
    expect(page.get_by_text("No hay nada aquí. Gracias por cuidar tus círculos.")).to_be_visible()
    # The screen's own link (the header's says the same, now in Spanish too).
    main = page.locator("main")
    expect(main.get_by_role("link", name="¿Necesitas ayuda ahora mismo?")).to_be_visible()

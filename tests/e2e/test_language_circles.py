"""On a phone, in Spanish: a circle, its invite sheet, its people, the notification settings
and the notes written afterwards all speak the person's language, and no English is left."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.circles.models import Circle
from tests.common.world import join, make_person, make_session
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def no_english(page: Page, *sentences: str) -> None:
    for sentence in sentences:
        expect(page.get_by_text(sentence, exact=False)).to_have_count(0)


def test_a_spanish_speaker_keeps_a_circle_in_spanish(
    new_phone: Any, live_server: Any, settings: Any
) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "SITE_URL": live_server.url}
    lucia = make_person(display_name="Lucía", language="es")
    bea = make_person(display_name="Bea")
    _, page = new_phone()
    log_in(page, lucia.email)
    expect(page).to_have_url(re.compile(r"/$"))

    # She starts a circle (the new-circle form found by its parts, whatever its language).
    page.goto("/circles/new")
    page.locator("#circle-name").fill("Gente del martes")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/circles/[0-9a-f-]{36}$"))
    circle_url = page.url
    expect(page.get_by_role("heading", name="Gente del martes", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Personas en este círculo")).to_be_visible()
    expect(page.get_by_text("(tú)")).to_be_visible()
    expect(page.get_by_text("responsable", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Ajustes del círculo")).to_be_visible()
    expect(page.get_by_label("Yo acepto a las personas nuevas")).not_to_be_checked()
    expect(page.get_by_role("button", name="Salir del círculo")).to_be_visible()
    expect(page.get_by_role("button", name="Eliminar el círculo")).to_be_visible()
    no_english(
        page,
        "People in this circle",
        "Invite someone",
        "Circle settings",
        "I approve new members",
        "Leave circle",
        "Our moments",
    )
    assert_accessible(page)

    # The invite sheet.
    page.get_by_role("button", name="Invitar a alguien").click()
    sheet = page.get_by_role("dialog", name="Invitar a alguien")
    expect(sheet).to_be_visible()
    expect(sheet.get_by_text("Todavía no hay enlaces.")).to_be_visible()
    sheet.get_by_label("Mensaje personal").fill("Ven con nosotras los martes.")
    expect(sheet.get_by_label("Cuántas personas pueden usarlo")).to_have_value("1")
    sheet.get_by_role("button", name="Crear enlace de invitación").click()
    expect(sheet.get_by_role("heading", name="Tu enlace está listo")).to_be_visible()
    link = sheet.get_by_label("Enlace de invitación", exact=True)
    expect(link).to_have_value(re.compile(r"/invite/[\w-]{20,}$"))
    invite_url = link.input_value()
    expect(sheet.get_by_role("button", name="Copiar enlace")).to_be_visible()
    expect(
        sheet.get_by_role("img", name="Código QR del enlace de invitación a Gente del martes")
    ).to_be_visible()
    expect(sheet.get_by_text("Abierto · Para 1 persona, sin usar todavía")).to_be_visible()
    expect(sheet.get_by_text(re.compile(r"^Creado el .+, abierto hasta el "))).to_be_visible()
    no_english(sheet, "Your link is ready", "Copy link", "Your invite links", "not used yet")
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(sheet).to_have_count(0)

    # Bea joins; they sat together once. Her circle now has people in it.
    circle = Circle.objects.get(name="Gente del martes")
    join(circle, bea)
    checkin = make_session(bea, circle, {lucia: "on_my_way"}, mode="sit_with_me")
    page.reload()
    page.get_by_role("button", name=re.compile(r"^Bea")).click()
    member = page.get_by_role("dialog", name="Bea")
    expect(member.get_by_role("link", name="Enviar un «pienso en ti»")).to_be_visible()
    expect(member.get_by_role("button", name="Hacer responsable")).to_be_visible()
    expect(member.get_by_role("button", name="Quitar del círculo")).to_be_visible()
    expect(member.get_by_role("button", name="Reportar a Bea")).to_be_visible()
    member.get_by_role("button", name="Bloquear").click()
    expect(member.get_by_role("button", name="Sí, bloquear a Bea")).to_be_visible()
    expect(member.get_by_text("No se lo decimos.", exact=False)).to_be_visible()
    no_english(member, "Make owner", "Remove from circle", "Send a nudge")
    page.keyboard.press("Escape")

    # The notification settings.
    page.goto("/settings/notifications")
    expect(page.get_by_role("heading", name="Notificaciones", level=1)).to_be_visible()
    expect(page.get_by_text("Shoulder solo te toca el hombro cuando importa:")).to_be_visible()
    prefs = page.get_by_role("form", name="Qué te llega")
    expect(prefs).to_be_visible()
    expect(prefs.get_by_label("Horas de silencio", exact=True)).to_be_visible()
    let_through = "Dejar pasar las peticiones de apoyo en horas de silencio"
    expect(prefs.get_by_label(let_through)).to_be_visible()
    group = prefs.get_by_role("group", name="Gente del martes")
    expect(group.get_by_role("radio", name="Todo")).to_be_checked()
    group.get_by_role("radio", name="Solo peticiones de apoyo").check()
    prefs.get_by_role("button", name="Guardar").click()
    expect(prefs.get_by_role("status")).to_have_text("Guardado.")
    no_english(page, "What reaches you", "Quiet hours", "Everything", "Only reach-outs", "Muted")
    assert_accessible(page)

    # Afterwards: she writes a note and reads it back.
    page.goto(f"/checkins/{checkin.pk}/notes")
    expect(page.get_by_role("heading", name="Nuestras notas", level=1)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Bea pidió apoyo · \d{1,2} de \w+"))).to_be_visible()
    expect(page.get_by_text("Todavía no hay notas.", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Añade una nota")).to_be_visible()
    expect(page.get_by_text("¿Qué te ayudó?")).to_be_visible()
    page.get_by_role("button", name="Otra idea").click()
    expect(page.get_by_text("¿Algo que quieras agradecerles?")).to_be_visible()
    expect(page.get_by_role("radio", name="Solo nosotros: quienes estuvieron ahí")).to_be_checked()
    page.get_by_label("Escribe unas palabras").fill("Gracias por quedarte conmigo toda la noche.")
    page.get_by_role("button", name="Compartir la nota").click()
    expect(page.get_by_role("status")).to_have_text("Compartida con quienes estuvieron ahí.")
    note = page.get_by_role("article").filter(has_text="toda la noche")
    expect(note.get_by_text("Solo nosotros", exact=True)).to_be_visible()
    expect(note.get_by_role("button", name="Editar")).to_be_visible()
    expect(note.get_by_role("button", name="Abrazo", exact=True)).to_be_visible()
    no_english(page, "Our notes", "Add a note", "Share note", "Who can read it?", "Just us")
    assert_accessible(page)

    # Her circle's moments gather the note.
    page.goto(circle_url + "/moments")
    expect(page.get_by_role("heading", name="Nuestros momentos", level=1)).to_be_visible()
    expect(page.get_by_text("Las veces que estuvisteis ahí", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Bea pidió apoyo · "))).to_be_visible()
    expect(page.get_by_text("toda la noche", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Abrir nuestras notas")).to_be_visible()
    expect(page.get_by_role("link", name="Momentos con Bea")).to_be_visible()
    no_english(page, "Our moments", "Open our notes", "Moments with")

    # Someone whose phone speaks Spanish opens the invite signed out.
    _, friend = new_phone(locale="es-ES")
    friend.goto(invite_url)
    expect(friend.get_by_role("heading", name="Te invitan a Gente del martes")).to_be_visible()
    expect(friend.get_by_text("quiere que estés en Gente del martes", exact=False)).to_be_visible()
    expect(friend.get_by_text("Ven con nosotras los martes.")).to_be_visible()
    expect(friend.get_by_role("link", name="Crear cuenta para entrar")).to_be_visible()
    expect(friend.get_by_role("link", name="Ya tengo una cuenta")).to_be_visible()
    no_english(friend, "You're invited", "would like you in", "Sign up to join")

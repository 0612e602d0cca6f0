"""On a phone, in Spanish: home, reaching out, one's own session with a friend's answer,
answering a friend, and nudges all speak the person's language (issue #17)."""

import re

import pytest
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from backend.checkins.models import Answer, CheckIn, Kind, Mode, Status
from backend.checkins.services import checkin_respond
from backend.circles.models import Circle
from tests.common.world import make_circle, make_person, make_session
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SESSION_URL = re.compile(r"/checkins/[0-9a-f-]{36}$")


def assert_no_english(page: Page, *sources: str) -> None:
    """None of these English source strings is anywhere on the screen."""
    text = page.locator("body").inner_text()
    found = [s for s in sources if s in text]
    assert found == [], found


def spanish_people() -> tuple[User, User, Circle]:
    """Ana reads Spanish; Bea (English) is in Ana's circle "Martes"."""
    ana = make_person("Ana", "ana@example.com", language="es")
    bea = make_person("Bea", "bea@example.com")
    return ana, bea, make_circle(ana, [bea], name="Martes")


def test_home_reaching_out_and_a_session_in_spanish(phone: Page) -> None:
    page = phone
    ana, bea, circle = spanish_people()
    # Bea is asking Ana for a call.
    make_session(bea, circle, asked=[ana], status=Status.OPEN, mode=Mode.CALL)
    log_in(page, ana.email, name="Ana")

    # Home.
    expect(page.get_by_role("heading", name="Hola, Ana", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Necesito a alguien"))).to_be_visible()
    expect(page.get_by_role("heading", name="Te necesitan")).to_be_visible()
    expect(page.get_by_role("heading", name="Tus círculos")).to_be_visible()
    card = page.get_by_role("link", name=re.compile("Bea te necesita"))
    expect(card).to_contain_text("Le gustaría una llamada")
    assert_no_english(
        page, "I need someone", "Asking for you", "Your circles", "needs you", "like a call"
    )
    assert_accessible(page)

    # Answering Bea.
    card.click()
    expect(page).to_have_url(SESSION_URL)
    expect(page.get_by_role("heading", name="Bea te necesita", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Responde a Bea")).to_be_visible()
    expect(page.get_by_role("button", name="Te llamo ahora")).to_be_visible()
    expect(page.get_by_role("button", name="Ahora no puedo, te mando un abrazo")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"^Bea pidió apoyo (ahora mismo|hace \d+ min)"))
    ).to_be_visible()
    assert_no_english(page, "Let Bea know", "On my way", "Calling you now", "asked just now")
    page.get_by_role("button", name="Voy para allá").click()
    expect(
        page.get_by_role("heading", name="¿Más o menos cuándo llegarás? (opcional)")
    ).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^En 15 min · ")).click()
    expect(page.get_by_role("status")).to_contain_text(
        re.compile(r"Dijiste: Voy para allá, hacia las \d{1,2}:\d\d.*\. Bea puede verlo\.")
    )
    expect(page.get_by_role("button", name="Cambiar cuándo llegas")).to_be_visible()
    expect(page.get_by_label("Unas palabras para Bea (opcional)")).to_be_visible()
    assert_no_english(page, "You said", "around", "Change your answer", "A few words")
    assert_accessible(page)

    # Reaching out: the compose screen.
    page.goto("/")
    page.get_by_role("link", name=re.compile("Necesito a alguien")).click()
    expect(page).to_have_url(re.compile(r"/reach-out$"))
    expect(page.get_by_role("group", name="¿A quién quieres pedir apoyo?")).to_be_visible()
    expect(page.get_by_label("Todas las personas de Martes")).to_be_visible()
    expect(page.get_by_role("group", name="¿Cómo te gustaría que te acompañen?")).to_be_visible()
    expect(page.get_by_label("Algo que quieras decir (opcional)")).to_be_visible()
    expect(page.get_by_text("Pregúntame más tarde")).to_be_visible()
    assert_no_english(
        page,
        "Who would you like to ask?",
        "Come over",
        "Just sit with me",
        "Send to",
        "Check on me later",
    )
    assert_accessible(page)
    # Sent without a way to be met: the reason is in Spanish too.
    page.get_by_role("button", name="Enviar a Martes").click()
    expect(page.get_by_text("Elige cómo te gustaría que te acompañen.")).to_be_visible()
    page.get_by_role("group", name="¿Cómo te gustaría que te acompañen?").get_by_label(
        "Solo acompáñame"
    ).check()
    page.get_by_label("Solo escúchame, no intentes arreglarlo").check()
    page.get_by_role("button", name="Enviar a Martes").click()

    # Ana's own session, then Bea's answer on it.
    expect(page).to_have_url(SESSION_URL)
    expect(page.get_by_role("heading", name="Pediste apoyo a Martes", level=1)).to_be_visible()
    expect(page.get_by_text("Pediste: Solo acompáñame")).to_be_visible()
    expect(page.get_by_role("heading", name="A quién pediste apoyo")).to_be_visible()
    expect(page.get_by_role("heading", name="Un espacio seguro")).to_be_visible()
    expect(page.get_by_role("button", name="Ya estoy bien")).to_be_visible()
    mine = CheckIn.objects.get(requester=ana, kind=Kind.REACH_OUT)
    checkin_respond(checkin=mine, responder=bea, answer=Answer.ON_MY_WAY, eta_minutes=15)
    page.reload()
    answer = page.get_by_role("listitem").filter(has_text="Bea")
    expect(answer).to_contain_text(re.compile(r"Voy para allá, hacia las \d{1,2}:\d\d"))
    assert_no_english(
        page,
        "You asked",
        "Who you asked",
        "On my way",
        "around",
        "I\u2019m okay now",
        "A safe space",
        "Cancel — sent by mistake",
        "A short update",
    )
    assert_accessible(page)


def test_a_nudge_in_spanish(phone: Page) -> None:
    page = phone
    ana, bea, circle = spanish_people()
    # Bea is thinking of Ana.
    make_session(bea, circle, asked=[ana], status=Status.OPEN, kind=Kind.NUDGE)
    log_in(page, ana.email, name="Ana")

    # Answering Bea's nudge on home, then reaching back.
    expect(
        page.get_by_role("heading", name="Bea está pensando en ti. ¿Cómo estás?")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Estoy bien")).to_be_visible()
    expect(page.get_by_role("button", name="Me pesa un poco")).to_be_visible()
    assert_no_english(page, "is thinking of you", "I\u2019m okay", "A bit heavy", "Could use you")
    page.get_by_role("button", name="Me vendrías bien").click()
    expect(page.get_by_role("status")).to_contain_text("Dijiste: Me vendrías bien. Bea lo verá.")
    reach_back = page.get_by_role("group", name="Pedir apoyo a Bea")
    expect(reach_back).to_contain_text("¿cómo te gustaría que te acompañe?")
    expect(reach_back.get_by_role("button", name="Ven a verme")).to_be_visible()
    expect(
        reach_back.get_by_role("button", name="Ahora no, buscaré apoyo de otra forma")
    ).to_be_visible()
    assert_accessible(page)

    # Sending Bea a nudge of her own.
    page.goto(f"/nudge?to={bea.pk}")
    expect(page.get_by_role("heading", name="¿Pensando en Bea?", level=1)).to_be_visible()
    expect(page.get_by_label("Añade unas palabras (opcional)")).to_be_visible()
    assert_no_english(page, "Thinking of Bea", "Add a few words", "Send Bea a nudge")
    assert_accessible(page)
    page.get_by_role("button", name="Enviar un «pienso en ti» a Bea").click()
    expect(page.get_by_role("heading", name="Estás pensando en Bea", level=1)).to_be_visible()
    expect(page.get_by_text("Le hicimos llegar a Bea tu «pienso en ti».")).to_be_visible()
    expect(page.get_by_role("link", name="Ir al inicio")).to_be_visible()
    assert_no_english(page, "thinking of", "We let Bea know", "Go home", "on its way")

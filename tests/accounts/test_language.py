"""Each person hears Shoulder in their own language: picked at sign-up (the app's choice, else
the browser's), changed on the account screen, and used for what is sent *to* them."""

from typing import Any

from django.test import Client
from django.utils.translation import gettext_lazy

from backend.accounts.models import User
from backend.notifications.models import Notification, PushSubscription
from backend.notifications.services import notify, send_test_notification
from tests.common.helpers import client_for
from tests.common.world import PASSWORD, code_from_mail, make_person

BROWSER = "/_allauth/browser/v1"


def _sign_up(client: Client, email: str, **extra: Any) -> User:
    body = {"email": email, "password": PASSWORD, "display_name": "Noor"}
    headers = extra.pop("headers", {})
    res = client.post(
        f"{BROWSER}/auth/signup",
        {**body, **extra},
        content_type="application/json",
        headers=headers,
    )
    assert res.status_code == 401, res.content
    res = client.post(
        f"{BROWSER}/auth/email/verify", {"key": code_from_mail()}, content_type="application/json"
    )
    assert res.status_code == 200, res.content
    return User.objects.get(email=email)


def test_a_new_account_takes_the_browsers_language(client: Client, db: Any) -> None:
    user = _sign_up(client, "noor@example.com", headers={"accept-language": "es-MX,es;q=0.9"})
    assert user.language == "es"
    assert client.get("/api/v1/me/").json()["language"] == "es"


def test_an_unknown_browser_language_falls_back_to_english(db: Any) -> None:
    assert _sign_up(Client(), "kim@example.com", headers={"accept-language": "ja"}).language == "en"


def test_the_language_picked_in_the_app_wins_over_the_browsers(db: Any) -> None:
    user = _sign_up(
        Client(), "ana@example.com", language="es", headers={"accept-language": "en-GB"}
    )
    assert user.language == "es"


def test_the_account_screen_changes_the_language_and_refuses_unknown_ones(db: Any) -> None:
    user = make_person()
    client = client_for(user)
    res = client.patch("/api/v1/me/", {"language": "es"}, content_type="application/json")
    assert res.status_code == 200, res.content
    assert res.json()["language"] == "es"
    user.refresh_from_db()
    assert user.language == "es"

    res = client.patch("/api/v1/me/", {"language": "xx"}, content_type="application/json")
    assert res.status_code == 400
    error = res.json()["errors"][0]
    assert (error["code"], error["attr"]) == ("invalid_choice", "language")
    # The person now reads Spanish, whatever their browser sends.
    assert "no es una elección válida" in error["detail"]


def test_errors_follow_the_browser_before_sign_in(client: Client, db: Any) -> None:
    res = client.patch(
        "/api/v1/me/",
        {"language": "es"},
        content_type="application/json",
        headers={"accept-language": "es"},
    )
    assert res.status_code in (401, 403)
    assert res.headers["Content-Language"] == "es"


def test_a_push_is_written_in_each_recipients_language(db: Any) -> None:
    sender = make_person()  # English
    ana = make_person()
    ana.language = "es"
    ana.save(update_fields=["language"])
    text = gettext_lazy("Notifications work on this device. Your friends can reach you here.")
    notify(user_ids=[sender.pk, ana.pk], kind="test", title="Shoulder", body=text, url="/")
    bodies = {n.user_id: n.payload["body"] for n in Notification.objects.all()}
    assert bodies[sender.pk].startswith("Notifications work on this device")
    assert bodies[ana.pk].startswith("Las notificaciones funcionan en este dispositivo")


def test_the_test_notification_reaches_a_spanish_speaker_in_spanish(db: Any) -> None:
    ana = make_person()
    ana.language = "es"
    ana.save(update_fields=["language"])
    PushSubscription.objects.create(
        user=ana, endpoint="https://push.example/ana", p256dh="x" * 87, auth="y" * 22
    )
    [notification] = send_test_notification(ana)
    assert notification.payload["body"].startswith("Las notificaciones funcionan")


def test_a_new_spanish_speaker_gets_the_signup_code_in_spanish(client: Client, db: Any) -> None:
    from django.core import mail

    _sign_up(client, "lucia@example.com", headers={"accept-language": "es-ES"})
    first = mail.outbox[0]
    assert first.subject.endswith("Te damos la bienvenida — tu código para terminar de registrarte")
    assert "Hola, Noor:" in first.body
    assert "Escríbelo en la app" in first.body
    assert "Con cariño," in first.body


def test_account_emails_go_out_in_the_recipients_language(db: Any) -> None:
    """A reset asked for from an English browser still reaches a Spanish speaker in Spanish."""
    from django.core import mail

    ana = make_person(display_name="Ana", language="es")
    res = Client().post(
        f"{BROWSER}/auth/password/request",
        {"email": ana.email},
        content_type="application/json",
        headers={"accept-language": "en-US"},
    )
    assert res.status_code == 401, res.content
    [message] = mail.outbox
    assert message.subject.endswith("Tu código para elegir una contraseña nueva")
    assert "Hola, Ana:" in message.body
    assert "Si no lo pediste tú, puedes ignorar este correo" in message.body
    html = message.alternatives[0][0] if message.alternatives else ""
    assert 'lang="es"' in html

    bob = make_person(display_name="Bob")
    Client().post(
        f"{BROWSER}/auth/password/request",
        {"email": bob.email},
        content_type="application/json",
        headers={"accept-language": "es"},
    )
    assert mail.outbox[-1].subject.endswith("Your code to choose a new password")
    assert "Hi Bob," in mail.outbox[-1].body

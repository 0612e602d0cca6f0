"""Pushes (and the email standing in for one) reach each person in their own language,
whoever's request sent them: the words are lazy translations that `notify()` renders per
recipient (names filled in afterwards)."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail

from tests.common.helpers import client_for, post, run_queued_tasks
from tests.common.world import make_circle, make_person
from tests.notifications.conftest import PushService, subscribe

Worker = Callable[[], None]


@pytest.mark.django_db(transaction=True)
def test_a_reach_out_and_its_answer_each_arrive_in_the_readers_language(
    push_service: PushService, run_worker: Worker
) -> None:
    sam = make_person(display_name="Sam")  # English
    ana = make_person(display_name="Ana", language="es")
    bob = make_person(display_name="Bob")  # English
    circle = make_circle(sam, [ana, bob])
    devices = {person.pk: push_service.device(person.display_name) for person in (sam, ana, bob)}
    for person in (sam, ana, bob):
        assert subscribe(client_for(person), devices[person.pk]).status_code == 201

    # Sam writes from an English browser; Ana reads Spanish, Bob English.
    res = client_for(sam).post(
        "/api/v1/checkins/",
        {
            "kind": "reach_out",
            "circle": str(circle.pk),
            "mode": "come_over",
            "no_need_to_explain": True,
        },
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert res.status_code == 201, res.content
    run_worker()

    def pushes(person: Any) -> list[dict[str, Any]]:
        device = devices[person.pk]
        return [device.decrypt(r.get_data()) for r in push_service.for_device(device)]

    [to_ana] = pushes(ana)
    assert (to_ana["title"], to_ana["body"]) == (
        "Sam te necesita",
        "¿Puedes venir? No hace falta explicar nada.",
    )
    [to_bob] = pushes(bob)
    assert (to_bob["title"], to_bob["body"]) == (
        "Sam needs you",
        "Could you come over? No need to explain.",
    )

    # Ana answers from her Spanish session: Sam still hears it in English.
    url = f"/api/v1/checkins/{res.json()['id']}/responses/"
    post(client_for(ana), url, {"answer": "on_my_way", "eta_minutes": 10}, expect=201)
    run_worker()
    [to_sam] = pushes(sam)
    assert (to_sam["title"], to_sam["body"]) == (
        "Ana is on the way — 10 min",
        "Hold on, they're coming.",
    )


@pytest.mark.django_db
def test_the_email_standing_in_for_a_push_is_in_the_friends_language(
    django_capture_on_commit_callbacks: Any,
) -> None:
    sam = make_person(display_name="Sam")  # English, asks
    ana = make_person(display_name="Ana", language="es")  # no device: she is emailed
    circle = make_circle(sam, [ana])
    with django_capture_on_commit_callbacks(execute=True):
        payload = {"kind": "reach_out", "circle": str(circle.pk), "mode": "call"}
        post(client_for(sam), "/api/v1/checkins/", payload, expect=201)
    assert run_queued_tasks("backend.checkins.emails.ask_email_send") == [True]
    [message] = mail.outbox
    assert message.subject == "Alguien de tu círculo te necesita"
    assert message.body.startswith("Sam te necesita.\n¿Puedes llamar?\n")
    assert "Abre Shoulder para responder con un toque:" in message.body


@pytest.mark.django_db
def test_a_push_to_many_is_worded_once_per_language(
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Issue #15: the words of a reach-out to 11 are rendered per language (twice here), not
    per person (11 times), and each person still reads their own language."""
    from django.utils.functional import lazy
    from django.utils.translation import get_language, gettext

    from backend.notifications.services import notify

    rendered: list[str] = []

    def words() -> str:
        rendered.append(get_language())
        return gettext("Someone in your circle needs you")

    people = [make_person(language="es" if n % 3 == 0 else "en") for n in range(11)]
    with django_capture_on_commit_callbacks(execute=True):
        sent = notify(
            user_ids=[p.pk for p in people],
            kind="reach_out",
            title=lazy(words, str)(),
            body=lazy(words, str)(),
            url="/checkins/1",
            data={"checkin_id": "1"},
        )
    assert sorted(rendered) == ["en", "en", "es", "es"]  # title and body, per language
    spanish = {p.pk for p in people if p.language == "es"}
    ids = set()
    for notification in sent:
        expected = (
            "Alguien de tu círculo te necesita"
            if notification.user_id in spanish
            else "Someone in your circle needs you"
        )
        assert notification.payload == {
            "checkin_id": "1",
            "kind": "reach_out",
            "title": expected,
            "body": expected,
            "url": "/checkins/1",
            "tag": f"reach_out-{notification.pk}",
            "notification_id": str(notification.pk),
        }
        ids.add(notification.pk)
    assert len(ids) == 11

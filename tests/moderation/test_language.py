"""What moderation tells people is in their own language, whatever the moderator reads: the
reporter's outcome (in "My reports" and its push), and the person's strike and its push."""

from typing import Any

import pytest

from backend.accounts.models import User
from backend.moderation import services
from backend.moderation.models import Strike
from backend.notifications.models import Notification
from tests.moderation.conftest import STRIKES, World, act

pytestmark = pytest.mark.django_db


def speaks_spanish(person: User) -> None:
    person.language = "es"
    person.save(update_fields=["language"])


def test_a_spanish_reporter_reads_the_outcome_in_spanish(world: World) -> None:
    speaks_spanish(world.alex)
    report = world.reported(who="alex")
    assert report.target_label.startswith("Nota de Sam, ")
    act(world.client("moderator"), report, "hide_content")
    mine = world.client("alex").get("/api/v1/reports/").json()["results"][0]
    assert mine["outcome"] == "Revisamos tu reporte y quitamos la nota."
    push = Notification.objects.get(user=world.alex, kind="report_outcome")
    assert push.payload["title"] == "Gracias por contárnoslo"
    assert push.payload["body"] == "Revisamos tu reporte y quitamos la nota."


def test_a_spanish_speaker_reads_their_strike_in_spanish(world: World) -> None:
    speaks_spanish(world.sam)
    report = world.reported(who="alex")
    # The admin form asks for a reason; without one, the person reads the default.
    services.moderation_act(
        moderator=world.moderator,
        action="warn",
        target_type=report.target_type,
        target_id=report.target_id,
        reports=[report],
    )
    strike = Strike.objects.get(person=world.sam)
    push = Notification.objects.get(user=world.sam, kind="strike")
    assert push.payload["title"] == "Una persona moderadora te envió una advertencia"
    assert push.payload["body"] == "Esto iba en contra de cómo nos cuidamos aquí."
    mine: Any = world.client("sam").get(STRIKES).json()["results"][0]
    assert mine["id"] == str(strike.pk)
    assert mine["reason"] == "Esto iba en contra de cómo nos cuidamos aquí."
    assert mine["target_label"].startswith("Nota de Sam, ")

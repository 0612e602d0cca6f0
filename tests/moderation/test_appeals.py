"""Appeals: once, within 20 days (frozen time), a warning or a suspension; approving one in
the admin reverses the action and is audited."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from backend.moderation import services
from backend.moderation.models import Appeal, ModerationAction, Strike
from backend.notifications.models import Notification
from tests.common.helpers import post
from tests.conftest import error_codes
from tests.moderation.conftest import STRIKES, World, act

pytestmark = pytest.mark.django_db


def appeal_url(strike: Strike) -> str:
    return f"{STRIKES}{strike.pk}/appeal/"


def strike_for(world: World, action: str = "warn", hide: bool = False) -> Strike:
    report = world.reported(who="alex")
    moderator = world.client("moderator")
    if hide:
        # Then the strike, from the same (now resolved) report's page.
        act(moderator, report, "hide_content")
    until = timezone.now() + dt.timedelta(days=30) if action == "suspend" else None
    assert act(moderator, report, action, reason="Not kind", until=until).status_code == 302
    return Strike.objects.get(person=world.sam)


def test_appeal_once_within_the_window(world: World) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        strike = strike_for(world)
    with time_machine.travel(start + dt.timedelta(days=19, hours=23), tick=False):
        res = post(world.client("sam"), appeal_url(strike), {"text": "I was upset, sorry."})
        assert res.status_code == 201, res.content
        body = res.json()
        assert body["appeal_status"] == "pending"
        assert body["appeal_until"].startswith((start + dt.timedelta(days=20)).date().isoformat())
        again = post(world.client("sam"), appeal_url(strike), {"text": "Please"})
        assert again.status_code == 409
        assert error_codes(again) == ["already_appealed"]
    assert Appeal.objects.get().text == "I was upset, sorry."


def test_no_appeal_after_20_days(world: World) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        strike = strike_for(world)
    with time_machine.travel(start + dt.timedelta(days=20, seconds=1), tick=False):
        res = post(world.client("sam"), appeal_url(strike), {"text": "Late"})
    assert res.status_code == 410
    assert error_codes(res) == ["appeal_window_closed"]
    assert not Appeal.objects.exists()


def test_appeal_needs_words_and_is_the_persons_own(world: World) -> None:
    strike = strike_for(world)
    res = post(world.client("sam"), appeal_url(strike), {"text": ""})
    assert res.status_code == 400
    assert res.json()["errors"][0]["attr"] == "text"
    res = post(world.client("sam"), appeal_url(strike), {"text": "x" * 1001})
    assert res.status_code == 400
    for who in ("alex", "moderator"):
        res = post(world.client(who), appeal_url(strike), {"text": "Mine?"})
        assert res.status_code == 404
    assert not Appeal.objects.exists()


def test_a_ban_is_not_appealed_here(world: World) -> None:
    strike = strike_for(world, "ban")
    strike.person.is_active = True  # as if signed in still, to reach the check
    strike.person.save()
    res = post(world.client("sam"), appeal_url(strike), {"text": "Please"})
    assert res.status_code == 409
    assert error_codes(res) == ["not_appealable"]


def test_a_suspended_person_can_appeal(world: World) -> None:
    strike = strike_for(world, "suspend")
    res = post(world.client("sam"), appeal_url(strike), {"text": "I was upset."})
    assert res.status_code == 201, res.content


def decide(world: World, action: str) -> None:
    appeal = Appeal.objects.get()
    res = world.client("moderator").post(
        "/admin/moderation/appeal/",
        {"action": action, "_selected_action": [str(appeal.pk)], "index": "0"},
    )
    assert res.status_code == 302, res.content.decode()[:1000]


def test_approving_restores_the_note_and_lifts_the_suspension(world: World) -> None:
    strike = strike_for(world, "suspend", hide=True)
    note_url = f"/api/v1/notes/{world.circle_note.pk}/"
    assert world.client("kim").get(note_url).status_code == 404
    post(world.client("sam"), appeal_url(strike), {"text": "It was a joke between us."})
    decide(world, "approve")

    assert world.client("kim").get(note_url).status_code == 200
    me = world.client("sam").get("/api/v1/me/").json()
    assert (me["standing"], me["suspended_until"]) == ("good", None)
    appeal = Appeal.objects.get()
    assert (appeal.decision, appeal.decided_by) == ("approved", world.moderator)
    assert appeal.decided_at is not None
    entry = ModerationAction.objects.order_by("-created_at").first()
    assert entry is not None
    assert (entry.action, entry.actor, entry.target_id) == (
        "appeal_approved",
        world.moderator,
        world.circle_note.pk,
    )
    strikes = world.client("sam").get(STRIKES).json()["results"]
    assert strikes[0]["appeal_status"] == "approved"
    assert Notification.objects.filter(user=world.sam, kind="appeal_decided").exists()


def test_rejecting_keeps_the_decision_and_is_audited(world: World) -> None:
    strike = strike_for(world, "warn", hide=True)
    post(world.client("sam"), appeal_url(strike), {"text": "Please"})
    decide(world, "reject")
    assert world.client("kim").get(f"/api/v1/notes/{world.circle_note.pk}/").status_code == 404
    assert Appeal.objects.get().decision == "rejected"
    assert ModerationAction.objects.filter(action="appeal_rejected").count() == 1
    # Deciding twice changes nothing.
    decide(world, "approve")
    assert Appeal.objects.get().decision == "rejected"
    assert not ModerationAction.objects.filter(action="appeal_approved").exists()


def test_only_moderators_decide(world: World) -> None:
    strike = strike_for(world)
    appeal = services.appeal_create(strike=strike, by=world.sam, text="Please")
    with pytest.raises(Exception) as caught:
        services.appeal_decide(appeal=appeal, moderator=world.alex, approve=True)
    assert getattr(caught.value, "status_code", None) == 403
    appeal.refresh_from_db()
    assert appeal.decided_at is None

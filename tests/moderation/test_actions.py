"""Each moderation action, taken through the form on a report's admin page: its effect
through the real API, and its row in the append-only audit log."""

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from backend.accounts.models import User
from backend.moderation import services
from backend.moderation.models import ModerationAction, Report, Strike
from backend.notifications.models import Notification, PushSubscription
from tests.common.world import add_device
from tests.conftest import error_codes
from tests.moderation.conftest import HURTFUL, STRIKES, World, act

pytestmark = pytest.mark.django_db

LATER = dt.timedelta(days=3)


def note_visible(world: World, who: str) -> bool:
    client = world.client(who)
    listed = client.get(f"/api/v1/checkins/{world.checkin.pk}/notes/").json()
    ids = {n["id"] for n in listed.get("results", listed) if isinstance(n, dict)}
    single = client.get(f"/api/v1/notes/{world.circle_note.pk}/").status_code
    return single == 200 and str(world.circle_note.pk) in ids


def test_dismiss(world: World) -> None:
    report = world.reported(who="alex")
    res = act(world.client("moderator"), report, "dismiss", reason="Not against the rules")
    assert res.status_code == 302, res.content.decode()[:2000]
    report.refresh_from_db()
    assert (report.status, report.outcome, report.resolved_by) == (
        "dismissed",
        "dismiss",
        world.moderator,
    )
    assert report.resolved_at is not None
    assert note_visible(world, "alex")
    mine = world.client("alex").get("/api/v1/reports/").json()["results"][0]
    assert mine["status"] == "dismissed"
    assert "didn't find anything" in mine["outcome"]


def test_hide_content_hides_the_note_for_everyone_at_once(world: World) -> None:
    for who in ("alex", "kim", "robin", "sam"):
        assert note_visible(world, who)
    report = world.reported(who="alex")
    act(world.client("moderator"), report, "hide_content")
    for who in ("alex", "kim", "robin", "sam"):
        assert not note_visible(world, who), who
    moments = world.client("robin").get(f"/api/v1/circles/{world.circle.pk}/moments/")
    assert HURTFUL not in moments.content.decode()
    report.refresh_from_db()
    assert report.status == "resolved"
    assert report.outcome_text == "We reviewed your report and removed the note."
    # The reporter is told, quietly; the push never names who reported.
    push = Notification.objects.get(user=world.alex, kind="report_outcome")
    assert push.urgency == "low"
    assert push.payload["body"] == "We reviewed your report and removed the note."


def test_hide_content_of_a_checkin_message(world: World) -> None:
    report = world.reported(who="kim", target_type="checkin")
    act(world.client("moderator"), report, "hide_content")
    for who in ("kim", "alex", "sam"):
        res = world.client(who).get(f"/api/v1/checkins/{world.checkin.pk}/")
        assert res.status_code == 200
        assert res.json()["message"] == "", who
    listed = world.client("kim").get("/api/v1/checkins/").content.decode()
    assert "bad tonight" not in listed


def test_restore_content(world: World) -> None:
    report = world.reported(who="alex")
    act(world.client("moderator"), report, "hide_content")
    assert not note_visible(world, "kim")
    services.moderation_act(
        moderator=world.moderator,
        action="restore_content",
        target_type="note",
        target_id=world.circle_note.pk,
        reason="Hidden by mistake",
    )
    assert note_visible(world, "kim")


def test_warn(world: World) -> None:
    report = world.reported(who="alex")
    act(world.client("moderator"), report, "warn", reason="Please be gentle with each other.")
    strikes = world.client("sam").get(STRIKES).json()["results"]
    assert len(strikes) == 1
    strike = strikes[0]
    assert (strike["kind"], strike["reason"], strike["snapshot"]) == (
        "warning",
        "Please be gentle with each other.",
        HURTFUL,
    )
    assert strike["appeal_status"] == "none"
    assert "alex" not in str(strike).lower()  # never who reported
    push = Notification.objects.get(user=world.sam, kind="strike")
    assert push.payload["body"] == "Please be gentle with each other."
    # Sam can still write: a warning is only a warning.
    res = world.client("sam").patch(
        "/api/v1/me/", {"display_name": "Sam"}, content_type="application/json"
    )
    assert res.status_code == 200


def test_suspend_and_unsuspend(world: World) -> None:
    report = world.reported(who="alex")
    until = (timezone.now() + LATER).replace(microsecond=0)
    res = act(world.client("moderator"), report, "suspend", until=until)
    assert res.status_code == 302
    me = world.client("sam").get("/api/v1/me/").json()
    assert me["standing"] == "suspended"
    assert me["suspended_until"].startswith(until.strftime("%Y-%m-%dT%H:%M"))
    assert Strike.objects.get(person=world.sam).kind == "suspension"
    res = world.client("sam").post(
        f"/api/v1/checkins/{world.checkin.pk}/notes/", {"body": "hi"}, "application/json"
    )
    assert res.status_code == 403
    assert error_codes(res) == ["account_suspended"]

    services.moderation_act(
        moderator=world.moderator,
        action="unsuspend",
        target_type="user",
        target_id=world.sam.pk,
        reason="Talked it through",
    )
    me = world.client("sam").get("/api/v1/me/").json()
    assert (me["standing"], me["suspended_until"]) == ("good", None)


def test_suspend_needs_a_future_end(world: World) -> None:
    report = world.reported(who="alex")
    res = act(world.client("moderator"), report, "suspend", until=None)
    assert res.status_code == 200  # the form again, with the error
    assert "Pick when the suspension ends" in res.content.decode()
    assert not ModerationAction.objects.exists()
    world.sam.refresh_from_db()
    assert world.sam.is_suspended_until is None


def test_ban_ends_sessions_and_push_subscriptions(world: World) -> None:
    add_device(world.sam)
    sam = world.client("sam")
    assert sam.get("/api/v1/me/").status_code == 200
    assert _sessions_of(world.sam) == 1
    report = world.reported(who="alex", target_type="user")
    act(world.client("moderator"), report, "ban", reason="Threats")
    assert _sessions_of(world.sam) == 0
    assert sam.get("/api/v1/me/").status_code == 401
    assert not PushSubscription.objects.filter(user=world.sam).exists()
    sam_row = User.objects.get(pk=world.sam.pk)
    assert sam_row.is_active is False
    assert Strike.objects.get(person=world.sam).kind == "ban"
    # Signing in again doesn't work either.
    res = Client().post(
        "/_allauth/browser/v1/auth/login",
        {"email": world.sam.email, "password": "quiet-harbour-lights-7"},
        content_type="application/json",
    )
    assert res.status_code in (400, 401)
    assert "session_token" not in res.content.decode()


def _sessions_of(user: User) -> int:
    from django.contrib.sessions.models import Session

    return sum(s.get_decoded().get("_auth_user_id") == str(user.pk) for s in Session.objects.all())


ACTIONS = [
    ("dismiss", None, "dismissed"),
    ("hide_content", None, "resolved"),
    ("warn", None, "resolved"),
    ("suspend", LATER, "resolved"),
    ("ban", None, "resolved"),
]


@pytest.mark.parametrize(("action", "until", "status"), ACTIONS)
def test_each_action_is_audited(
    world: World, action: str, until: dt.timedelta | None, status: str
) -> None:
    report = world.reported(who="alex")
    other = world.reported(who="kim")
    res = act(
        world.client("moderator"),
        report,
        action,
        reason="Why it was done",
        until=timezone.now() + until if until else None,
    )
    assert res.status_code == 302
    entry = ModerationAction.objects.get()
    assert (entry.actor, entry.action, entry.target_type, entry.target_id) == (
        world.moderator,
        action,
        "note",
        world.circle_note.pk,
    )
    assert entry.target_label.startswith("Note by Sam")
    assert entry.actor_label.startswith("Mod")
    assert entry.reason == "Why it was done"
    assert list(entry.reports.all()) == [report]
    report.refresh_from_db()
    other.refresh_from_db()
    assert report.status == status
    assert other.status == "open"  # only the linked reports are resolved


@pytest.mark.parametrize("action", ["restore_content", "unsuspend"])
def test_reversals_are_audited(world: World, action: str) -> None:
    target_type, target_id = (
        ("note", world.circle_note.pk) if action == "restore_content" else ("user", world.sam.pk)
    )
    services.moderation_act(
        moderator=world.moderator,
        action=action,
        target_type=target_type,
        target_id=target_id,
        reason="Undo",
    )
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.actor, entry.target_id) == (action, world.moderator, target_id)


def test_the_label_reads_after_the_note_is_gone(world: World) -> None:
    report = world.reported(who="alex")
    act(world.client("moderator"), report, "warn")
    world.circle_note.delete()
    entry = ModerationAction.objects.get()
    assert entry.target_label.startswith("Note by Sam")


def test_only_moderators_act(world: World) -> None:
    report = world.reported(who="alex")
    with pytest.raises(Exception) as caught:
        services.moderation_act(
            moderator=world.alex,
            action="hide_content",
            target_type="note",
            target_id=world.circle_note.pk,
            reports=[report],
        )
    assert getattr(caught.value, "status_code", None) == 403
    assert not ModerationAction.objects.exists()
    assert Report.objects.get().status == "open"


def test_the_log_is_append_only(world: World) -> None:
    entry = services.moderation_act(
        moderator=world.moderator,
        action="dismiss",
        target_type="note",
        target_id=world.circle_note.pk,
    )
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        ModerationAction.objects.all().update(reason="edited")
    with pytest.raises(TypeError):
        ModerationAction.objects.all().delete()
    assert ModerationAction.objects.get().reason == ""


def test_acting_is_atomic(world: World, monkeypatch: Any) -> None:
    report = world.reported(who="alex")

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("push service exploded")

    monkeypatch.setattr(services, "notify", broken)
    with pytest.raises(RuntimeError):
        services.moderation_act(
            moderator=world.moderator,
            action="hide_content",
            target_type="note",
            target_id=world.circle_note.pk,
            reports=[report],
        )
    assert note_visible(world, "kim")
    assert not ModerationAction.objects.exists()
    assert Report.objects.get().status == "open"

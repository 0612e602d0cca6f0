"""Reporting through the real endpoint: every target and category, the snapshot as evidence,
idempotence, 404 for what the reporter can't see, the rate limit, and "My reports"."""

from typing import Any

import pytest

from backend.circles.models import Block
from backend.moderation.models import Category, Report, TargetType
from tests.conftest import error_codes
from tests.moderation.conftest import HURTFUL, MESSAGE, REPORTS, World

pytestmark = pytest.mark.django_db

LABELS = {
    "note": "Note by Sam",
    "checkin": "Check-in message by Alex",
    "user": "Person: Sam",
    "circle": "Circle: Sunday people",
}
SNAPSHOTS = {"note": HURTFUL, "checkin": MESSAGE, "user": "", "circle": "Sunday people"}


@pytest.mark.parametrize("category", Category.values)
@pytest.mark.parametrize("target_type", TargetType.values)
def test_report_each_target_and_category(world: World, target_type: str, category: str) -> None:
    # Kim was there and is in the circle: can see all four.
    res = world.report("kim", target_type, category, details="  It hurt to read.  ")
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["target_type"] == target_type
    assert body["target_label"].startswith(LABELS[target_type])
    assert (body["category"], body["status"], body["outcome"]) == (category, "open", "")
    assert body["show_crisis_resources"] is (category == "self_harm_concern")
    report = Report.objects.get(pk=body["id"])
    assert report.reporter == world.kim
    assert report.snapshot == SNAPSHOTS[target_type]
    assert report.details == "It hurt to read."
    assert report.urgent is (category == "self_harm_concern")


def test_snapshot_survives_the_notes_edit_and_delete(world: World) -> None:
    report = world.reported(who="alex")
    sam = world.client("sam")
    note_url = f"/api/v1/notes/{world.circle_note.pk}/"
    res = sam.patch(note_url, {"body": "Nothing to see"}, content_type="application/json")
    assert res.status_code == 200
    report.refresh_from_db()
    assert report.snapshot == HURTFUL
    assert sam.delete(note_url).status_code == 204
    report.refresh_from_db()
    assert report.snapshot == HURTFUL
    assert report.target_label.startswith("Note by Sam")


def test_reporting_again_answers_the_same_report(world: World) -> None:
    first = world.report("alex")
    again = world.report("alex", category="spam")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["category"] == "harassment"
    assert Report.objects.count() == 1
    # Someone else's report of the same note is their own.
    assert world.report("kim").status_code == 201
    assert Report.objects.count() == 2


@pytest.mark.parametrize(
    ("who", "target_type", "target"),
    [
        ("robin", "note", "private_note"),  # a "just us" note Robin wasn't part of
        ("pat", "note", "circle_note"),  # not in the circle
        ("robin", "checkin", "checkin"),  # wasn't asked
        ("pat", "checkin", "checkin"),
        ("pat", "user", "sam"),  # shares no circle
        ("alex", "user", "alex"),  # not oneself
        ("alex", "user", "lee"),
        ("alex", "circle", "other_circle"),
        ("alex", "note", "nothing"),
    ],
)
def test_404_for_what_the_reporter_cant_see(
    world: World, who: str, target_type: str, target: str
) -> None:
    obj = getattr(world, target, None)
    target_id = str(obj.pk) if obj is not None else "00000000-0000-4000-8000-000000000000"
    res = world.report(who, target_type, target_id=target_id)
    assert res.status_code == 404
    assert error_codes(res) == ["not_found"]
    assert not Report.objects.exists()


def test_hidden_note_cant_be_reported(world: World) -> None:
    world.circle_note.hidden_at = world.circle_note.created_at
    world.circle_note.save()
    assert world.report("alex").status_code == 404


def test_rate_limited(world: World, throttle_rates: Any) -> None:
    throttle_rates(report="2/hour")
    assert world.report("kim", "note").status_code == 201
    assert world.report("kim", "user").status_code == 201
    res = world.report("kim", "circle")
    assert res.status_code == 429
    assert error_codes(res) == ["throttled"]
    assert int(res.headers["Retry-After"]) > 0
    # Reading my reports is never limited.
    assert world.client("kim").get(REPORTS).status_code == 200


def test_bad_input_names_the_field(world: World) -> None:
    res = world.report("alex", category="rude")
    assert res.status_code == 400
    assert res.json()["errors"][0]["attr"] == "category"
    res = world.report("alex", details="x" * 1001)
    assert res.json()["errors"][0]["attr"] == "details"
    res = world.report("alex", target_type="message", target_id=str(world.checkin.pk))
    assert res.json()["errors"][0]["attr"] == "target_type"
    assert not Report.objects.exists()


def test_also_block_in_the_same_step(world: World) -> None:
    res = world.report("kim", "note", also_block=True)
    assert res.status_code == 201
    assert Block.objects.filter(blocker=world.kim, blocked=world.sam).exists()
    # Reporting the person just blocked still works, and again is still the same report.
    assert world.report("kim", "user").status_code == 201
    assert world.report("kim", "note", also_block=True).status_code == 200


def test_my_reports_are_mine_only_and_paginated(world: World) -> None:
    world.report("alex", "note")
    world.report("alex", "user")
    world.report("kim", "note")
    res = world.client("alex").get(REPORTS, {"page_size": 1})
    assert res.status_code == 200
    page = res.json()
    assert len(page["results"]) == 1
    assert page["results"][0]["target_type"] == "user"  # newest first
    second = world.client("alex").get(page["next"]).json()
    assert [r["target_type"] for r in second["results"]] == ["note"]
    # The reported person sees nothing of who reported them.
    assert world.client("sam").get(REPORTS).json()["results"] == []


def test_anonymous_is_401(client: Any) -> None:
    assert client.get(REPORTS).status_code == 401
    assert client.post(REPORTS, {}, content_type="application/json").status_code == 401


def test_lists_dont_grow_their_query_count(
    world: World, django_assert_max_num_queries: Any
) -> None:
    from backend.moderation import services

    for target_type in TargetType.values:
        world.report("alex", target_type)
    for _ in range(3):
        services.moderation_act(
            moderator=world.moderator,
            action="warn",
            target_type="user",
            target_id=world.sam.pk,
            reason="Again",
        )
    alex, sam = world.client("alex"), world.client("sam")
    with django_assert_max_num_queries(6):
        assert len(alex.get(REPORTS).json()["results"]) == 4
    with django_assert_max_num_queries(6):
        assert len(sam.get("/api/v1/strikes/").json()["results"]) == 3


def test_also_block_when_reporting_again(world: World) -> None:
    """Found by the browser journey: the second report of the same thing, this time with "also
    block", answered the open report and dropped the block."""
    assert world.report("kim", "note").status_code == 201
    assert not Block.objects.exists()
    res = world.report("kim", "note", category="hate", also_block=True)
    assert res.status_code == 200
    assert Block.objects.filter(blocker=world.kim, blocked=world.sam).exists()
    assert Report.objects.filter(reporter=world.kim).count() == 1

import datetime as dt
import uuid
from typing import Any

import pytest
import time_machine

from backend.notifications.models import Delivery, Notification
from backend.notifications.services import notify
from tests.common.world import make_circle
from tests.conftest import error_codes
from tests.notifications.conftest import Device, subscribe

pytestmark = pytest.mark.django_db
SETTINGS = "/api/v1/notification-settings/"
DEFAULTS = {
    "quiet_hours": {"enabled": False, "start": "22:00", "end": "07:00"},
    "reach_outs_break_quiet_hours": True,
    "email_when_push_fails": True,
    "circles": [],
}


def _patch(client: Any, body: dict[str, Any]) -> Any:
    return client.patch(SETTINGS, body, content_type="application/json")


def test_defaults(signed_in: Any, django_assert_max_num_queries: Any) -> None:
    client, _ = signed_in()
    with django_assert_max_num_queries(5):
        res = client.get(SETTINGS)
    assert res.status_code == 200
    assert res.json() == DEFAULTS


def test_patch_quiet_hours_and_circle_levels(signed_in: Any) -> None:
    client, user = signed_in()
    circle_a = make_circle(user, name="Tuesday people").pk
    circle_b = make_circle(user, name="Old friends").pk
    res = _patch(
        client,
        {
            "quiet_hours": {"enabled": True, "start": "23:30", "end": "06:45"},
            "reach_outs_break_quiet_hours": False,
            "circles": [
                {"circle": str(circle_a), "level": "muted"},
                {"circle": str(circle_b), "level": "reach_outs"},
            ],
        },
    )
    assert res.status_code == 200, res.content
    body = res.json()
    assert body["quiet_hours"] == {"enabled": True, "start": "23:30", "end": "06:45"}
    assert body["reach_outs_break_quiet_hours"] is False
    assert body["circles"] == [
        {"circle": {"id": str(circle_a), "name": "Tuesday people"}, "level": "muted"},
        {"circle": {"id": str(circle_b), "name": "Old friends"}, "level": "reach_outs"},
    ]
    # Partial: only what is sent changes.
    res = _patch(
        client,
        {"quiet_hours": {"start": "22:00"}, "circles": [{"circle": str(circle_a), "level": "all"}]},
    )
    assert res.json()["quiet_hours"] == {"enabled": True, "start": "22:00", "end": "06:45"}
    assert res.json()["circles"][0]["level"] == "all"
    assert client.get(SETTINGS).json() == res.json()


@pytest.mark.parametrize(
    ("body", "code", "attr"),
    [
        ({"quiet_hours": {"start": "25:00"}}, "invalid", "quiet_hours.start"),
        ({"quiet_hours": {"end": "7pm"}}, "invalid", "quiet_hours.end"),
        ({"quiet_hours": {"start": "07:00", "end": "07:00"}}, "quiet_hours_empty", "quiet_hours"),
        ({"quiet_hours": {"enabled": "maybe"}}, "invalid", "quiet_hours.enabled"),
        ({"circles": [{"circle": "nope", "level": "all"}]}, "invalid", "circles.0.circle"),
        (
            {"circles": [{"circle": str(uuid.UUID(int=7)), "level": "all"}]},
            "not_a_member",
            "circles",
        ),
        (
            {"circles": [{"circle": str(uuid.UUID(int=1)), "level": "loud"}]},
            "invalid_choice",
            "circles.0.level",
        ),
        (
            {
                "circles": [
                    {"circle": str(uuid.UUID(int=1)), "level": "all"},
                    {"circle": str(uuid.UUID(int=1)), "level": "muted"},
                ]
            },
            "duplicate_circle",
            "circles",
        ),
    ],
)
def test_invalid_settings_are_400_and_change_nothing(
    signed_in: Any, body: dict[str, Any], code: str, attr: str
) -> None:
    client, _ = signed_in()
    res = _patch(client, body)
    assert res.status_code == 400, res.content
    assert {"code": code, "attr": attr} in [
        {"code": e["code"], "attr": e["attr"]} for e in res.json()["errors"]
    ], res.json()
    assert error_codes(res)
    assert client.get(SETTINGS).json() == DEFAULTS


def _person(signed_in: Any, **settings: Any) -> Any:
    client, user = signed_in()
    subscribe(client, Device(f"http://127.0.0.1:9/push/{user.pk}"))
    if settings:
        assert _patch(client, settings).status_code == 200
    return user


def _person_in_circle(signed_in: Any, level: str) -> tuple[Any, uuid.UUID]:
    client, user = signed_in()
    subscribe(client, Device(f"http://127.0.0.1:9/push/{user.pk}"))
    circle = make_circle(user, name="Circle").pk
    body = {"circles": [{"circle": str(circle), "level": level}]}
    assert _patch(client, body).status_code == 200
    return user, circle


def _send(user: Any, **extra: Any) -> list[Notification]:
    fields = {"kind": "reach_out", "title": "t", "body": "b", "url": "/", **extra}
    return notify(user_ids=[user.pk], **fields)


@pytest.mark.parametrize(
    ("level", "kind", "sent"),
    [
        ("all", "reach_out", True),
        ("all", "note", True),
        ("reach_outs", "reach_out", True),
        ("reach_outs", "check_on_me", True),
        ("reach_outs", "note", False),
        ("reach_outs", "response", False),
        ("muted", "reach_out", False),
        ("muted", "note", False),
    ],
)
def test_circle_levels(signed_in: Any, level: str, kind: str, sent: bool) -> None:
    user, circle = _person_in_circle(signed_in, level)
    notifications = _send(user, kind=kind, circle_id=circle)
    assert bool(notifications) is sent
    assert Delivery.objects.exists() is sent
    # Another circle is not affected.
    assert _send(user, kind=kind, circle_id=uuid.uuid4())


QUIET = {"quiet_hours": {"enabled": True, "start": "22:00", "end": "07:00"}}


@pytest.mark.parametrize(
    ("local_time", "delayed_until"),
    [
        ("21:59", None),
        ("22:00", "2026-03-02 07:00"),
        ("23:30", "2026-03-02 07:00"),
        ("03:00", "2026-03-01 07:00"),
        ("07:00", None),
        ("12:00", None),
    ],
)
def test_quiet_hours_in_the_persons_timezone(
    signed_in: Any, local_time: str, delayed_until: str | None
) -> None:
    user = _person(signed_in, **QUIET)
    user.timezone = "Europe/Berlin"
    user.save()
    berlin = dt.datetime.fromisoformat(f"2026-03-01 {local_time}").replace(
        tzinfo=__import__("zoneinfo").ZoneInfo("Europe/Berlin")
    )
    with time_machine.travel(berlin, tick=False):
        _send(user, kind="note")
    delivery = Delivery.objects.get()
    if delayed_until is None:
        assert delivery.next_attempt_at == berlin
    else:
        expected = dt.datetime.fromisoformat(delayed_until).replace(
            tzinfo=__import__("zoneinfo").ZoneInfo("Europe/Berlin")
        )
        assert delivery.next_attempt_at == expected


@pytest.mark.parametrize(
    ("breaks", "allowed", "delayed"),
    [(True, True, False), (True, False, True), (False, True, True)],
)
def test_reach_outs_break_quiet_hours_only_when_allowed(
    signed_in: Any, breaks: bool, allowed: bool, delayed: bool
) -> None:
    user = _person(signed_in, **QUIET, reach_outs_break_quiet_hours=allowed)
    night = dt.datetime(2026, 3, 1, 23, 0, tzinfo=dt.UTC)
    with time_machine.travel(night, tick=False):
        _send(user, breaks_quiet_hours=breaks)
    assert (Delivery.objects.get().next_attempt_at > night) is delayed


def test_quiet_hours_delay_the_task_too(
    signed_in: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    user = _person(signed_in, **QUIET)
    night = dt.datetime(2026, 3, 1, 23, 0, tzinfo=dt.UTC)
    with time_machine.travel(night, tick=False), django_capture_on_commit_callbacks(execute=True):
        _send(user, kind="note")
    assert DBTaskResult.objects.get().run_after == dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)

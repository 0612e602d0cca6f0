"""Issue #11 item 20: what the app keeps about people is pruned by the periodic sweep after a
stated period (README "Security model"): finished task results after 7 days, notifications
(names in their payload) with their deliveries after 30 days, tracked sessions (IP address,
user agent) 90 days after they were last seen."""

import datetime as dt
from typing import Any

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from backend.notifications.models import Delivery, Notification
from backend.notifications.services import notify
from tests.common.helpers import run_db_worker
from tests.common.world import PASSWORD, add_device, make_person

pytestmark = pytest.mark.django_db(transaction=True)
DAY = dt.timedelta(days=1)
START = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)


def _reach(user: Any, title: str) -> Notification:
    [notification] = notify(user_ids=[user.pk], kind="test", title=title, body="", url="/")
    return notification


def _sign_in(user: Any, user_agent: str) -> None:
    res = Client(headers={"User-Agent": user_agent}).post(
        "/_allauth/browser/v1/auth/login",
        {"email": user.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content


def _days_pass(clock: Any, days: int) -> None:
    """Days pass; then the worker runs what is due: the every-minute sweep's chain and the
    hourly retention chain it keeps alive (started by `sweep_deliveries`, as `make run` does)."""
    clock.shift(days * DAY)
    run_db_worker()


def test_the_sweep_prunes_what_is_older_than_its_period_and_keeps_the_rest() -> None:
    with time_machine.travel(START, tick=False) as clock:
        bea, sam, kim = (make_person(display_name=name) for name in ("Bea", "Sam", "Kim"))
        add_device(bea)
        call_command("sweep_deliveries", stdout=open("/dev/null", "w"))  # noqa: SIM115
        old_note = _reach(bea, "Sam needs you")
        _sign_in(sam, "Old phone")
        run_db_worker()
        old_tasks = set(DBTaskResult.objects.finished().values_list("id", flat=True))
        assert old_tasks
        assert Delivery.objects.filter(notification=old_note).exists()

        # 25 days later: newer rows of each kind.
        _days_pass(clock, 25)
        young_note = _reach(bea, "Kim needs you")
        _sign_in(kim, "New phone")
        run_db_worker()
        young_tasks = set(DBTaskResult.objects.finished().values_list("id", flat=True)) - old_tasks

        # Day 31: the first notification is 31 days old, the second 6; both tasks older
        # than 7 days are long gone, the young ones (6 days) stay.
        _days_pass(clock, 6)
        remaining = set(DBTaskResult.objects.values_list("id", flat=True))
        assert not remaining & old_tasks
        assert young_tasks <= remaining
        assert list(Notification.objects.values_list("id", flat=True)) == [young_note.pk]
        assert not Delivery.objects.filter(notification_id=old_note.pk).exists()
        assert Delivery.objects.filter(notification=young_note).exists()
        assert sorted(UserSession.objects.values_list("user_agent", flat=True)) == [
            "New phone",
            "Old phone",
        ]

        # Day 91: the first session was last seen 91 days ago, the second 66.
        _days_pass(clock, 60)
        assert list(UserSession.objects.values_list("user_agent", flat=True)) == ["New phone"]

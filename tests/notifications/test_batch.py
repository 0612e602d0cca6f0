"""One `notify()` call is one task for all its devices (issue #15: a reach-out's 11 pushes
must not queue as 11 tasks of eight round trips each). The batch claims its deliveries in one
UPDATE, POSTs them side by side and records the delivered ones together; a device that fails
is handled as a single delivery would be (410 forgets it, 5xx retries alone, the sweep
re-sends what a lost task left)."""

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from werkzeug import Response

from backend.notifications import conf, tasks
from backend.notifications.models import (
    Delivery,
    DeliveryStatus,
    NotificationPreference,
    PushSubscription,
)
from backend.notifications.services import notify
from backend.notifications.tasks import deliveries_attempt
from tests.common.helpers import DELIVER, DELIVER_BATCH, queued_deliveries
from tests.common.world import add_device
from tests.notifications.conftest import Device, PushService, subscribe

Worker = Callable[[], None]
worker_db = pytest.mark.django_db(transaction=True)
START = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def _people_with_a_device(signed_in: Any, devices: list[Device]) -> list[Any]:
    people = []
    for device in devices:
        client, user = signed_in()
        assert subscribe(client, device).status_code == 201
        people.append(user)
    return people


def _ask(people: list[Any], **extra: Any) -> list[Any]:
    """What a reach-out sends: one notify() to everyone asked, enqueued on commit."""
    fields: dict[str, Any] = {
        "kind": "reach_out",
        "title": "Sam needs you",
        "body": "Come over if you can.",
        "url": "/checkins/123",
        "urgency": "high",
        "breaks_quiet_hours": True,
        "tag": f"checkin-{uuid.uuid4()}",
        **extra,
    }
    with transaction.atomic():
        return notify(user_ids=[p.pk for p in people], **fields)


def _tasks(task_path: str) -> list[Any]:
    return list(DBTaskResult.objects.filter(task_path=task_path).order_by("enqueued_at"))


@worker_db
def test_one_notify_to_11_devices_is_one_task_and_each_push_arrives_once(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    devices = [push_service.device(f"friend{n}") for n in range(11)]
    people = _people_with_a_device(signed_in, devices)
    sent = _ask(people)

    [batch] = _tasks(DELIVER_BATCH)
    assert _tasks(DELIVER) == []
    assert batch.queue_name == conf.ASKS_QUEUE
    assert sorted(batch.args_kwargs["args"][0]) == sorted(
        str(pk) for pk in Delivery.objects.values_list("pk", flat=True)
    )

    run_worker()

    batch.refresh_from_db()
    assert batch.status == "SUCCESSFUL"
    assert batch.return_value == {"delivered": 11}
    for device, person in zip(devices, people, strict=True):
        [request] = push_service.for_device(device)
        [notification] = [n for n in sent if n.user_id == person.pk]
        assert device.decrypt(request.get_data())["notification_id"] == str(notification.pk)
        assert request.headers["Urgency"] == "high"
    assert set(Delivery.objects.values_list("status", "attempts", "last_status_code")) == {
        ("delivered", 1, 201)
    }
    assert PushSubscription.objects.filter(last_success_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_a_notify_past_the_batch_size_and_into_quiet_hours_still_enqueues_in_one_insert(
    make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    people = [make_user() for _ in range(conf.PUSH_BATCH_SIZE + 2)]
    for person in people:
        add_device(person)
    sleeper = people[0]
    NotificationPreference.objects.create(
        user=sleeper,
        quiet_hours_enabled=True,
        quiet_hours_start=dt.time(22, 0),
        quiet_hours_end=dt.time(7, 0),
    )
    with (
        time_machine.travel(dt.datetime(2026, 3, 1, 23, 0, tzinfo=dt.UTC), tick=False),
        CaptureQueriesContext(connection) as ctx,
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify(user_ids=[p.pk for p in people], kind="nudge", title="t", body="b", url="/")
    table = DBTaskResult._meta.db_table
    assert (
        sum(q["sql"].startswith("INSERT") and table in q["sql"] for q in ctx.captured_queries) == 1
    )
    batches = _tasks(DELIVER_BATCH)
    sizes = sorted((t.task.run_after is not None, len(t.args_kwargs["args"][0])) for t in batches)
    # The ones due now, PUSH_BATCH_SIZE at a time; the sleeper's at the end of quiet hours.
    assert sizes == [(False, 1), (False, conf.PUSH_BATCH_SIZE), (True, 1)]
    [later] = [t for t in batches if t.task.run_after is not None]
    assert later.task.run_after == dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)
    sleepers = Delivery.objects.get(notification__user=sleeper)
    assert later.args_kwargs["args"] == [[str(sleepers.pk)]]
    assert sorted(queued_deliveries()) == sorted(
        str(d) for d in Delivery.objects.values_list("pk", flat=True)
    )


def _batch_queries(signed_in: Any, push_service: PushService, size: int) -> int:
    devices = [push_service.device(f"q{size}-{n}") for n in range(size)]
    _ask(_people_with_a_device(signed_in, devices))
    ids = [d.pk for d in Delivery.objects.filter(status=DeliveryStatus.PENDING)]
    assert len(ids) == size
    with CaptureQueriesContext(connection) as ctx:
        assert deliveries_attempt(delivery_ids=ids) == {"delivered": size}
    assert len(push_service.received) >= size
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_sending_a_batch_takes_the_same_queries_for_2_devices_as_for_11(
    signed_in: Any, push_service: PushService
) -> None:
    two = _batch_queries(signed_in, push_service, 2)
    eleven = _batch_queries(signed_in, push_service, 11)
    assert two == eleven
    # Claim, read back, then one commit: the deliveries, the devices (and its savepoints).
    assert eleven <= 8


@worker_db
def test_one_device_refusing_and_one_failing_leave_the_others_delivered(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    gone, flaky, *fine = [push_service.device(n) for n in ("gone", "flaky", "a", "b", "c")]
    people = _people_with_a_device(signed_in, [gone, flaky, *fine])
    push_service.answer(gone, Response("", status=410))
    push_service.answer(flaky, Response("busy", status=503), Response("", status=201))
    with time_machine.travel(START, tick=False) as clock:
        _ask(people)
        run_worker()

        [batch] = _tasks(DELIVER_BATCH)
        assert batch.return_value == {"delivered": 3, "gone": 1, "retry": 1}
        by_user = {
            d.notification.user_id: d for d in Delivery.objects.select_related("notification")
        }
        assert by_user[people[0].pk].status == "gone"
        assert by_user[people[0].pk].last_status_code == 410
        assert not PushSubscription.objects.filter(endpoint=gone.endpoint).exists()
        retry = by_user[people[1].pk]
        assert (retry.status, retry.attempts, retry.last_status_code) == ("pending", 1, 503)
        assert retry.next_attempt_at == START + dt.timedelta(seconds=30)
        assert PushSubscription.objects.get(endpoint=flaky.endpoint).failure_count == 1
        assert {by_user[p.pk].status for p in people[2:]} == {"delivered"}
        # The retry is a task of its own, in the batch's queue, holding only the flaky device.
        [single] = _tasks(DELIVER)
        assert single.args_kwargs["args"] == [str(retry.pk)]
        assert single.queue_name == conf.ASKS_QUEUE

        clock.shift(dt.timedelta(seconds=30))
        run_worker()
    retry.refresh_from_db()
    assert (retry.status, retry.attempts) == ("delivered", 2)
    assert len(push_service.for_device(flaky)) == 2
    for device in (gone, *fine):
        assert len(push_service.for_device(device)) == 1  # nobody else is sent twice
    assert len(push_service.received) == 6


@worker_db
def test_a_lost_batch_is_re_sent_by_the_sweep_device_by_device(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    devices = [push_service.device(f"lost{n}") for n in range(3)]
    people = _people_with_a_device(signed_in, devices)
    with time_machine.travel(START, tick=False) as clock:
        _ask(people)
        DBTaskResult.objects.all().delete()  # the enqueue after commit never happened
        clock.shift(dt.timedelta(minutes=3))
        call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
        singles = _tasks(DELIVER)
        assert len(singles) == 3
        assert {t.queue_name for t in singles} == {conf.ASKS_QUEUE}  # by urgency
        run_worker()
    assert set(Delivery.objects.values_list("status", flat=True)) == {"delivered"}
    assert sorted(len(push_service.for_device(d)) for d in devices) == [1, 1, 1]


@worker_db
def test_a_batch_task_run_twice_sends_nothing_twice(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    devices = [push_service.device(f"twice{n}") for n in range(3)]
    _ask(_people_with_a_device(signed_in, devices))
    [batch] = _tasks(DELIVER_BATCH)
    ids = [uuid.UUID(i) for i in batch.args_kwargs["args"][0]]
    run_worker()
    assert deliveries_attempt(delivery_ids=ids) == {"skipped": 3}
    assert len(push_service.received) == 3


@pytest.mark.django_db
def test_the_delivered_listeners_hear_of_a_batch_once(
    signed_in: Any, push_service: PushService, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[list[Any]] = []
    monkeypatch.setattr(tasks, "_delivered", [*tasks._delivered, heard.append])
    devices = [push_service.device(f"heard{n}") for n in range(4)]
    sent = _ask(_people_with_a_device(signed_in, devices))
    ids = [d.pk for d in Delivery.objects.all()]
    assert deliveries_attempt(delivery_ids=ids) == {"delivered": 4}
    [told] = heard
    assert sorted(n.pk for n in told) == sorted(n.pk for n in sent)


@pytest.mark.django_db
def test_a_retried_delivery_in_a_batch_is_not_sent_once_nobody_wants_it(
    signed_in: Any, push_service: PushService, monkeypatch: pytest.MonkeyPatch
) -> None:
    devices = [push_service.device(f"w{n}") for n in range(2)]
    _ask(_people_with_a_device(signed_in, devices), kind="still_wanted_test")
    monkeypatch.setitem(tasks._still_wanted, "still_wanted_test", lambda notification: False)
    # Both were tried once already (a retry put back in a batch, e.g. by a re-run).
    Delivery.objects.update(attempts=1)
    ids = [d.pk for d in Delivery.objects.all()]
    assert deliveries_attempt(delivery_ids=ids) == {"cancelled": 2}
    assert push_service.received == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {"cancelled"}
    assert Delivery.objects.filter(cancelled_at__isnull=False).count() == 2

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from werkzeug import Response

from backend.notifications.models import Delivery, DeliveryStatus, Notification, PushSubscription
from backend.notifications.services import notify
from backend.notifications.tasks import _claim_many, enqueue_delivery
from tests.common.world import add_device
from tests.conftest import error_codes
from tests.notifications.conftest import Device, PushService, subscribe, verify_vapid

Worker = Callable[[], None]
worker_db = pytest.mark.django_db(transaction=True)


def _person_with(signed_in: Any, *devices: Device) -> Any:
    client, user = signed_in()
    for device in devices:
        assert subscribe(client, device).status_code == 201
    return user


def _notify(user: Any, **extra: Any) -> list[Notification]:
    # As a request does it: inside the request's transaction, sends enqueued on commit.
    fields: dict[str, Any] = {
        "kind": "reach_out",
        "title": "Sam needs you",
        "body": "Come over if you can. No need to explain.",
        "url": "/checkins/123",
        "urgency": "high",
        "ttl": 3600,
        **extra,
    }
    before = DBTaskResult.objects.count()
    with transaction.atomic():
        notifications = notify(user_ids=[user.pk], **fields)
        assert DBTaskResult.objects.count() == before  # nothing before commit
    return notifications


def _statuses() -> list[str]:
    return sorted(Delivery.objects.values_list("status", flat=True))


@worker_db
def test_end_to_end_a_real_worker_posts_an_encrypted_signed_push(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    phone, laptop = push_service.device("phone"), push_service.device("laptop")
    user = _person_with(signed_in, phone, laptop)
    [notification] = _notify(user, data={"checkin_id": "123"}, tag="checkin-123")
    assert DBTaskResult.objects.count() == 1  # one task for both devices, after commit

    run_worker()

    public_key = Client().get("/api/v1/push/key/").json()["public_key"]
    for device in (phone, laptop):
        [request] = push_service.for_device(device)
        verify_vapid(request.headers["Authorization"], public_key, audience=push_service.origin)
        assert request.headers["TTL"] == "3600"
        assert request.headers["Urgency"] == "high"
        assert request.headers["Content-Encoding"] == "aes128gcm"
        assert len(request.headers["Topic"]) <= 32
        assert device.decrypt(request.get_data()) == {
            "kind": "reach_out",
            "title": "Sam needs you",
            "body": "Come over if you can. No need to explain.",
            "url": "/checkins/123",
            "tag": "checkin-123",
            "notification_id": str(notification.pk),
            "checkin_id": "123",
        }
    assert _statuses() == ["delivered", "delivered"]
    assert all(d.delivered_at and d.attempts == 1 for d in Delivery.objects.all()), (
        "delivered on the first attempt"
    )
    assert PushSubscription.objects.filter(last_success_at__isnull=False).count() == 2

    # Running the worker and the sweep again sends nothing twice.
    call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_worker()
    assert len(push_service.received) == 2


@worker_db
def test_send_me_a_test_notification(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    device = push_service.device("phone")
    client, _ = signed_in()
    res = client.post("/api/v1/push/test/")
    assert res.status_code == 409
    assert error_codes(res) == ["push_not_subscribed"]
    subscribe(client, device)
    res = client.post("/api/v1/push/test/")
    assert res.status_code == 202
    assert res.json() == {"devices": 1}
    assert push_service.received == []  # never sent inside the request
    run_worker()
    [request] = push_service.received
    assert device.decrypt(request.get_data())["kind"] == "test"


@worker_db
def test_410_forgets_the_device(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    gone, alive = push_service.device("gone"), push_service.device("alive")
    user = _person_with(signed_in, gone, alive)
    push_service.answer(gone, Response("", status=410))
    _notify(user)
    run_worker()
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [alive.endpoint]
    assert _statuses() == ["delivered", "gone"]
    assert Delivery.objects.get(status="gone").last_status_code == 410

    # The next notification only goes to the device that is left.
    _notify(user)
    run_worker()
    assert len(push_service.for_device(gone)) == 1
    assert len(push_service.for_device(alive)) == 2


@worker_db
def test_429_waits_for_retry_after(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    device = push_service.device("busy")
    user = _person_with(signed_in, device)
    push_service.answer(
        device, Response("slow down", status=429, headers={"Retry-After": "120"}), Response("")
    )
    start = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        _notify(user)
        run_worker()
        delivery = Delivery.objects.get()
        assert delivery.status == DeliveryStatus.PENDING
        assert delivery.next_attempt_at == start + dt.timedelta(seconds=120)
        assert delivery.last_status_code == 429

        clock.shift(dt.timedelta(seconds=119))
        run_worker()
        assert len(push_service.received) == 1

        clock.shift(dt.timedelta(seconds=1))
        run_worker()
    assert len(push_service.received) == 2
    assert _statuses() == ["delivered"]


@worker_db
def test_500_then_201_is_delivered_exactly_once(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    device = push_service.device("flaky")
    user = _person_with(signed_in, device)
    push_service.answer(device, Response("oops", status=500), Response("", status=201))
    start = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        _notify(user)
        run_worker()
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts) == ("pending", 1)
        assert delivery.next_attempt_at == start + dt.timedelta(seconds=30)
        assert PushSubscription.objects.get().failure_count == 1

        clock.shift(dt.timedelta(seconds=30))
        run_worker()
        # A duplicate task (the sweep, a second chain) finds the row delivered and skips it.
        enqueue_delivery(delivery.pk)
        clock.shift(dt.timedelta(hours=1))
        call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
        run_worker()
    assert len(push_service.received) == 2
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", 2)
    assert PushSubscription.objects.get().failure_count == 0


@worker_db
def test_backoff_gives_up_after_the_last_attempt(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    device = push_service.device("down")
    user = _person_with(signed_in, device)
    push_service.answer(device, Response("down", status=503))
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC), tick=False) as clock:
        _notify(user)
        waits = []
        for _ in range(8):
            run_worker()
            delivery = Delivery.objects.get()
            if delivery.status != DeliveryStatus.PENDING:
                break
            waits.append((delivery.next_attempt_at - timezone.now()).total_seconds())
            clock.move_to(delivery.next_attempt_at)
    assert waits == [30, 120, 600, 3600, 3600]
    assert (delivery.status, delivery.attempts) == ("failed", 6)
    assert delivery.failed_at is not None
    assert len(push_service.received) == 6


@worker_db
def test_a_worker_killed_mid_send_is_recovered_by_the_sweep_exactly_once(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    """What SIGKILL leaves behind: the tasks RUNNING forever, a batch's deliveries "sending"."""
    devices = [push_service.device(f"d{n}") for n in range(3)]
    user = _person_with(signed_in, *devices)
    start = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            _notify(user)  # one batch task of 3 deliveries each
        # The dead worker had claimed two tasks; the first one's deliveries were claimed too.
        dead = list(DBTaskResult.objects.order_by("enqueued_at")[:2])
        for task in dead:
            task.claim("killed-worker")
        killed_batch = [uuid.UUID(i) for i in dead[0].args_kwargs["args"][0]]
        assert _claim_many(killed_batch, timezone.now())

        run_worker()
        assert len(push_service.received) == 3  # the batch the dead worker did not hold
        assert DBTaskResult.objects.filter(status="RUNNING").count() == 2

        clock.shift(dt.timedelta(minutes=1))
        call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
        run_worker()
        assert len(push_service.received) == 3  # too early: a send may still be in flight

        clock.shift(dt.timedelta(minutes=5))
        call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
        run_worker()
        call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
        run_worker()
    assert _statuses() == ["delivered"] * 9
    per_notification: dict[tuple[str, str], int] = {}
    for device in devices:
        for request in push_service.for_device(device):
            key = (device.endpoint, device.decrypt(request.get_data())["notification_id"])
            per_notification[key] = per_notification.get(key, 0) + 1
    assert len(per_notification) == 9
    assert set(per_notification.values()) == {1}


@worker_db
def test_a_lost_enqueue_is_picked_up_by_the_sweep(
    signed_in: Any, push_service: PushService, run_worker: Worker
) -> None:
    device = push_service.device("lost")
    user = _person_with(signed_in, device)
    start = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        _notify(user)
        DBTaskResult.objects.all().delete()  # the enqueue after commit never happened
        clock.shift(dt.timedelta(minutes=3))
        call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
        run_worker()
    assert _statuses() == ["delivered"]
    assert len(push_service.received) == 1


@worker_db
def test_the_periodic_sweep_keeps_one_chain(run_worker: Worker) -> None:
    sweeps = DBTaskResult.objects.filter(task_path__endswith=".sweep")
    start = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    devnull = open("/dev/null", "w")  # noqa: SIM115
    with time_machine.travel(start, tick=False) as clock:
        call_command("sweep_deliveries", stdout=devnull)
        call_command("sweep_deliveries", stdout=devnull)  # e.g. a second `make run`
        assert sweeps.filter(status="READY").count() == 1
        for _ in range(3):
            clock.shift(dt.timedelta(seconds=60))
            run_worker()
            assert sweeps.filter(status="READY").count() == 1
        assert sweeps.filter(status="SUCCESSFUL").count() == 3
        # The worker was down for hours: a restart adds a chain, and the old one ends itself.
        clock.shift(dt.timedelta(hours=3))
        call_command("sweep_deliveries", stdout=devnull)
        assert sweeps.filter(status="READY").count() == 2
        run_worker()
        clock.shift(dt.timedelta(seconds=60))
        run_worker()
        assert sweeps.filter(status="READY").count() == 1
    devnull.close()


@pytest.mark.django_db
def test_nothing_is_enqueued_when_the_request_rolls_back(
    signed_in: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = _person_with(signed_in, Device("http://127.0.0.1:9/push/a"))

    def request_that_fails_after_notify() -> None:
        with transaction.atomic():
            notify(user_ids=[user.pk], kind="reach_out", title="t", body="b", url="/")
            raise RuntimeError("the request failed after notify()")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        request_that_fails_after_notify()
    assert callbacks == []
    assert DBTaskResult.objects.count() == 0
    assert not Notification.objects.exists()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(user_ids=[user.pk], kind="reach_out", title="t", body="b", url="/")
    assert len(callbacks) == 1
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
def test_notify_query_count_does_not_grow_with_recipients(
    make_user: Any, django_assert_max_num_queries: Any, django_capture_on_commit_callbacks: Any
) -> None:
    users = [make_user() for _ in range(12)]
    for user in users:
        add_device(user)
    with django_assert_max_num_queries(8), django_capture_on_commit_callbacks():
        notify(user_ids=[u.pk for u in users], kind="nudge", title="t", body="b", url="/")
    assert Delivery.objects.count() == 12


@pytest.mark.django_db
def test_a_long_body_is_shortened_to_fit_a_push(make_user: Any) -> None:
    user = make_user()
    [notification] = notify(
        user_ids=[user.pk], kind="note", title="A note", body="ö" * 5000, url="/"
    )
    size = len(json.dumps(notification.payload, separators=(",", ":"), ensure_ascii=False).encode())
    assert size <= 3 * 1024
    assert notification.payload["body"].endswith("…")


def _queued_deliveries() -> list[str]:
    return sorted(
        DBTaskResult.objects.filter(
            task_path__endswith="tasks.deliver", status="READY"
        ).values_list("queue_name", flat=True)
    )


@worker_db
@pytest.mark.parametrize(
    ("urgency", "ask", "queue"), [("high", True, "asks"), ("normal", False, "default")]
)
def test_a_retry_and_a_sweep_resend_keep_an_asks_urgent_queue(
    signed_in: Any,
    push_service: PushService,
    run_worker: Worker,
    urgency: str,
    ask: bool,
    queue: str,
) -> None:
    # An ask that fails once is retried in the queue it was first sent through (the asks
    # worker, its fast lane), not behind every low-priority push in the default queue; one
    # the sweep finds lost goes there too, by its urgency.
    device = push_service.device("flaky")
    user = _person_with(signed_in, device)
    push_service.answer(device, Response("oops", status=500), Response(""))
    start = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        _notify(user, urgency=urgency, breaks_quiet_hours=ask)
        run_worker()
        assert _statuses() == ["pending"]
        assert _queued_deliveries() == [queue]

        DBTaskResult.objects.filter(task_path__endswith="tasks.deliver").delete()  # lost
        clock.shift(dt.timedelta(minutes=10))
        call_command("sweep_deliveries", "--no-schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert _queued_deliveries() == [queue]
        run_worker()
    assert _statuses() == ["delivered"]

"""Time-driven transitions with a frozen clock: check-on-me fires at its time, nobody
answered after 10 minutes, expiry after 12 hours, aftercare the next morning in the helper's
timezone. Driven both by the enqueued tasks and by the sweep (for when tasks were lost)."""

import datetime as dt
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from backend.checkins.models import CheckIn, Response, Status
from backend.checkins.services import aftercare_due
from backend.checkins.transitions import checkins_sweep
from backend.notifications.models import Notification
from tests.checkins.conftest import (
    ADVANCE,
    CHECKINS,
    SWEEP,
    queued,
    reach_out,
)
from tests.common.helpers import post, run_queued_tasks
from tests.common.world import CircleWorld
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

UTC = dt.UTC
START = dt.datetime(2027, 1, 15, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Any:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def at(clock: Any, when: dt.datetime) -> None:
    clock.move_to(when, tick=False)


def drive(how: str, callbacks: Any) -> None:
    """Do what is due, the way `how` says: the queued tasks, or the sweep alone."""
    with callbacks(execute=True):
        if how == "tasks":
            run_queued_tasks(ADVANCE)
        else:
            checkins_sweep()


HOW = ["tasks", "sweep"]


@pytest.mark.parametrize("how", HOW)
def test_check_on_me_fires_at_its_time_in_the_requesters_timezone(
    clock: Any,
    make_world: Any,
    make_user: Any,
    django_capture_on_commit_callbacks: Any,
    how: str,
) -> None:
    owner = make_user(display_name="Alex", timezone="Europe/Berlin")
    w: CircleWorld = make_world(members=2, owner=owner)
    with django_capture_on_commit_callbacks(execute=True):
        # 21:00 in Berlin (no offset given: the requester's timezone) is 20:00 UTC in January.
        res = reach_out(w, kind="check_on_me", scheduled_for="2027-01-15T21:00:00")
    assert res.status_code == 201, res.content
    assert res.json()["scheduled_for"] == "2027-01-15T20:00:00Z"
    checkin = CheckIn.objects.get()
    assert [r.run_after for r in queued(ADVANCE)] == [dt.datetime(2027, 1, 15, 20, tzinfo=UTC)]

    at(clock, dt.datetime(2027, 1, 15, 19, 59, 59, tzinfo=UTC))
    drive(how, django_capture_on_commit_callbacks)
    checkin.refresh_from_db()
    assert checkin.status == Status.SCHEDULED
    assert Notification.objects.count() == 0
    # Friends don't see it before its time.
    assert w.client(w.members[0]).get(f"{CHECKINS}{checkin.pk}/").status_code == 404

    at(clock, dt.datetime(2027, 1, 15, 20, 0, tzinfo=UTC))
    drive(how, django_capture_on_commit_callbacks)
    checkin.refresh_from_db()
    assert checkin.status == Status.OPEN
    assert checkin.activated_at == dt.datetime(2027, 1, 15, 20, 0, tzinfo=UTC)
    notes = Notification.objects.filter(kind="check_on_me")
    assert {n.user_id for n in notes} == {m.pk for m in w.members}
    assert {n.urgency for n in notes} == {"high"}
    assert notes[0].payload["title"] == "Alex asked you to check on them now"
    # Follow-ups are queued from the time it fired (beside the activation task itself,
    # still queued when the sweep did the work: it will find nothing to do).
    follow_ups = {r.run_after for r in queued(ADVANCE) if r.status == "READY"}
    follow_ups.discard(dt.datetime(2027, 1, 15, 20, 0, tzinfo=UTC))
    assert follow_ups == {
        dt.datetime(2027, 1, 15, 20, 10, tzinfo=UTC),
        dt.datetime(2027, 1, 16, 8, 0, tzinfo=UTC),
    }
    # Doing it again changes nothing: no second push.
    drive("sweep", django_capture_on_commit_callbacks)
    drive("tasks", django_capture_on_commit_callbacks)
    assert Notification.objects.filter(kind="check_on_me").count() == 2
    res = post(w.client(w.members[0]), f"{CHECKINS}{checkin.pk}/responses/", {"answer": "calling"})
    assert res.status_code == 201


@pytest.mark.parametrize("how", HOW)
def test_nobody_answered_after_ten_minutes(
    clock: Any, make_world: Any, django_capture_on_commit_callbacks: Any, how: str
) -> None:
    w = make_world(members=2)
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w, expect=201)
    url = f"{CHECKINS}{res.json()['id']}/"
    # "Can't right now" is kind, but nobody is there: it still counts as nobody.
    post(w.client(w.members[0]), f"{url}responses/", {"answer": "cant_right_now"}, expect=201)

    at(clock, START + dt.timedelta(minutes=9, seconds=59))
    drive(how, django_capture_on_commit_callbacks)
    assert w.client(w.owner).get(url).json()["offer_help"] is False

    at(clock, START + dt.timedelta(minutes=10))
    drive(how, django_capture_on_commit_callbacks)
    body = w.client(w.owner).get(url).json()
    assert body["offer_help"] is True
    assert body["nobody_answered_at"] == "2027-01-15T10:10:00Z"
    home = w.client(w.owner).get("/api/v1/home/").json()
    assert home["offer_help"] is True
    assert home["my_open_checkin"]["offer_help"] is True
    note = Notification.objects.get(kind="nobody_answered")
    assert note.user_id == w.owner.pk
    assert note.payload["body"] == (
        "Nobody has answered yet. You could ask them again, ask someone else, or find help now."
    )
    assert note.payload["url"] == url.removeprefix("/api/v1").rstrip("/")
    # Friends never see the offer; and once somebody answers, it goes away.
    assert w.client(w.members[1]).get(url).json()["offer_help"] is False
    answer = {"answer": "on_my_way", "eta_minutes": 20}
    post(w.client(w.members[1]), f"{url}responses/", answer, expect=201)
    assert w.client(w.owner).get(url).json()["offer_help"] is False
    drive(how, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(kind="nobody_answered").count() == 1


def test_no_offer_when_someone_answered(
    clock: Any, make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=1)
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w, expect=201)
    url = f"{CHECKINS}{res.json()['id']}/"
    post(w.client(w.members[0]), f"{url}responses/", {"answer": "texting"}, expect=201)
    at(clock, START + dt.timedelta(minutes=30))
    drive("tasks", django_capture_on_commit_callbacks)
    drive("sweep", django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(kind="nobody_answered").exists()
    assert CheckIn.objects.get().nobody_answered_at is None


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("answered", [False, True])
def test_open_checkins_expire_after_twelve_hours(
    clock: Any,
    make_world: Any,
    django_capture_on_commit_callbacks: Any,
    how: str,
    answered: bool,
) -> None:
    w = make_world(members=1)
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w, expect=201)
    url = f"{CHECKINS}{res.json()['id']}/"
    if answered:
        post(w.client(w.members[0]), f"{url}responses/", {"answer": "calling"}, expect=201)
    at(clock, START + dt.timedelta(hours=11, minutes=59))
    drive(how, django_capture_on_commit_callbacks)
    assert CheckIn.objects.get().status in (Status.OPEN, Status.ANSWERED)

    at(clock, START + dt.timedelta(hours=12))
    drive(how, django_capture_on_commit_callbacks)
    checkin = CheckIn.objects.get()
    assert checkin.status == Status.EXPIRED
    assert checkin.expired_at == START + dt.timedelta(hours=12)
    res = post(w.client(w.members[0]), f"{url}responses/", {"answer": "on_my_way"})
    assert res.status_code == 409
    assert error_codes(res) == ["checkin_not_open"]
    # The slot is free again.
    assert reach_out(w).status_code == 201


def test_the_sweep_catches_what_lost_tasks_missed(
    clock: Any, make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=1)
    with django_capture_on_commit_callbacks(execute=True):
        reach_out(w, expect=201)
    DBTaskResult.objects.all().delete()  # a worker died; the queue lost everything
    at(clock, START + dt.timedelta(hours=13))
    assert checkins_sweep() == {"expired": 1}
    assert checkins_sweep() == {}


@pytest.mark.parametrize(
    ("closed_at", "tz", "due"),
    [
        # Evening in New York: 09:00 the next morning there.
        ("2027-01-15T23:00:00+00:00", "America/New_York", "2027-01-16T14:00:00+00:00"),
        # Closed at 01:00 local: 09:00 that same morning is 8 hours later.
        ("2027-01-15T00:00:00+00:00", "Europe/Berlin", "2027-01-15T08:00:00+00:00"),
        # Closed at 05:00 local: 09:00 today is too soon (< 6h), so tomorrow.
        ("2027-01-15T04:00:00+00:00", "Europe/Berlin", "2027-01-16T08:00:00+00:00"),
        # Across the start of summer time in Europe.
        ("2027-03-27T20:00:00+00:00", "Europe/Berlin", "2027-03-28T07:00:00+00:00"),
        ("2027-01-15T12:00:00+00:00", "Not/AZone", "2027-01-16T09:00:00+00:00"),
    ],
)
def test_aftercare_is_the_next_morning_in_the_helpers_timezone(
    closed_at: str, tz: str, due: str
) -> None:
    assert aftercare_due(dt.datetime.fromisoformat(closed_at), tz) == dt.datetime.fromisoformat(due)


@pytest.mark.parametrize("how", HOW)
def test_aftercare_reaches_those_who_were_there(
    clock: Any,
    make_world: Any,
    make_user: Any,
    django_capture_on_commit_callbacks: Any,
    how: str,
) -> None:
    w = make_world(members=0)
    there = make_user(display_name="Sam", timezone="America/New_York")
    away = make_user(display_name="Kim", timezone="America/New_York")
    silent = make_user(display_name="Jo")
    for person in (there, away, silent):
        w.circle.memberships.create(user=person)
    at(clock, dt.datetime(2027, 1, 15, 22, 50, tzinfo=UTC))
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w, expect=201)
        url = f"{CHECKINS}{res.json()['id']}/"
        answer = {"answer": "on_my_way", "eta_minutes": 10}
        post(w.client(there), f"{url}responses/", answer, expect=201)
        post(w.client(away), f"{url}responses/", {"answer": "cant_right_now"}, expect=201)
        at(clock, dt.datetime(2027, 1, 15, 23, 0, tzinfo=UTC))
        res = post(w.client(w.owner), f"{url}close/")
    assert res.status_code == 200
    closed = Notification.objects.filter(kind="checkin_closed")
    assert {(n.user_id, n.payload["body"]) for n in closed} == {
        (there.pk, "Thank you for being there."),
        (away.pk, "No need to do anything."),
        (silent.pk, "No need to do anything."),
    }
    assert {n.payload["title"] for n in closed} == {"Alex is okay now"}
    due = dt.datetime(2027, 1, 16, 14, 0, tzinfo=UTC)  # 09:00 in New York
    assert Response.objects.get(responder=there).aftercare_due_at == due
    assert Response.objects.get(responder=away).aftercare_due_at is None

    at(clock, due - dt.timedelta(seconds=1))
    drive(how, django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(kind="aftercare").exists()
    at(clock, due)
    drive(how, django_capture_on_commit_callbacks)
    drive(how, django_capture_on_commit_callbacks)
    note = Notification.objects.get(kind="aftercare")
    assert note.user_id == there.pk
    assert note.urgency == "normal"
    assert note.payload["title"] == "How are you after that?"
    assert Response.objects.get(responder=there).aftercare_sent_at == due


def test_sweep_command_keeps_one_chain_of_sweeps(
    clock: Any, django_capture_on_commit_callbacks: Any
) -> None:
    out = StringIO()
    call_command("checkins_sweep", stdout=out)
    assert "Scheduled the periodic check-ins sweep." in out.getvalue()
    call_command("checkins_sweep", stdout=out)
    assert "already scheduled" in out.getvalue()
    assert [r.run_after for r in queued(SWEEP)] == [START + dt.timedelta(minutes=1)]
    # Its own chain: the notifications sweep is scheduled on its own, and leaves this one be.
    deliveries_out = StringIO()
    call_command("sweep_deliveries", stdout=deliveries_out)
    assert "Scheduled the periodic sweep." in deliveries_out.getvalue()
    assert [r.run_after for r in queued(SWEEP)] == [START + dt.timedelta(minutes=1)]

    at(clock, START + dt.timedelta(minutes=1))
    assert run_queued_tasks(SWEEP) == [{}]
    # The sweep queued the next one before doing its work.
    assert [r.run_after for r in queued(SWEEP, ready_only=False) if r.status == "READY"] == [
        START + dt.timedelta(minutes=2)
    ]


def test_a_dead_chain_is_restarted_by_the_command(clock: Any) -> None:
    call_command("checkins_sweep", stdout=StringIO())
    DBTaskResult.objects.all().delete()  # the chain's task was lost
    at(clock, START + dt.timedelta(minutes=5))
    out = StringIO()
    call_command("checkins_sweep", stdout=out)
    assert "Scheduled the periodic check-ins sweep." in out.getvalue()
    assert len(queued(SWEEP)) == 1

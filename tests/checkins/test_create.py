"""Creating check-ins: audience, validation, idempotency, one open reach-out, pushes on
commit (and none on rollback), blocks, nudge limits."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from backend.checkins import services
from backend.checkins.models import AudienceMember, CheckIn, Status
from backend.circles.models import Membership
from backend.notifications.models import Delivery, Notification
from tests.checkins.conftest import CHECKINS, DELIVER_BATCH, queued, reach_out
from tests.common.helpers import client_for, post, queued_deliveries
from tests.common.world import make_block
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db


def errors(res: Any) -> list[tuple[str, str | None]]:
    return [(e["code"], e["attr"]) for e in res.json()["errors"]]


def test_reach_out_asks_every_other_member_by_default(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=3, devices=True)
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w, mode="sit_with_me", no_need_to_explain=True, just_listen=True)
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["status"] == "open"
    assert body["kind"] == "reach_out"
    assert body["requester"] == {"id": str(w.owner.pk), "display_name": "Alex", "phone": ""}
    assert body["circle"] == {"id": str(w.circle.pk), "name": "Sunday people"}
    assert {a["user"]["id"] for a in body["audience"]} == {str(m.pk) for m in w.members}
    assert all(
        a["delivered_at"] is None and a["seen_at"] is None and a["response"] is None
        for a in body["audience"]
    )
    assert "email" not in res.content.decode()

    notes = Notification.objects.filter(kind="reach_out")
    assert {n.user_id for n in notes} == {m.pk for m in w.members}
    note = notes.first()
    assert note is not None
    assert note.urgency == "high"
    assert note.circle_id == w.circle.pk
    assert note.payload["title"] == "Alex needs you"
    assert note.payload["body"] == (
        "Could you just sit with them for a while? No need to explain. Please just listen."
    )
    assert note.payload["url"] == f"/checkins/{body['id']}"
    # One delivery per device of the audience, all in one task, enqueued after commit.
    deliveries = Delivery.objects.filter(notification__kind="reach_out")
    assert {d.notification.user_id for d in deliveries} == {m.pk for m in w.members}
    assert len(queued(DELIVER_BATCH)) == 1
    assert sorted(queued_deliveries()) == sorted(str(d.pk) for d in deliveries)
    # The audience rows remember their push, for the delivered_at status.
    assert set(AudienceMember.objects.values_list("notification_id", flat=True)) == {
        n.pk for n in notes
    }


def test_nothing_is_pushed_when_the_transaction_rolls_back(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=2, devices=True)

    def create_then_fail() -> None:
        with transaction.atomic():
            services.checkin_create(
                requester=w.owner, circle=w.circle, kind="reach_out", mode="call"
            )
            assert Notification.objects.count() == 2  # notified inside the block...
            raise RuntimeError("something after notify failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        create_then_fail()
    assert callbacks == []
    assert Notification.objects.count() == 0
    assert CheckIn.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


def test_pushes_wait_for_commit(make_world: Any, django_capture_on_commit_callbacks: Any) -> None:
    w = make_world(members=2, devices=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        res = reach_out(w)
        assert res.status_code == 201
        assert DBTaskResult.objects.count() == 0
    assert callbacks
    for callback in callbacks:
        callback()
    assert len(queued_deliveries()) == 2


def test_explicit_audience(make_world: Any) -> None:
    w = make_world(members=3)
    chosen = w.members[0]
    res = reach_out(w, audience=[str(chosen.pk), str(w.owner.pk), str(chosen.pk)])
    assert res.status_code == 201, res.content
    assert [a["user"]["id"] for a in res.json()["audience"]] == [str(chosen.pk)]
    assert Notification.objects.filter(kind="reach_out").get().user_id == chosen.pk


@pytest.mark.parametrize("who", ["outsider", "unknown", "not_uuid"])
def test_audience_outside_the_circle_is_400(make_world: Any, make_user: Any, who: str) -> None:
    w = make_world(members=1)
    person = {
        "outsider": lambda: str(make_user().pk),
        "unknown": lambda: "00000000-0000-4000-8000-000000000000",
        "not_uuid": lambda: "nope",
    }[who]()
    res = reach_out(w, audience=[str(w.members[0].pk), person])
    assert res.status_code == 400
    assert errors(res)[0][1].startswith("audience")
    assert CheckIn.objects.count() == 0


@pytest.mark.parametrize("direction", ["requester_blocked_them", "they_blocked_requester"])
def test_blocked_people_are_never_asked_nor_notified(
    make_world: Any, django_capture_on_commit_callbacks: Any, direction: str
) -> None:
    w = make_world(members=3, devices=True)
    blocked = w.members[0]
    if direction == "requester_blocked_them":
        make_block(w.owner, blocked)
    else:
        make_block(blocked, w.owner)
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w, expect=201)  # default audience
        post(w.client(w.owner), f"{CHECKINS}{res.json()['id']}/cancel/", expect=200)
        # Explicitly chosen: left out silently too.
        res2 = reach_out(w, audience=[str(blocked.pk), str(w.members[1].pk)])
        post(w.client(w.owner), f"{CHECKINS}{res2.json()['id']}/cancel/", expect=200)
        nudge = reach_out(w, kind="nudge", audience=[str(blocked.pk)])
    asked = {a["user"]["id"] for a in res.json()["audience"]}
    asked2 = [a["user"]["id"] for a in res2.json()["audience"]]
    others = {str(w.members[1].pk), str(w.members[2].pk)}
    if direction == "requester_blocked_them":
        # The requester knows of their own block: the person isn't in the audience at all,
        # and a nudge to only them has nobody to go to.
        assert asked == others
        assert asked2 == [str(w.members[1].pk)]
        assert errors(nudge) == [("empty_audience", "audience")]
        assert not AudienceMember.objects.filter(user=blocked).exists()
    else:
        # The requester must not learn they are blocked: the blocker shows in the audience
        # as a friend who hasn't seen it yet (and a nudge to only them answers as if sent).
        assert asked == others | {str(blocked.pk)}
        assert set(asked2) == {str(blocked.pk), str(w.members[1].pk)}
        assert nudge.status_code == 201, nudge.content
        assert [a["user"]["id"] for a in nudge.json()["audience"]] == [str(blocked.pk)]
        assert client_for(blocked).get(f"{CHECKINS}{nudge.json()['id']}/").status_code == 404
    assert not Notification.objects.filter(user=blocked, payload__title="Alex needs you").exists()
    assert not Notification.objects.filter(user=blocked).exclude(kind="join_request").exists()
    assert not Delivery.objects.filter(notification__user=blocked).exists()


def test_only_blocked_people_answers_as_if_sent(make_world: Any) -> None:
    w = make_world(members=1)
    make_block(w.members[0], w.owner)
    res = reach_out(w)
    assert res.status_code == 201, res.content
    assert not Notification.objects.filter(user=w.members[0]).exists()
    post(w.client(w.owner), f"{CHECKINS}{res.json()['id']}/cancel/", expect=200)
    res = reach_out(w, audience=[])
    assert errors(res) == [("empty_audience", "audience")]


def test_alone_in_a_circle_is_empty_audience(make_world: Any) -> None:
    w = make_world(members=0)
    res = reach_out(w)
    assert res.status_code == 400
    assert errors(res) == [("empty_audience", "audience")]


def test_circle_not_mine_is_404(make_world: Any, make_user: Any) -> None:
    w = make_world(members=1)
    res = post(
        client_for(make_user()),
        CHECKINS,
        {"kind": "reach_out", "circle": str(w.circle.pk), "mode": "call"},
    )
    assert res.status_code == 404


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"mode": ""}, ("required", "mode")),
        ({"mode": "dance"}, ("invalid_choice", "mode")),
        ({"kind": "hug"}, ("invalid_choice", "kind")),
        ({"message": "x" * 281}, ("max_length", "message")),
        ({"scheduled_for": "2030-01-01T10:00:00Z"}, ("not_allowed", "scheduled_for")),
        ({"kind": "check_on_me"}, ("required", "scheduled_for")),
        ({"kind": "check_on_me", "scheduled_for": "past"}, ("not_in_future", "scheduled_for")),
        ({"kind": "check_on_me", "scheduled_for": "8d"}, ("too_far_ahead", "scheduled_for")),
        ({"kind": "nudge", "mode": ""}, ("nudge_needs_one", "audience")),
        ({"kind": "nudge", "audience": "two"}, ("nudge_needs_one", "audience")),
        ({"idempotency_key": "k" * 65}, ("max_length", "idempotency_key")),
        ({"circle": "nope"}, ("invalid", "circle")),
    ],
)
def test_bad_input_is_400_naming_the_field(
    make_world: Any, body: dict[str, Any], expected: tuple[str, str]
) -> None:
    w = make_world(members=2)
    now = timezone.now()
    if body.get("scheduled_for") == "past":
        body["scheduled_for"] = (now - timedelta(minutes=1)).isoformat()
    if body.get("scheduled_for") == "8d":
        body["scheduled_for"] = (now + timedelta(days=8)).isoformat()
    if body.get("audience") == "two":
        body["audience"] = [str(m.pk) for m in w.members]
    res = reach_out(w, **body)
    assert res.status_code == 400, res.content
    assert errors(res) == [expected]
    assert CheckIn.objects.count() == 0


def test_same_idempotency_key_twice_makes_one_checkin(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=2, devices=True)
    with django_capture_on_commit_callbacks(execute=True):
        first = reach_out(w, idempotency_key="offline-retry-1")
        again = reach_out(w, idempotency_key="offline-retry-1", mode="text")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["mode"] == "come_over"
    assert CheckIn.objects.count() == 1
    assert Notification.objects.count() == 2  # the retry buzzed nobody again
    # Another person may use the same key.
    other = reach_out(w, w.members[0], idempotency_key="offline-retry-1")
    assert other.status_code == 201


def test_one_open_reach_out_at_a_time(make_world: Any) -> None:
    w = make_world(members=2)
    first = reach_out(w)
    res = reach_out(w, mode="call")
    assert res.status_code == 409
    assert error_codes(res) == ["open_reach_out_exists"]
    assert res.json()["checkin_id"] == first.json()["id"]
    # An answered one is still open; a closed one frees the slot.
    url = f"{CHECKINS}{first.json()['id']}/"
    post(w.client(w.members[0]), f"{url}responses/", {"answer": "calling"}, expect=201)
    assert reach_out(w).status_code == 409
    assert post(w.client(w.owner), f"{CHECKINS}{first.json()['id']}/close/").status_code == 200
    assert reach_out(w).status_code == 201
    # Nudges and check-on-me don't count as reach-outs.
    nudge = reach_out(w, kind="nudge", audience=[str(w.members[0].pk)])
    assert nudge.status_code == 201


def test_naive_scheduled_for_is_read_in_the_requesters_timezone(
    make_world: Any, make_user: Any
) -> None:
    w = make_world(members=1, owner=make_user(display_name="Alex", timezone="Asia/Tokyo"))
    tomorrow = timezone.now().date() + timedelta(days=1)
    res = reach_out(w, kind="check_on_me", scheduled_for=f"{tomorrow}T21:00:00")
    assert res.status_code == 201, res.content
    checkin = CheckIn.objects.get()
    assert checkin.status == Status.SCHEDULED
    assert checkin.scheduled_for is not None
    assert checkin.scheduled_for.astimezone(timezone.get_fixed_timezone(540)).hour == 21
    assert checkin.scheduled_for.astimezone(timezone.UTC).hour == 12


def test_scheduled_check_on_me_notifies_nobody_yet(make_world: Any) -> None:
    w = make_world(members=2, devices=True)
    when = timezone.now() + timedelta(hours=3)
    res = reach_out(w, kind="check_on_me", scheduled_for=when.isoformat())
    assert res.status_code == 201
    assert res.json()["status"] == "scheduled"
    assert Notification.objects.count() == 0


def test_nudge_goes_to_one_friend(make_world: Any, django_capture_on_commit_callbacks: Any) -> None:
    w = make_world(members=2, devices=True)
    friend = w.members[1]
    with django_capture_on_commit_callbacks(execute=True):
        res = reach_out(w, kind="nudge", mode=None, audience=[str(friend.pk)])
    assert res.status_code == 201, res.content
    assert res.json()["mode"] is None
    note = Notification.objects.get()
    assert note.user_id == friend.pk
    assert note.kind == "nudge"
    assert note.urgency == "normal"
    assert note.payload["title"] == "Alex is thinking of you"
    assert note.payload["body"] == "Thinking of you — how are you?"


def test_nudges_have_a_daily_limit(make_world: Any) -> None:
    w = make_world(members=1)
    friend = str(w.members[0].pk)
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "nudge": "2/day", "checkin_create": "50/hour"}
    SimpleRateThrottle.THROTTLE_RATES = rates
    try:
        with override_settings(REST_FRAMEWORK={"DEFAULT_THROTTLE_RATES": rates}):
            for _ in range(2):
                assert reach_out(w, kind="nudge", audience=[friend]).status_code == 201
            res = reach_out(w, kind="nudge", audience=[friend])
            assert res.status_code == 429
            assert int(res.headers["Retry-After"]) > 0
            # Reaching out is never held back by the nudge limit.
            assert reach_out(w).status_code == 201
    finally:
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


def test_reach_outs_are_rate_limited(make_world: Any) -> None:
    w = make_world(members=1)
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "checkin_create": "1/hour"}
    SimpleRateThrottle.THROTTLE_RATES = rates
    try:
        first = reach_out(w)
        assert first.status_code == 201
        post(w.client(w.owner), f"{CHECKINS}{first.json()['id']}/cancel/", expect=200)
        assert reach_out(w).status_code == 429
    finally:
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


def test_a_member_who_left_cannot_be_asked(make_world: Any) -> None:
    w = make_world(members=2)
    gone = w.members[0]
    Membership.objects.filter(user=gone).delete()
    res = reach_out(w, audience=[str(gone.pk)])
    assert errors(res) == [("not_in_circle", "audience")]

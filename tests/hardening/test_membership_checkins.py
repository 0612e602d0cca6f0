"""Item 2 of issue #11: leaving a circle (or being removed) ends one's open reach-outs and
scheduled check-on-mes there, quietly; a check-on-me never fires for someone no longer in
its circle."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from backend.checkins.models import CheckIn, Status
from backend.checkins.transitions import checkin_advance
from backend.notifications.models import Notification
from tests.common.helpers import client_for, post
from tests.common.world import circle_world

pytestmark = pytest.mark.django_db

CHECKINS = "/api/v1/checkins/"


def _leave(w: Any, person: Any, how: str) -> None:
    actor = person if how == "left" else w.owner
    res = client_for(actor).delete(f"/api/v1/circles/{w.circle.pk}/members/{person.pk}/")
    assert res.status_code == 204, res.content


def _ask(w: Any, requester: Any, **body: Any) -> CheckIn:
    payload = {"kind": "reach_out", "circle": str(w.circle.pk), "mode": "call", **body}
    res = post(w.client(requester), CHECKINS, payload, expect=201)
    return CheckIn.objects.get(pk=res.json()["id"])


@pytest.mark.parametrize("how", ["left", "removed"])
def test_leaving_ends_open_reach_outs_and_scheduled_check_on_mes_quietly(
    how: str, django_capture_on_commit_callbacks: Any
) -> None:
    w = circle_world(members=2, devices=True)
    bea, cat = w.members
    when = timezone.now() + dt.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        reach_out = _ask(w, bea)
        post(
            w.client(cat), f"{CHECKINS}{reach_out.pk}/responses/", {"answer": "calling"}, expect=201
        )
        later = _ask(w, bea, kind="check_on_me", scheduled_for=when.isoformat())
    # Someone else's check-in in the same circle is untouched.
    with django_capture_on_commit_callbacks(execute=True):
        others = _ask(w, cat, kind="check_on_me", scheduled_for=when.isoformat())
    told = Notification.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        _leave(w, bea, how)

    for checkin in (reach_out, later):
        checkin.refresh_from_db()
        assert checkin.status == Status.CANCELLED
        assert checkin.cancelled_at is not None
    others.refresh_from_db()
    assert others.status == Status.SCHEDULED
    assert Notification.objects.count() == told  # no push storm
    # The check-on-me's time comes: nothing fires.
    assert checkin_advance(checkin_id=later.pk, now=when + dt.timedelta(seconds=1)) == []
    later.refresh_from_db()
    assert later.status == Status.CANCELLED
    assert Notification.objects.count() == told


def test_a_check_on_me_refuses_to_fire_for_someone_no_longer_in_the_circle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Even if ending the membership didn't reach checkins (the hook is what's missing here),
    activation itself checks the requester is still a member."""
    from backend.circles import services as circle_services

    w = circle_world(members=1, devices=True)
    bea = w.members[0]
    when = timezone.now() + dt.timedelta(hours=1)
    later = _ask(w, bea, kind="check_on_me", scheduled_for=when.isoformat())
    monkeypatch.setattr(circle_services, "_membership_ended_hooks", [], raising=False)
    _leave(w, bea, "removed")
    later.refresh_from_db()
    assert later.status == Status.SCHEDULED
    told = Notification.objects.count()

    assert checkin_advance(checkin_id=later.pk, now=when + dt.timedelta(seconds=1)) == []
    later.refresh_from_db()
    assert (later.status, later.activated_at) == (Status.CANCELLED, None)
    assert later.cancelled_at is not None
    assert Notification.objects.count() == told

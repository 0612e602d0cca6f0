"""Issue #14 on the session's API: ask again (once) and ask more people in the same check-in,
ETAs as a time, a short update, phone numbers between circle mates, and email when no push
can reach a friend."""

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from backend.checkins.models import AudienceMember, CheckIn, Status
from backend.checkins.transitions import checkins_sweep
from backend.notifications.models import Delivery, DeliveryStatus, Notification
from backend.notifications.services import notification_preference_update
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post, run_queued_tasks
from tests.common.world import add_device, join, make_block, make_person
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

ASK_EMAIL = "backend.checkins.emails.ask_email_send"


# --- 2: ask again, once; ask more people of the same circle in the same check-in -----------


def test_ask_again_reasks_those_who_have_not_answered_once(make_world: Any) -> None:
    w = make_world(members=3)
    ana, cai, dev = w.members
    checkin = reach_out(w, audience=[str(ana.pk), str(cai.pk)], expect=201).json()
    post(w.client(ana), f"{CHECKINS}{checkin['id']}/responses/", {"answer": "cant_right_now"})
    before = Notification.objects.count()

    res = post(w.client(w.owner), f"{CHECKINS}{checkin['id']}/ask-again/")
    assert res.status_code == 200, res.content
    assert res.json()["id"] == checkin["id"]
    assert res.json()["asked_again_at"] is not None
    again = Notification.objects.order_by("created_at")[before:]
    assert [(n.user_id, n.payload["title"]) for n in again] == [(cai.pk, "Alex still needs you")]

    res = post(w.client(w.owner), f"{CHECKINS}{checkin['id']}/ask-again/")
    assert res.status_code == 409
    assert error_codes(res) == ["already_asked_again"]
    assert Notification.objects.count() == before + 1
    # Only the requester may, and nobody else was asked (no second check-in).
    res = post(w.client(cai), f"{CHECKINS}{checkin['id']}/ask-again/")
    assert (res.status_code, error_codes(res)) == (403, ["requester_only"])
    assert CheckIn.objects.count() == 1
    assert dev.pk not in set(AudienceMember.objects.values_list("user_id", flat=True))


def test_add_people_widens_the_same_checkin(make_world: Any) -> None:
    w = make_world(members=3)
    ana, cai, dev = w.members
    checkin_id = reach_out(w, audience=[str(ana.pk)], expect=201).json()["id"]
    url = f"{CHECKINS}{checkin_id}/people/"

    res = post(w.client(w.owner), url, {"people": [str(cai.pk), str(dev.pk)]})
    assert res.status_code == 200, res.content
    asked = {a["user"]["id"] for a in res.json()["audience"]}
    assert asked == {str(ana.pk), str(cai.pk), str(dev.pk)}
    assert set(Notification.objects.filter(kind="reach_out").values_list("user_id", flat=True)) == {
        ana.pk,
        cai.pk,
        dev.pk,
    }
    assert CheckIn.objects.count() == 1

    # Their answers show where the first ones do: on the same check-in.
    post(w.client(dev), f"{CHECKINS}{checkin_id}/responses/", {"answer": "on_my_way"})
    home = w.client(w.owner).get("/api/v1/home/").json()
    assert home["my_open_checkin"]["id"] == checkin_id
    answers = {a["user"]["id"]: a["response"] for a in home["my_open_checkin"]["audience"]}
    assert answers[str(dev.pk)]["answer"] == "on_my_way"

    res = post(w.client(w.owner), url, {"people": [str(ana.pk)]})
    assert (res.status_code, error_codes(res)) == (400, ["already_asked"])
    outsider = make_person()
    res = post(w.client(w.owner), url, {"people": [str(outsider.pk)]})
    assert (res.status_code, error_codes(res)) == (400, ["not_in_circle"])
    res = post(w.client(w.owner), url, {"people": []})
    assert (res.status_code, error_codes(res)) == (400, ["required"])
    res = post(w.client(ana), url, {"people": [str(cai.pk)]})
    assert (res.status_code, error_codes(res)) == (403, ["requester_only"])


def test_ask_again_and_add_people_need_it_still_asking(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cai = w.members
    checkin_id = reach_out(w, audience=[str(ana.pk)], expect=201).json()["id"]
    post(w.client(w.owner), f"{CHECKINS}{checkin_id}/close/", expect=200)
    for path, body in (("ask-again/", {}), ("people/", {"people": [str(cai.pk)]})):
        res = post(w.client(w.owner), f"{CHECKINS}{checkin_id}/{path}", body)
        assert (res.status_code, error_codes(res)) == (409, ["checkin_not_open"])


# --- 12: an ETA is a time -------------------------------------------------------------------


def test_eta_counts_from_when_it_was_given_not_when_words_changed(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    url = f"{CHECKINS}{reach_out(w, expect=201).json()['id']}/responses/"
    given = timezone.now()
    with time_machine.travel(given, tick=False):
        body = post(w.client(ana), url, {"answer": "on_my_way"}, expect=201).json()
        assert body["eta_from"] is None
    with time_machine.travel(given + dt.timedelta(minutes=2), tick=False):
        body = post(
            w.client(ana), url, {"answer": "on_my_way", "eta_minutes": 15}, expect=200
        ).json()
    eta_from = dt.datetime.fromisoformat(body["eta_from"])
    assert eta_from == given + dt.timedelta(minutes=2)
    pushes = Notification.objects.filter(kind="response").count()
    with time_machine.travel(given + dt.timedelta(minutes=9), tick=False):
        body = post(
            w.client(ana),
            url,
            {"answer": "on_my_way", "eta_minutes": 15, "message": "I'm downstairs"},
            expect=200,
        ).json()
    assert dt.datetime.fromisoformat(body["eta_from"]) == eta_from
    assert body["message"] == "I'm downstairs"
    # New words alone don't buzz the requester's phone again.
    assert Notification.objects.filter(kind="response").count() == pushes


# --- 14: a short update during the session ---------------------------------------------------


def test_requester_adds_one_short_update_everyone_asked_sees(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = reach_out(w, expect=201).json()["id"]
    url = f"{CHECKINS}{checkin_id}/update/"
    res = post(w.client(w.owner), url, {"text": "  Door's open  "})
    assert res.status_code == 200, res.content
    assert res.json()["update_line"] == "Door's open"
    seen = w.client(ana).get(f"{CHECKINS}{checkin_id}/").json()
    assert seen["update_line"] == "Door's open"
    assert seen["update_line_at"] is not None

    res = post(w.client(w.owner), url, {"text": "x" * 141})
    assert res.status_code == 400
    assert res.json()["errors"][0]["attr"] == "text"
    res = post(w.client(ana), url, {"text": "hi"})
    assert (res.status_code, error_codes(res)) == (403, ["requester_only"])
    post(w.client(w.owner), f"{CHECKINS}{checkin_id}/close/", expect=200)
    res = post(w.client(w.owner), url, {"text": "later"})
    assert (res.status_code, error_codes(res)) == (409, ["checkin_not_open"])
    assert CheckIn.objects.get().update_line == "Door's open"


# --- 13: phone numbers between circle mates ------------------------------------------------


def test_phone_numbers_show_both_ways_in_a_shared_checkin_only(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cai = w.members
    for person, number in ((w.owner, "+44 7700 900-123"), (ana, "07700 900456"), (cai, "0123456")):
        res = w.client(person).patch(
            "/api/v1/me/", {"phone": number}, content_type="application/json"
        )
        assert res.status_code == 200, res.content
    assert w.client(w.owner).get("/api/v1/me/").json()["phone"] == "+447700900123"
    checkin_id = reach_out(w, audience=[str(ana.pk), str(cai.pk)], expect=201).json()["id"]

    mine = w.client(w.owner).get(f"{CHECKINS}{checkin_id}/").json()
    assert {a["user"]["display_name"]: a["user"]["phone"] for a in mine["audience"]} == {
        ana.display_name: "07700900456",
        cai.display_name: "0123456",
    }
    theirs = w.client(ana).get(f"{CHECKINS}{checkin_id}/").json()
    assert theirs["requester"]["phone"] == "+447700900123"
    # The friends asked don't get each other's numbers.
    assert {a["user"]["phone"] for a in theirs["audience"]} == {""}
    # Nowhere else: the circle's member list has no phone numbers.
    circle = w.client(ana).get(f"/api/v1/circles/{w.circle.pk}/").json()
    assert "phone" not in str(circle)


@pytest.mark.parametrize("bad", ["call me", "12", "+44 7700 900123 ext 5", "1" * 16])
def test_a_phone_number_that_is_not_one_is_a_clear_400(make_world: Any, bad: str) -> None:
    w = make_world()
    res = w.client(w.owner).patch("/api/v1/me/", {"phone": bad}, content_type="application/json")
    assert res.status_code == 400
    assert error_codes(res) == ["invalid_phone"]
    assert res.json()["errors"][0]["attr"] == "phone"
    w.owner.refresh_from_db()
    assert w.owner.phone == ""


def test_an_empty_phone_removes_it(make_world: Any) -> None:
    w = make_world()
    client = w.client(w.owner)
    client.patch("/api/v1/me/", {"phone": "+4915112345678"}, content_type="application/json")
    res = client.patch("/api/v1/me/", {"phone": ""}, content_type="application/json")
    assert res.json()["phone"] == ""


# --- 16: email when no push can reach a friend -----------------------------------------------


def test_a_friend_without_a_push_device_is_emailed_once(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=3)
    ana, cai, dev = w.members
    add_device(cai)
    notification_preference_update(user=dev, email_when_push_fails=False)
    with django_capture_on_commit_callbacks(execute=True):
        checkin_id = reach_out(w, expect=201).json()["id"]
    assert run_queued_tasks(ASK_EMAIL) == [True]
    assert [m.to for m in mail.outbox] == [[ana.email]]
    body = str(mail.outbox[0].body)
    assert f"/checkins/{checkin_id}" in body
    assert "Alex needs you" in body
    assert "notification settings" in body

    audience = w.client(w.owner).get(f"{CHECKINS}{checkin_id}/").json()["audience"]
    emailed = {a["user"]["id"]: a["mailed_at"] is not None for a in audience}
    assert emailed == {str(ana.pk): True, str(cai.pk): False, str(dev.pk): False}
    # Asking again doesn't email again.
    post(w.client(w.owner), f"{CHECKINS}{checkin_id}/ask-again/", expect=200)
    checkins_sweep()
    assert run_queued_tasks(ASK_EMAIL) == []
    assert len(mail.outbox) == 1


def test_a_friend_whose_pushes_all_failed_is_emailed_by_the_sweep(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=1, devices=True)
    ana = w.members[0]
    checkin_id = reach_out(w, expect=201).json()["id"]
    assert checkins_sweep().get("emailed") is None  # still trying to push
    Delivery.objects.filter(notification__user=ana).update(status=DeliveryStatus.FAILED)
    with django_capture_on_commit_callbacks(execute=True):
        assert checkins_sweep()["emailed"] == 1
        assert checkins_sweep().get("emailed") is None
    assert run_queued_tasks(ASK_EMAIL) == [True]
    assert [m.to for m in mail.outbox] == [[ana.email]]
    member = AudienceMember.objects.get(checkin_id=checkin_id, user=ana)
    assert member.emailed_at is not None


def test_no_email_once_it_is_over_or_to_someone_who_blocked_the_requester(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world(members=2)
    _ana, cai = w.members
    make_block(cai, w.owner)
    with django_capture_on_commit_callbacks(execute=True):
        checkin_id = reach_out(w, expect=201).json()["id"]
    post(w.client(w.owner), f"{CHECKINS}{checkin_id}/close/", expect=200)
    assert CheckIn.objects.get().status == Status.CLOSED
    assert run_queued_tasks(ASK_EMAIL) == [False]
    assert mail.outbox == []
    # Cai blocked Bea: never emailed, but marked as a friend without a device would be, so
    # the requester's view doesn't reveal the block.
    assert AudienceMember.objects.get(user=cai).emailed_at is not None


def test_the_email_fallback_is_a_notification_setting(make_world: Any) -> None:
    w = make_world()
    client = w.client(w.owner)
    assert client.get("/api/v1/notification-settings/").json()["email_when_push_fails"] is True
    res = client.patch(
        "/api/v1/notification-settings/",
        {"email_when_push_fails": False},
        content_type="application/json",
    )
    assert res.status_code == 200
    assert res.json()["email_when_push_fails"] is False


def test_someone_who_joined_later_can_be_added(make_world: Any) -> None:
    w = make_world(members=1)
    checkin_id = reach_out(w, expect=201).json()["id"]
    late = make_person()
    join(w.circle, late)
    res = post(w.client(w.owner), f"{CHECKINS}{checkin_id}/people/", {"people": [str(late.pk)]})
    assert res.status_code == 200
    assert str(late.pk) in {a["user"]["id"] for a in res.json()["audience"]}


def test_the_export_holds_my_phone_number_and_my_update_line(make_world: Any) -> None:
    from tests.accounts.privacy_world import log_in

    w = make_world(members=1)
    w.owner.phone = "+447700900123"
    w.owner.save()
    checkin_id = reach_out(w, expect=201).json()["id"]
    post(w.client(w.owner), f"{CHECKINS}{checkin_id}/update/", {"text": "Door's open"}, expect=200)
    data = log_in(w.owner.email).get("/api/v1/me/export/").json()
    assert data["profile"]["phone"] == "+447700900123"
    assert data["checkins"][0]["update_line"] == "Door's open"
    assert data["notification_settings"]["email_when_push_fails"] is True

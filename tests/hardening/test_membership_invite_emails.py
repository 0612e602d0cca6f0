"""Item 9 of issue #11: invite emails are no relay for anyone's text. A fixed Subject, the
inviter's name only in the body, no personal message from a new account, and a daily cap
on invite emails per person (over it: 429 with Retry-After, no invite, no email)."""

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from backend.circles.models import Invite
from tests.common.helpers import client_for, post, run_queued_tasks
from tests.common.world import make_circle, make_person

pytestmark = pytest.mark.django_db

SUBJECT = "You're invited to a circle on Shoulder"
MESSAGE = "Cheap pills at spam.example"


def _owner(age: dt.timedelta, name: str = "Buy now at spam.example") -> Any:
    owner = make_person(display_name=name, date_joined=timezone.now() - age)
    return owner, make_circle(owner)


def _send(owner: Any, circle: Any, capture: Any, email: str = "sam@example.com") -> Any:
    with capture(execute=True):
        res = post(
            client_for(owner),
            f"/api/v1/circles/{circle.pk}/invites/",
            {"email": email, "message": MESSAGE},
        )
    run_queued_tasks("backend.circles.tasks.invite_send_email")
    return res


def test_the_subject_is_fixed_and_the_name_is_only_in_the_body(
    django_capture_on_commit_callbacks: Any,
) -> None:
    owner, circle = _owner(dt.timedelta(days=30))
    assert _send(owner, circle, django_capture_on_commit_callbacks).status_code == 201
    (email,) = mail.outbox
    assert email.subject == SUBJECT
    assert owner.display_name in email.body
    # An old enough account's personal message is included.
    assert MESSAGE in email.body


def test_a_new_account_sends_no_personal_message(
    django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    owner, circle = _owner(dt.timedelta(days=6, hours=23))
    res = _send(owner, circle, django_capture_on_commit_callbacks)
    assert res.status_code == 201, res.content
    (email,) = mail.outbox
    assert MESSAGE not in email.body
    assert "/invite/" + res.json()["token"] in email.body
    # The setting decides what "new" is.
    settings.SHOULDER = {
        **settings.SHOULDER,
        "INVITE_MESSAGE_MIN_ACCOUNT_AGE": dt.timedelta(days=1),
    }
    mail.outbox.clear()
    _send(owner, circle, django_capture_on_commit_callbacks)
    assert MESSAGE in mail.outbox[0].body


def test_invite_emails_per_day_are_capped(
    django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "INVITE_EMAILS_PER_DAY": 3}
    owner, circle = _owner(dt.timedelta(days=30))
    other_circle = make_circle(owner, name="Second")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(3):
            assert _send(owner, circle, django_capture_on_commit_callbacks).status_code == 201
        # Invites without an email don't count, and are still made.
        post(client_for(owner), f"/api/v1/circles/{circle.pk}/invites/", expect=201)
    with time_machine.travel(start + dt.timedelta(hours=1), tick=False):
        res = _send(owner, other_circle, django_capture_on_commit_callbacks, "x@example.com")
    assert res.status_code == 429, res.content
    assert res.json()["type"] == "client_error"
    assert [e["code"] for e in res.json()["errors"]] == ["invite_email_limit"]
    assert int(res["Retry-After"]) == 23 * 3600
    assert len(mail.outbox) == 3
    assert not Invite.objects.filter(email="x@example.com").exists()
    # A day after the first, one more may go.
    with time_machine.travel(start + dt.timedelta(days=1, seconds=1), tick=False):
        res = _send(owner, other_circle, django_capture_on_commit_callbacks, "x@example.com")
    assert res.status_code == 201, res.content
    assert len(mail.outbox) == 4


def test_the_default_cap_is_ten_a_day(settings: Any) -> None:
    assert settings.SHOULDER["INVITE_EMAILS_PER_DAY"] == 10
    assert settings.SHOULDER["INVITE_MESSAGE_MIN_ACCOUNT_AGE"] == dt.timedelta(days=7)

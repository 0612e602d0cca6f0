"""The world builders make what the app makes, and setup calls can't fail silently."""

from typing import Any

import pytest
from django.core import mail

from backend.checkins.models import AudienceMember, Response, Status
from backend.circles.models import InviteAcceptance, Membership
from tests.common.helpers import client_for, post
from tests.common.world import code_from_mail, make_circle, make_person, make_session

pytestmark = pytest.mark.django_db


def test_members_join_through_invites_and_sessions_through_the_services() -> None:
    owner, sam, jo = make_person(display_name="Alex"), make_person(), make_person()
    circle = make_circle(owner, [sam, jo])
    assert set(Membership.objects.filter(circle=circle).values_list("user", "role")) == {
        (owner.pk, "owner"),
        (sam.pk, "member"),
        (jo.pk, "member"),
    }
    assert set(InviteAcceptance.objects.values_list("user", flat=True)) == {sam.pk, jo.pk}
    checkin = make_session(owner, circle, {sam: "on_my_way"}, asked=[jo])
    assert (checkin.status, checkin.closed_by) == (Status.CLOSED, owner)
    assert set(AudienceMember.objects.values_list("user", flat=True)) == {sam.pk, jo.pk}
    response = Response.objects.get()
    assert (response.responder, response.aftercare_due_at is not None) == (sam, True)


@pytest.mark.parametrize("status", [Status.EXPIRED, Status.CANCELLED, Status.OPEN])
def test_a_session_ends_the_way_asked(status: str) -> None:
    owner, sam = make_person(), make_person()
    checkin = make_session(owner, make_circle(owner, [sam]), {sam: "texting"}, status=status)
    assert checkin.status == (Status.ANSWERED if status == Status.OPEN else status)


def test_a_setup_post_that_answers_otherwise_fails_the_test() -> None:
    client = client_for(make_person())
    with pytest.raises(AssertionError):
        post(client, "/api/v1/circles/", {"name": ""}, expect=201)
    assert post(client, "/api/v1/circles/", {"name": "Ours"}, expect=201).json()["name"] == "Ours"


def test_code_from_mail_reads_the_newest_code_and_fails_without_one(mailoutbox: Any) -> None:
    with pytest.raises(AssertionError, match="no email"):
        code_from_mail()
    mail.send_mail("Your code", "Hello,\n\n  ABCD-1234  \n\nThanks", None, ["a@example.com"])
    assert code_from_mail() == "ABCD-1234"
    mail.send_mail("Hi", "No code in here.", None, ["a@example.com"])
    with pytest.raises(AssertionError):
        code_from_mail(mailoutbox)

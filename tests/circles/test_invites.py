from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from backend.circles.models import (
    Invite,
    InviteAcceptance,
    InviteDecline,
    JoinRequest,
    Membership,
)
from backend.circles.tokens import hash_token
from backend.notifications.models import Notification
from tests.common.helpers import client_for, post, run_queued_tasks
from tests.common.world import join, make_block, make_join_request, make_person
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

WEEKS = timedelta(weeks=3)


def invites_url(world: Any) -> str:
    return f"/api/v1/circles/{world.circle.pk}/invites/"


# --- creating ----------------------------------------------------------------------


def test_create_invite_shows_the_token_once(make_world: Any, settings: Any) -> None:
    w = make_world()
    client = client_for(w.owner)
    res = post(client, invites_url(w), {"message": " Come sit with us ", "max_uses": 3})
    assert res.status_code == 201, res.content
    body = res.json()
    token = body["token"]
    assert len(token) >= 32  # 256 random bits, URL-safe
    assert body["url"] == f"/invite/{token}"
    assert body["absolute_url"] == f"{settings.SHOULDER['SITE_URL']}/invite/{token}"
    assert (body["max_uses"], body["use_count"], body["message"]) == (3, 0, "Come sit with us")
    expires = timezone.datetime.fromisoformat(body["expires_at"])
    assert timedelta(days=6, hours=23) < expires - timezone.now() <= timedelta(days=7)

    listed = client.get(invites_url(w)).json()["results"]
    assert [i["id"] for i in listed] == [body["id"]]
    assert listed[0]["status"] == "active"
    assert token not in str(listed)
    assert "token" not in listed[0]
    assert "url" not in listed[0]


def test_defaults_are_single_use_for_seven_days(make_world: Any) -> None:
    w = make_world()
    body = post(client_for(w.owner), invites_url(w), expect=201).json()
    invite = Invite.objects.get(pk=body["id"])
    assert (invite.max_uses, invite.use_count, invite.message, invite.email) == (1, 0, "", "")
    assert invite.created_by == w.owner


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("max_uses", 0),
        ("max_uses", 51),
        ("expires_in_days", 0),
        ("expires_in_days", 31),
        ("message", "x" * 281),
        ("email", "not-an-email"),
    ],
)
def test_create_invite_validates(make_world: Any, field: str, value: Any) -> None:
    w = make_world()
    res = post(client_for(w.owner), invites_url(w), {field: value})
    assert res.status_code == 400
    assert res.json()["errors"][0]["attr"] == field
    assert not Invite.objects.exists()


def test_the_token_is_never_stored(make_world: Any) -> None:
    w = make_world()
    body = {"email": "sam@example.com", "message": "hi"}
    res = post(client_for(w.owner), invites_url(w), body, expect=201)
    token = res.json()["token"]
    invite = Invite.objects.get()
    assert invite.token_hash == hash_token(token)
    for row in Invite.objects.values():
        assert all(token not in str(value) for value in row.values())
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Invite._meta.db_table}")
        for row in cursor.fetchall():
            assert all(token not in str(value) for value in row)
    # Nor anywhere else, including the queued email task's arguments (sealed).
    for model in apps.get_models():
        for row in model._default_manager.values():
            assert token not in str(row), model


def test_invite_creation_is_rate_limited(make_world: Any, throttle_rates: Any) -> None:
    w = make_world()
    client = client_for(w.owner)
    throttle_rates(invite_create="2/hour")
    assert post(client, invites_url(w)).status_code == 201
    assert post(client, invites_url(w)).status_code == 201
    res = post(client, invites_url(w))
    assert res.status_code == 429
    assert error_codes(res) == ["throttled"]
    assert client.get(invites_url(w)).status_code == 200


# --- email ---------------------------------------------------------------------------


def test_email_invite_is_sent_after_commit_by_the_worker(
    make_world: Any, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    # An account old enough for its personal message to go in the email.
    w = make_world(owner=make_person(display_name="Alex", date_joined=timezone.now() - WEEKS))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        res = post(
            client_for(w.owner), invites_url(w), {"email": "sam@example.com", "message": "Hi Sam"}
        )
        assert res.status_code == 201
        assert not DBTaskResult.objects.exists()  # nothing queued before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []

    assert len(run_queued_tasks()) == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["sam@example.com"]
    assert f"{settings.SHOULDER['SITE_URL']}/invite/{res.json()['token']}" in email.body
    assert "Hi Sam" in email.body
    assert "Sunday people" in email.body
    assert email.alternatives == []  # plain text


def test_no_email_task_without_an_email(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post(client_for(w.owner), invites_url(w), expect=201)
    assert callbacks == []


def test_email_task_skips_an_invite_revoked_before_it_ran(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world()
    client = client_for(w.owner)
    with django_capture_on_commit_callbacks(execute=True):
        body = post(client, invites_url(w), {"email": "sam@example.com"}, expect=201).json()
    assert client.delete(f"{invites_url(w)}{body['id']}/").status_code == 204
    assert len(run_queued_tasks()) == 1
    assert mail.outbox == []


# --- listing and revoking ------------------------------------------------------------


def test_invite_statuses_in_the_owner_list(make_world: Any, make_invite: Any) -> None:
    w = make_world()
    make_invite(w)
    used = make_invite(w)
    Invite.objects.filter(token_hash=hash_token(used)).update(use_count=1)
    revoked = Invite.objects.get(token_hash=hash_token(make_invite(w)))
    client = client_for(w.owner)
    assert client.delete(f"{invites_url(w)}{revoked.pk}/").status_code == 204
    assert client.delete(f"{invites_url(w)}{revoked.pk}/").status_code == 204  # idempotent
    revoked.refresh_from_db()
    assert revoked.revoked_at is not None
    assert revoked.revoked_by == w.owner
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        make_invite(w)  # still fresh then
        statuses = sorted(i["status"] for i in client.get(invites_url(w)).json()["results"])
    assert statuses == ["active", "expired", "revoked", "used_up"]


def test_revoking_another_circles_invite_is_404(make_world: Any, make_invite: Any) -> None:
    mine, theirs = make_world(), make_world()
    invite = Invite.objects.get(token_hash=hash_token(make_invite(theirs)))
    res = client_for(mine.owner).delete(f"{invites_url(mine)}{invite.pk}/")
    assert res.status_code == 404
    invite.refresh_from_db()
    assert invite.revoked_at is None


# --- preview -------------------------------------------------------------------------


def test_preview_signed_out(make_world: Any, make_invite: Any) -> None:
    w = make_world(members=2)
    token = make_invite(w, message="We'd love you here")
    res = Client().get(f"/api/v1/invites/{token}/")
    assert res.status_code == 200
    body = res.json()
    assert body == {
        "circle": {"name": "Sunday people", "approval_required": False},
        "invited_by": {"id": str(w.owner.pk), "display_name": "Alex"},
        "message": "We'd love you here",
        "expires_at": body["expires_at"],
        "status": "valid",
        "status_detail": None,
        "already_member": False,
    }


def test_preview_tells_a_member_they_are_in(make_world: Any, make_invite: Any) -> None:
    w = make_world(members=1)
    body = client_for(w.members[0]).get(f"/api/v1/invites/{make_invite(w)}/").json()
    assert body["already_member"] is True
    assert body["status"] == "already_member"
    assert body["status_detail"]


@pytest.mark.parametrize(
    ("state", "code", "status"),
    [
        ("unknown", "invite_not_found", 404),
        ("expired", "invite_expired", 410),
        ("revoked", "invite_revoked", 410),
        ("used_up", "invite_used_up", 410),
    ],
)
def test_preview_of_an_invalid_invite(
    make_world: Any, make_invite: Any, state: str, code: str, status: int
) -> None:
    token = invalid_invite(make_world(), make_invite, state)
    res = Client().get(f"/api/v1/invites/{token}/")
    assert res.status_code == status
    assert error_codes(res) == [code]
    assert res.json()["errors"][0]["detail"].endswith(".")


def test_preview_is_rate_limited_per_ip(make_world: Any, make_invite: Any, settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "INVITE_GUESS_RATE": "3/hour"}
    client = Client()
    token = make_invite(make_world())
    for guess in ("a" * 32, "b" * 32, token):
        assert client.get(f"/api/v1/invites/{guess}/").status_code in (200, 404)
    res = client.get(f"/api/v1/invites/{token}/")
    assert res.status_code == 429
    assert "Retry-After" in res.headers
    # The same address is also limited when signed in (the ceiling is per IP).
    signed = client_for(Invite.objects.get().created_by)
    assert post(signed, f"/api/v1/invites/{token}/accept/").status_code == 429


# --- accepting -----------------------------------------------------------------------


def invalid_invite(world: Any, make_invite: Any, state: str) -> str:
    if state == "unknown":
        return "x" * 43
    token: str = make_invite(world)
    invite = Invite.objects.get(token_hash=hash_token(token))
    if state == "expired":
        invite.expires_at = timezone.now() - timedelta(seconds=1)
    elif state == "revoked":
        invite.revoked_at = timezone.now()
    elif state == "used_up":
        invite.use_count = invite.max_uses
    invite.save()
    return token


def accept(user: Any, token: str) -> Any:
    return post(client_for(user), f"/api/v1/invites/{token}/accept/")


def test_accept_joins_the_circle(make_world: Any, make_invite: Any, make_user: Any) -> None:
    w = make_world(members=1)
    token = make_invite(w)
    friend = make_user(display_name="Sam")
    res = accept(friend, token)
    assert res.status_code == 201, res.content
    assert res.json() == {
        "result": "joined",
        "circle": {"id": str(w.circle.pk), "name": "Sunday people"},
        "join_request": None,
    }
    membership = Membership.objects.get(circle=w.circle, user=friend)
    assert membership.role == "member"
    invite = Invite.objects.get(token_hash=hash_token(token))
    assert invite.use_count == 1
    acceptance = InviteAcceptance.objects.get(invite=invite)
    assert (acceptance.user, acceptance.invite) == (friend, invite)
    # Both see each other.
    names = {
        m["user"]["display_name"]
        for m in client_for(friend).get(f"/api/v1/circles/{w.circle.pk}/").json()["members"]
    }
    assert names == {"Alex", "Sam", w.members[0].display_name}


@pytest.mark.parametrize(
    ("state", "code", "status"),
    [
        ("unknown", "invite_not_found", 404),
        ("expired", "invite_expired", 410),
        ("revoked", "invite_revoked", 410),
        ("used_up", "invite_used_up", 410),
    ],
)
def test_accept_an_invalid_invite(
    make_world: Any, make_invite: Any, make_user: Any, state: str, code: str, status: int
) -> None:
    w = make_world()
    res = accept(make_user(), invalid_invite(w, make_invite, state))
    assert res.status_code == status
    assert error_codes(res) == [code]
    assert Membership.objects.filter(circle=w.circle).count() == 1


def test_accept_expires_with_time(make_world: Any, make_invite: Any, make_user: Any) -> None:
    w = make_world()
    token = make_invite(w, expires_in_days=1)
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        res = accept(make_user(), token)
    assert error_codes(res) == ["invite_expired"]


def test_accept_when_already_member(make_world: Any, make_invite: Any) -> None:
    w = make_world(members=1)
    token = make_invite(w)
    res = accept(w.members[0], token)
    assert res.status_code == 409
    assert error_codes(res) == ["already_member"]
    assert Invite.objects.get(token_hash=hash_token(token)).use_count == 0


def test_accept_when_circle_full(
    make_world: Any, make_invite: Any, make_user: Any, settings: Any
) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "CIRCLE_MAX_MEMBERS": 3}
    w = make_world(members=2)
    token = make_invite(w)
    res = accept(make_user(), token)
    assert res.status_code == 409
    assert error_codes(res) == ["circle_full"]
    assert Invite.objects.get(token_hash=hash_token(token)).use_count == 0
    assert Client().get(f"/api/v1/invites/{token}/").json()["status"] == "circle_full"


def test_default_cap_is_twelve(make_world: Any, make_invite: Any, make_user: Any) -> None:
    w = make_world(members=9)
    token = make_invite(w, max_uses=2)  # room for 2 when made; then the circle fills up
    join(w.circle, make_user())
    assert accept(make_user(), token).status_code == 201
    assert error_codes(accept(make_user(), token)) == ["circle_full"]


@pytest.mark.parametrize("who", ["inviter_blocked_them", "they_blocked_inviter", "owner_blocked"])
def test_accept_across_a_block_looks_like_not_found(
    make_world: Any, make_invite: Any, make_user: Any, who: str
) -> None:
    w = make_world(members=1)
    friend = make_user()
    if who == "owner_blocked":
        # The invite comes from someone who became owner later; the old owner blocked them.
        make_block(w.owner, friend)
        token = make_invite(w)
    else:
        token = make_invite(w)
        pair = (w.owner, friend) if who == "inviter_blocked_them" else (friend, w.owner)
        make_block(pair[0], pair[1])
    res = accept(friend, token)
    assert res.status_code == 404
    assert res.json() == post(client_for(friend), "/api/v1/invites/nope/accept/").json()
    assert error_codes(res) == ["invite_not_found"]
    assert not Membership.objects.filter(user=friend).exists()


def test_block_with_the_owner_counts_even_when_someone_else_invited(
    make_world: Any, make_user: Any
) -> None:
    from backend.circles import services

    w = make_world(members=1)
    old_inviter = w.members[0]
    # The member was owner when they made the invite, then handed the circle back.
    services.circle_transfer_ownership(circle=w.circle, by=w.owner, to_user_id=old_inviter.pk)
    token = services.invite_create(circle=w.circle, created_by=old_inviter).token
    services.circle_transfer_ownership(circle=w.circle, by=old_inviter, to_user_id=w.owner.pk)
    friend = make_user()
    make_block(friend, w.owner)
    assert error_codes(accept(friend, token)) == ["invite_not_found"]


def test_multi_use_invite_counts_uses(make_world: Any, make_invite: Any, make_user: Any) -> None:
    w = make_world()
    token = make_invite(w, max_uses=2)
    assert accept(make_user(), token).status_code == 201
    assert accept(make_user(), token).status_code == 201
    assert error_codes(accept(make_user(), token)) == ["invite_used_up"]
    assert Invite.objects.get().use_count == 2
    assert InviteAcceptance.objects.count() == 2


def test_removed_member_cannot_rejoin_with_an_old_link(
    make_world: Any, make_invite: Any, make_user: Any
) -> None:
    w = make_world()
    old_token = make_invite(w, max_uses=5)
    friend = make_user()
    assert accept(friend, old_token).status_code == 201
    owner = client_for(w.owner)
    assert owner.delete(f"/api/v1/circles/{w.circle.pk}/members/{friend.pk}/").status_code == 204
    res = accept(friend, old_token)
    assert res.status_code == 403
    assert error_codes(res) == ["removed_from_circle"]
    preview = client_for(friend).get(f"/api/v1/invites/{old_token}/").json()
    assert preview["status"] == "removed_from_circle"
    # A new invite, made after the removal, is the owner's fresh consent.
    assert accept(friend, make_invite(w)).status_code == 201


def test_someone_who_left_can_come_back_with_the_link(
    make_world: Any, make_invite: Any, make_user: Any
) -> None:
    w = make_world()
    token = make_invite(w, max_uses=2)
    friend = make_user()
    assert accept(friend, token).status_code == 201
    client_for(friend).delete(f"/api/v1/circles/{w.circle.pk}/members/{friend.pk}/")
    assert accept(friend, token).status_code == 201


def test_double_accept_of_a_single_use_invite(
    make_world: Any, make_invite: Any, make_user: Any
) -> None:
    """The sequential twin of the PostgreSQL concurrency test (SQLite serialises writers)."""
    w = make_world()
    token = make_invite(w)
    first, second = make_user(), make_user()
    assert accept(first, token).status_code == 201
    res = accept(second, token)
    assert res.status_code == 410
    assert error_codes(res) == ["invite_used_up"]
    assert Membership.objects.filter(circle=w.circle).count() == 2


def test_accept_is_rate_limited_per_user(
    make_world: Any, make_invite: Any, make_user: Any, throttle_rates: Any
) -> None:
    friend = make_user()
    throttle_rates(invite_accept="2/hour")
    for _ in range(2):
        assert accept(friend, "guess" * 8).status_code == 404
    assert accept(friend, make_invite(make_world())).status_code == 429


# --- declining -----------------------------------------------------------------------


def test_decline_tells_nobody(
    make_world: Any, make_invite: Any, make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = make_world()
    token = make_invite(w)
    friend = make_user()
    client = client_for(friend)
    with django_capture_on_commit_callbacks() as callbacks:
        assert post(client, f"/api/v1/invites/{token}/decline/").status_code == 204
        assert post(client, f"/api/v1/invites/{token}/decline/").status_code == 204
    assert callbacks == []
    decline = InviteDecline.objects.get()
    assert decline.user == friend
    assert Invite.objects.get().use_count == 0
    assert mail.outbox == []
    # Changing one's mind later still works.
    assert accept(friend, token).status_code == 201


def test_decline_unknown_token(signed_in: Any) -> None:
    client, _ = signed_in()
    res = post(client, "/api/v1/invites/nothing/decline/")
    assert res.status_code == 404
    assert error_codes(res) == ["invite_not_found"]


# --- approval ------------------------------------------------------------------------


def test_approval_flow(make_world: Any, make_invite: Any, make_user: Any) -> None:
    w = make_world(approval_required=True)
    token = make_invite(w, max_uses=3)
    friend = make_user(display_name="Sam")
    res = accept(friend, token)
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["result"] == "requested"
    assert body["join_request"]["status"] == "pending"
    assert not Membership.objects.filter(user=friend).exists()
    assert Invite.objects.get().use_count == 1  # asking uses the invite
    note = Notification.objects.get(kind="join_request")
    assert note.user == w.owner
    assert note.circle_id == w.circle.pk

    # Asking twice is refused; the preview says so.
    assert error_codes(accept(friend, token)) == ["join_request_pending"]
    assert client_for(friend).get(f"/api/v1/invites/{token}/").json()["status"] == (
        "join_request_pending"
    )

    owner = client_for(w.owner)
    listed = owner.get(f"/api/v1/circles/{w.circle.pk}/requests/").json()["results"]
    assert [(r["user"]["display_name"], r["status"]) for r in listed] == [("Sam", "pending")]
    request_id = listed[0]["id"]
    res = post(owner, f"/api/v1/circles/{w.circle.pk}/requests/{request_id}/approve/")
    assert res.status_code == 200
    assert res.json()["status"] == "approved"
    assert res.json()["decided_by"]["id"] == str(w.owner.pk)
    assert res.json()["decided_at"]
    assert Membership.objects.get(circle=w.circle, user=friend).role == "member"
    assert owner.get(f"/api/v1/circles/{w.circle.pk}/requests/").json()["results"] == []

    res = post(owner, f"/api/v1/circles/{w.circle.pk}/requests/{request_id}/reject/")
    assert res.status_code == 409
    assert error_codes(res) == ["join_request_decided"]


def test_rejected_request(make_world: Any, make_invite: Any, make_user: Any) -> None:
    w = make_world(approval_required=True)
    token = make_invite(w, max_uses=3)
    friend = make_user()
    accept(friend, token)
    request = JoinRequest.objects.get()
    owner = client_for(w.owner)
    res = post(owner, f"/api/v1/circles/{w.circle.pk}/requests/{request.pk}/reject/")
    assert res.status_code == 200
    request.refresh_from_db()
    assert (request.status, request.decided_by) == ("rejected", w.owner)
    assert not Membership.objects.filter(user=friend).exists()
    # Not again with the same link...
    res = accept(friend, token)
    assert res.status_code == 403
    assert error_codes(res) == ["join_request_rejected"]
    # ...but a newer invite may ask again.
    assert accept(friend, make_invite(w)).json()["result"] == "requested"


def test_approval_respects_the_cap(
    make_world: Any, make_invite: Any, make_user: Any, settings: Any
) -> None:
    w = make_world(approval_required=True)
    token = make_invite(w, max_uses=2)
    settings.SHOULDER = {**settings.SHOULDER, "CIRCLE_MAX_MEMBERS": 2}  # the cap drops after
    accept(make_user(), token)
    accept(make_user(), token)
    first, second = JoinRequest.objects.order_by("created_at")
    owner = client_for(w.owner)
    url = f"/api/v1/circles/{w.circle.pk}/requests/"
    assert post(owner, f"{url}{first.pk}/approve/").status_code == 200
    res = post(owner, f"{url}{second.pk}/approve/")
    assert res.status_code == 409
    assert error_codes(res) == ["circle_full"]


def test_join_request_of_another_circle_is_404(make_world: Any, make_user: Any) -> None:
    mine, theirs = make_world(), make_world()
    request = make_join_request(theirs.circle, make_user())
    res = post(
        client_for(mine.owner), f"/api/v1/circles/{mine.circle.pk}/requests/{request.pk}/approve/"
    )
    assert res.status_code == 404


def test_an_email_invite_is_written_in_the_inviters_language(
    make_world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Whoever is invited has no language in Shoulder yet: the words are the inviter's."""
    w = make_world(owner=make_person(display_name="Ana", language="es"))
    with django_capture_on_commit_callbacks(execute=True):
        post(client_for(w.owner), invites_url(w), {"email": "sam@example.com"}, expect=201)
    assert len(run_queued_tasks()) == 1
    [email] = mail.outbox
    assert email.subject == "Te han invitado a un círculo en Shoulder"
    assert email.body.startswith("Ana te invitó a su círculo «Sunday people» en Shoulder,\n")
    assert "Abre este enlace para ver la invitación y unirte:" in email.body
    assert "El enlace funciona hasta el " in email.body

"""A new note tells the other participants, quietly, after commit only."""

from typing import Any

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from backend.aftermath import services
from backend.aftermath.models import AftermathNote
from backend.notifications.models import Notification
from tests.aftermath.conftest import World, notes_url, send
from tests.common.helpers import queued_deliveries
from tests.common.world import add_device, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def devices(world: World) -> None:
    for person in world.people.values():
        add_device(person)


@pytest.mark.parametrize("audience", ["participants", "circle"])
def test_the_other_participants_are_told_and_nobody_else(
    world: World, devices: None, audience: str, django_capture_on_commit_callbacks: Any
) -> None:
    # A second friend who was there and is in no block relation with the author.
    texting = world.people["texting"] = world.member
    world.checkin = make_session(
        world.participant,
        world.circle,
        {world.author: "on_my_way", world.blocked: "calling", texting: "texting"},
        asked=[world.declined],
    )
    with django_capture_on_commit_callbacks(execute=True):
        res = send(
            world.client("author"),
            "post",
            notes_url(world.checkin),
            {"body": "Private words", "audience": audience},
        )
    assert res.status_code == 201
    pushes = Notification.objects.filter(kind="note")
    # Not the author, not `blocked` (blocked by the author), not `declined`, not the circle.
    assert {n.user_id for n in pushes} == {world.participant.pk, texting.pk}
    note = AftermathNote.objects.get()
    for push in pushes:
        assert push.urgency == "normal"
        assert push.circle_id == world.circle.pk
        assert push.payload["url"] == f"/checkins/{world.checkin.pk}"
        assert push.payload["title"] == "Sam wrote a few words"
        assert push.payload["note_id"] == str(note.pk)
        # The note's words never travel in a push.
        assert "Private words" not in str(push.payload)
    assert len(queued_deliveries()) == 2


def test_a_participant_who_left_is_not_told(world: World, devices: None) -> None:
    from backend.circles.models import Membership

    Membership.objects.filter(circle=world.circle, user=world.author).delete()
    services.note_create(checkin=world.checkin, author=world.participant, body="Hi")
    # `author` left, `blocked` is still in and was there.
    assert {n.user_id for n in Notification.objects.filter(kind="note")} == {world.blocked.pk}


def test_pushes_wait_for_commit(
    world: World, devices: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        res = send(world.client("participant"), "post", notes_url(world.checkin), {"body": "x"})
        assert res.status_code == 201
        assert DBTaskResult.objects.count() == 0
    assert callbacks
    for callback in callbacks:
        callback()
    # requester wrote: `author` and `blocked` were there.
    assert len(queued_deliveries()) == 2


def test_nothing_is_pushed_when_the_transaction_rolls_back(
    world: World, devices: None, django_capture_on_commit_callbacks: Any
) -> None:
    def write_then_fail() -> None:
        with transaction.atomic():
            services.note_create(checkin=world.checkin, author=world.author, body="Thank you")
            assert Notification.objects.filter(kind="note").count() == 1
            raise RuntimeError("something after the note failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        write_then_fail()
    assert callbacks == []
    assert not AftermathNote.objects.exists()
    assert not Notification.objects.filter(kind="note").exists()
    assert not DBTaskResult.objects.exists()


def test_edits_deletes_and_reactions_push_nothing(world: World, devices: None) -> None:
    note = world.note(audience="circle")
    before = Notification.objects.count()  # the session's own, and the note's
    author, requester = world.client("author"), world.client("participant")
    assert send(author, "patch", f"/api/v1/notes/{note.pk}/", {"body": "Edited"}).status_code == 200
    res = send(requester, "put", f"/api/v1/notes/{note.pk}/reaction/", {"kind": "hug"})
    assert res.status_code == 200
    assert send(author, "delete", f"/api/v1/notes/{note.pk}/").status_code == 204
    assert Notification.objects.count() == before

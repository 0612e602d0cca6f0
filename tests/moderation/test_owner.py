"""Circle owners, the first line: taking down a note shared with the circle, and removing a
member, both recorded."""

import pytest

from backend.aftermath.models import AftermathNote, Audience
from backend.circles.models import Membership
from backend.moderation.models import ModerationAction
from backend.notifications.models import Notification
from tests.common.helpers import post
from tests.conftest import error_codes
from tests.moderation.conftest import World

pytestmark = pytest.mark.django_db


def remove_url(note: AftermathNote) -> str:
    return f"/api/v1/notes/{note.pk}/remove-from-circle/"


def test_owner_removes_a_circle_note(world: World) -> None:
    res = post(world.client("alex"), remove_url(world.circle_note), {"reason": "Too harsh"})
    assert res.status_code == 204, res.content
    for who in ("alex", "kim", "robin", "sam"):
        assert world.client(who).get(f"/api/v1/notes/{world.circle_note.pk}/").status_code == 404
    entry = ModerationAction.objects.get()
    assert (entry.actor, entry.action, entry.target_id, entry.reason) == (
        world.alex,
        "owner_remove_note",
        world.circle_note.pk,
        "Too harsh",
    )
    assert entry.target_label.startswith("Note by Sam")
    push = Notification.objects.get(user=world.sam, kind="note_removed")
    assert "owner removed it" in push.payload["body"]


def test_owner_never_reaches_just_us_notes_they_werent_part_of(world: World) -> None:
    # Kim and Sam were there; a new owner (Robin) wasn't.
    Membership.objects.filter(circle=world.circle, user=world.alex).update(role="member")
    Membership.objects.filter(circle=world.circle, user=world.robin).update(role="owner")
    res = post(world.client("robin"), remove_url(world.private_note))
    assert res.status_code == 404
    assert AftermathNote.objects.get(pk=world.private_note.pk).hidden_at is None


def test_a_just_us_note_stays_with_those_who_were_there(world: World) -> None:
    res = post(world.client("alex"), remove_url(world.private_note))
    assert res.status_code == 403
    assert error_codes(res) == ["not_shown_to_circle"]
    assert world.private_note.audience == Audience.PARTICIPANTS
    assert not ModerationAction.objects.exists()


def test_members_cant_remove_notes(world: World) -> None:
    res = post(world.client("kim"), remove_url(world.circle_note))
    assert res.status_code == 403
    assert error_codes(res) == ["owner_only"]
    assert post(world.client("pat"), remove_url(world.circle_note)).status_code == 404
    assert AftermathNote.objects.get(pk=world.circle_note.pk).hidden_at is None


def test_owner_removing_a_member_is_recorded(world: World) -> None:
    url = f"/api/v1/circles/{world.circle.pk}/members/{world.robin.pk}/"
    assert world.client("alex").delete(url).status_code == 204
    assert not Membership.objects.filter(circle=world.circle, user=world.robin).exists()
    entry = ModerationAction.objects.get()
    assert (entry.actor, entry.action, entry.target_type, entry.target_id) == (
        world.alex,
        "owner_remove_member",
        "user",
        world.robin.pk,
    )
    assert entry.target_label == "Robin from Sunday people"


def test_leaving_or_a_refused_removal_records_nothing(world: World) -> None:
    leave = f"/api/v1/circles/{world.circle.pk}/members/{world.kim.pk}/"
    assert world.client("kim").delete(leave).status_code == 204
    res = world.client("sam").delete(f"/api/v1/circles/{world.circle.pk}/members/{world.robin.pk}/")
    assert res.status_code == 403
    assert error_codes(res) == ["owner_only"]
    owner_leaves = f"/api/v1/circles/{world.circle.pk}/members/{world.alex.pk}/"
    assert world.client("alex").delete(owner_leaves).status_code == 409
    assert not ModerationAction.objects.exists()

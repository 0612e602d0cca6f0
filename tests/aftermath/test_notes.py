"""Writing, editing, deleting and reacting to notes: shapes, limits, audiences, leaving the
circle, hidden notes, sessions that aren't over."""

from typing import Any

import pytest
from django.utils import timezone

from backend.aftermath.models import AftermathNote, Reaction
from backend.checkins.models import Kind, Status
from backend.circles import services as circle_services
from backend.circles.models import Membership
from tests.aftermath.conftest import (
    World,
    note_url,
    notes_url,
    reaction_url,
    send,
)
from tests.common.world import make_block, make_reaction, make_session
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db


def errors(res: Any) -> list[tuple[str, str | None]]:
    return [(e["code"], e["attr"]) for e in res.json()["errors"]]


def write(world: World, role: str = "author", **body: Any) -> Any:
    return send(world.client(role), "post", notes_url(world.checkin), body)


def test_create_answers_the_note(world: World) -> None:
    res = write(world, body="  Mascara everywhere. Worth it.\n", audience="circle")
    assert res.status_code == 201, res.content
    body = res.json()
    note = AftermathNote.objects.get()
    assert body == {
        "id": str(note.pk),
        "author": {"id": str(world.author.pk), "display_name": "Sam"},
        "body": "Mascara everywhere. Worth it.",
        "audience": "circle",
        "created_at": body["created_at"],
        "edited_at": None,
        "reactions": [],
        "my_reaction": None,
        "checkin": str(world.checkin.pk),
        "can_edit": True,
    }
    assert note.body == "Mascara everywhere. Worth it."
    # Default audience: just us. Others see can_edit false.
    res = write(world, "participant", body="Thank you")
    assert res.json()["audience"] == "participants"
    listed = send(world.client("author"), "get", notes_url(world.checkin)).json()["results"]
    assert [(n["body"], n["can_edit"]) for n in listed] == [
        ("Mascara everywhere. Worth it.", True),
        ("Thank you", False),
    ]
    assert "email" not in str(listed)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)"> & &amp; <b>bold</b>',
        "Line one\n\n  line two \t with tabs",
        "Émoji 😂💧 and ünïcode",
    ],
)
def test_bodies_are_stored_and_returned_exactly(world: World, text: str) -> None:
    res = write(world, body=text)
    assert res.status_code == 201, res.content
    assert res.json()["body"] == text
    assert AftermathNote.objects.get().body == text
    again = send(world.client("participant"), "get", note_url(AftermathNote.objects.get()))
    assert again.json()["body"] == text
    assert again["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "required"),
        ({"body": ""}, "blank"),
        ({"body": "   \n\t "}, "blank"),
        ({"body": None}, "null"),
        ({"body": "x" * 2001}, "max_length"),
        ({"body": "nul \x00 byte"}, "null_characters_not_allowed"),
        ({"body": "fine", "audience": "everyone"}, "invalid_choice"),
    ],
)
def test_bad_bodies_are_400_naming_the_field(world: World, body: Any, code: str) -> None:
    res = write(world, **body)
    assert res.status_code == 400, res.content
    attr = "audience" if "audience" in body else "body"
    assert errors(res) == [(code, attr)]
    assert not AftermathNote.objects.exists()


def test_body_limit_is_2000_characters_after_trimming(world: World) -> None:
    assert write(world, body="ü" * 2000).status_code == 201
    assert write(world, body="  " + "x" * 2000 + "  ").status_code == 201
    note = AftermathNote.objects.first()
    assert note is not None
    res = send(world.client("author"), "patch", note_url(note), {"body": "y" * 2001})
    assert errors(res) == [("max_length", "body")]
    res = send(world.client("author"), "patch", note_url(note), {"body": " "})
    assert errors(res) == [("blank", "body")]


def test_edit_needs_something_to_change(world: World) -> None:
    note = world.note()
    res = send(world.client("author"), "patch", note_url(note), {})
    assert res.status_code == 400
    assert error_codes(res) == ["nothing_to_change"]


@pytest.mark.parametrize(
    ("status", "kind", "expected", "code"),
    [
        (Status.OPEN, Kind.REACH_OUT, 409, "session_not_over"),
        (Status.ANSWERED, Kind.REACH_OUT, 409, "session_not_over"),
        (Status.CANCELLED, Kind.REACH_OUT, 409, "not_a_session"),
        (Status.CLOSED, Kind.NUDGE, 409, "not_a_session"),
        (Status.EXPIRED, Kind.REACH_OUT, 201, None),
        (Status.CLOSED, Kind.CHECK_ON_ME, 201, None),
    ],
)
def test_notes_only_once_the_session_is_over(
    world: World, status: str, kind: str, expected: int, code: str | None
) -> None:
    answer = "okay" if kind == Kind.NUDGE else "texting"
    world.checkin = make_session(
        world.participant, world.circle, {world.author: answer}, status=status, kind=kind
    )
    for role in ("participant", "author"):
        res = write(world, role, body="We made it")
        assert res.status_code == expected, res.content
        if code:
            assert error_codes(res) == [code]
    assert AftermathNote.objects.count() == (2 if expected == 201 else 0)


def test_cant_right_now_is_not_being_there(world: World) -> None:
    # In the circle and asked, but not there: 404 while there is nothing they may read…
    assert write(world, "declined", body="Sorry").status_code == 404
    # …and 403 once a circle-wide note shows them the session.
    world.note(audience="circle")
    res = write(world, "declined", body="Sorry")
    assert res.status_code == 403
    assert error_codes(res) == ["participants_only"]


def test_audience_changes_take_effect_immediately(world: World) -> None:
    note = world.note()
    member = world.client("member")
    assert send(member, "get", note_url(note)).status_code == 404

    res = send(world.client("author"), "patch", note_url(note), {"audience": "circle"})
    assert res.status_code == 200
    assert res.json()["audience"] == "circle"
    assert res.json()["edited_at"] is not None
    assert send(member, "get", note_url(note)).status_code == 200
    listed = send(member, "get", f"/api/v1/circles/{world.circle.pk}/moments/").json()
    assert [n["id"] for n in listed["results"][0]["notes"]] == [str(note.pk)]

    res = send(world.client("author"), "patch", note_url(note), {"audience": "participants"})
    assert res.status_code == 200, res.content
    assert send(member, "get", note_url(note)).status_code == 404
    assert send(member, "get", notes_url(world.checkin)).status_code == 404
    listed = send(member, "get", f"/api/v1/circles/{world.circle.pk}/moments/").json()
    assert listed["results"] == []


def test_a_member_who_left_no_longer_sees_circle_notes(world: World) -> None:
    note = world.note(audience="circle")
    member = world.client("member")
    assert send(member, "get", note_url(note)).status_code == 200
    circle_services.membership_remove(circle=world.circle, by=world.member, user_id=world.member.pk)
    assert send(member, "get", note_url(note)).status_code == 404
    assert send(member, "get", notes_url(world.checkin)).status_code == 404
    assert send(member, "put", reaction_url(note), {"kind": "hug"}).status_code == 404
    assert send(member, "get", f"/api/v1/circles/{world.circle.pk}/moments/").status_code == 404


def test_a_participant_who_left_no_longer_reads_nor_writes(world: World) -> None:
    note = world.note(by="participant")
    author = world.client("author")
    Membership.objects.filter(circle=world.circle, user=world.author).delete()
    assert send(author, "get", note_url(note)).status_code == 404
    assert send(author, "get", notes_url(world.checkin)).status_code == 404
    assert write(world, body="Still here?").status_code == 404


def test_the_author_can_still_delete_after_leaving(world: World) -> None:
    note = world.note()
    Membership.objects.filter(circle=world.circle, user=world.author).delete()
    author = world.client("author")
    # Their own words stay theirs to take back, even from outside the circle.
    res = send(author, "get", note_url(note))
    assert res.status_code == 200
    # But no longer theirs to rewrite: the note doesn't offer an edit the server refuses.
    assert res.json()["can_edit"] is False
    assert send(author, "patch", note_url(note), {"body": "Changed"}).status_code == 403
    assert send(author, "delete", note_url(note)).status_code == 204
    assert not AftermathNote.objects.exists()


def test_delete_removes_the_text_everywhere_at_once(world: World) -> None:
    note = world.note(audience="circle", body="Secret joke")
    make_reaction(note, world.member, "tears")
    assert send(world.client("author"), "delete", note_url(note)).status_code == 204
    assert not AftermathNote.objects.filter(body="Secret joke").exists()
    assert not Reaction.objects.exists()
    for role in ("author", "participant", "member"):
        client = world.client(role)
        assert send(client, "get", note_url(note)).status_code == 404
        res = send(client, "get", f"/api/v1/circles/{world.circle.pk}/moments/")
        assert "Secret joke" not in res.content.decode()
    res = send(world.client("participant"), "get", notes_url(world.checkin))
    assert res.json()["results"] == []
    assert send(world.client("author"), "delete", note_url(note)).status_code == 404


def test_hidden_notes_are_gone_for_everyone(world: World) -> None:
    note = world.note(audience="circle", body="Reported words")
    AftermathNote.objects.filter(pk=note.pk).update(hidden_at=timezone.now(), hidden_by=world.staff)
    for role in ("author", "participant", "member", "staff"):
        client = world.client(role)
        assert send(client, "get", note_url(note)).status_code == 404
        assert send(client, "patch", note_url(note), {"body": "x"}).status_code == 404
        assert send(client, "put", reaction_url(note), {"kind": "hug"}).status_code == 404
        for path in (notes_url(world.checkin), f"/api/v1/circles/{world.circle.pk}/moments/"):
            assert "Reported words" not in send(client, "get", path).content.decode()


def test_notes_by_someone_in_a_block_relation_are_not_shown(world: World) -> None:
    # Both directions: `author` blocked `blocked`.
    by_author = world.note(audience="circle")
    by_blocked = world.note(audience="circle", by="blocked", body="From Kim")
    author, blocked = world.client("author"), world.client("blocked")
    assert send(author, "get", note_url(by_blocked)).status_code == 404
    assert send(blocked, "get", note_url(by_author)).status_code == 404
    assert [n["id"] for n in send(author, "get", notes_url(world.checkin)).json()["results"]] == [
        str(by_author.pk)
    ]
    # Everyone else sees both.
    listed = send(world.client("participant"), "get", notes_url(world.checkin)).json()
    assert len(listed["results"]) == 2


def test_a_block_with_the_requester_hides_the_whole_session(world: World) -> None:
    note = world.note(audience="circle")
    make_block(world.member, world.participant)
    member = world.client("member")
    assert send(member, "get", note_url(note)).status_code == 404
    assert send(member, "get", notes_url(world.checkin)).status_code == 404


def test_reactions_one_per_person_replace_and_remove(world: World) -> None:
    note = world.note(audience="circle")
    me = world.client("participant")
    res = send(me, "put", reaction_url(note), {"kind": "hug"})
    assert res.status_code == 200
    assert res.json()["reactions"] == [
        {"user": {"id": str(world.participant.pk), "display_name": "Alex"}, "kind": "hug"}
    ]
    assert res.json()["my_reaction"] == "hug"
    res = send(me, "put", reaction_url(note), {"kind": "me_too"})
    assert res.json()["my_reaction"] == "me_too"
    assert Reaction.objects.filter(note=note).count() == 1
    res = send(world.client("member"), "put", reaction_url(note), {"kind": "tears"})
    assert res.status_code == 200, res.content
    res = send(me, "get", note_url(note))
    assert [r["kind"] for r in res.json()["reactions"]] == ["me_too", "tears"]
    assert res.json()["my_reaction"] == "me_too"

    res = send(me, "delete", reaction_url(note))
    assert res.status_code == 200
    assert res.json()["my_reaction"] is None
    assert [r["kind"] for r in res.json()["reactions"]] == ["tears"]
    # Again: nothing to remove, same answer.
    assert send(me, "delete", reaction_url(note)).status_code == 200


@pytest.mark.parametrize("kind", ["", "angry", None, "HUG"])
def test_unknown_reaction_kinds_are_400(world: World, kind: Any) -> None:
    note = world.note()
    res = send(world.client("participant"), "put", reaction_url(note), {"kind": kind})
    assert res.status_code == 400
    assert [attr for _, attr in errors(res)] == ["kind"]
    assert not Reaction.objects.exists()


def test_reactions_hide_people_in_a_block_relation_and_people_who_left(world: World) -> None:
    note = world.note(audience="circle", by="participant")
    make_reaction(note, world.blocked, "hug")
    make_reaction(note, world.member, "heart")
    make_reaction(note, world.declined, "tears")
    Membership.objects.filter(circle=world.circle, user=world.declined).delete()

    seen = send(world.client("author"), "get", note_url(note)).json()["reactions"]
    assert [r["user"]["display_name"] for r in seen] == ["Robin"]
    seen = send(world.client("participant"), "get", note_url(note)).json()["reactions"]
    assert [r["user"]["display_name"] for r in seen] == ["Kim", "Robin"]


def test_writes_are_rate_limited(world: World, settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "AFTERMATH_WRITE_RATE": "2/hour"}
    assert write(world, body="one").status_code == 201
    assert write(world, body="two").status_code == 201
    res = write(world, body="three")
    assert res.status_code == 429
    assert "Retry-After" in res.headers
    # Reading still works.
    assert send(world.client("author"), "get", notes_url(world.checkin)).status_code == 200

"""Every aftermath endpoint against every kind of caller, for both audiences, from one table.

The note is written by `author` (a friend who came); `participant` is the requester; `member`
is in the circle but wasn't there; `declined` answered "can't right now" (in the circle, not a
participant); `blocked` was there too but is blocked by the author."""

from dataclasses import dataclass
from typing import Any

import pytest

from backend.aftermath.models import AftermathNote, Reaction
from tests.aftermath.conftest import ROLES, World, note_url, notes_url, reaction_url, send
from tests.common.world import make_reaction
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

P, C = "participants", "circle"


@dataclass(frozen=True)
class Case:
    """`expect[role]` is the status for a participants-audience note and for a circle one
    (a single int when both agree); `shows` lists who sees the note in a 200 list."""

    name: str
    method: str
    path: str
    body: dict[str, Any] | None
    expect: dict[str, Any]


NOT_SEEN = {"other_circle": 404, "outsider": 404, "staff": 404, "anonymous": 401}
READ = {
    "author": 200,
    "participant": 200,
    "member": (404, 200),
    "declined": (404, 200),
    "blocked": 404,
    **NOT_SEEN,
}
AUTHOR_ONLY_OK = {
    "participant": 403,
    "member": (404, 403),
    "declined": (404, 403),
    "blocked": 404,
    **NOT_SEEN,
}

CASES = [
    Case(
        "list",
        "get",
        "notes",
        None,
        # `blocked` was there: the page opens, without the author's note.
        {**READ, "blocked": 200},
    ),
    Case(
        "create",
        "post",
        "notes",
        {"body": "Thank you for the tea."},
        {
            "author": 201,
            "participant": 201,
            "blocked": 201,
            "member": (404, 403),
            "declined": (404, 403),
            **NOT_SEEN,
        },
    ),
    Case("retrieve", "get", "note", None, READ),
    Case("update", "patch", "note", {"body": "Edited"}, {"author": 200, **AUTHOR_ONLY_OK}),
    Case("delete", "delete", "note", None, {"author": 204, **AUTHOR_ONLY_OK}),
    Case("react", "put", "reaction", {"kind": "hug"}, READ),
    Case("unreact", "delete", "reaction", None, READ),
    Case(
        "circle_moments",
        "get",
        "circle_moments",
        None,
        {**READ, "member": 200, "declined": 200, "blocked": 200},
    ),
    Case(
        "person_moments",
        "get",
        "person_moments",
        None,
        {**READ, "member": 200, "declined": 200, "blocked": 200},
    ),
]


def _expected(case: Case, role: str, audience: str) -> int:
    value = case.expect[role]
    if isinstance(value, tuple):
        return int(value[0] if audience == P else value[1])
    return int(value)


def _sees_note(role: str, audience: str, case: Case) -> bool:
    if role in ("author", "participant"):
        return True
    # Moments with a person are the sessions both were there for.
    return audience == C and role in ("member", "declined") and case.name != "person_moments"


def _path(case: Case, world: World, note: AftermathNote, role: str) -> str:
    if case.path == "notes":
        return notes_url(world.checkin)
    if case.path == "note":
        return note_url(note)
    if case.path == "reaction":
        return reaction_url(note)
    if case.path == "circle_moments":
        return f"/api/v1/circles/{world.circle.pk}/moments/"
    # Moments with the author; the author looks at those with the requester.
    person = world.participant if role == "author" else world.author
    return f"/api/v1/people/{person.pk}/moments/"


@pytest.mark.parametrize("audience", [P, C])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_matrix(world: World, case: Case, role: str, audience: str) -> None:
    note = world.note(audience=audience)
    make_reaction(note, world.participant, "heart")
    res = send(world.client(role), case.method, _path(case, world, note, role), case.body)
    expected = _expected(case, role, audience)
    assert res.status_code == expected, (res.status_code, res.content)

    if expected == 401:
        assert error_codes(res) == ["not_authenticated"]
    elif expected == 404:
        assert error_codes(res) == ["not_found"]
        assert "We laughed" not in res.content.decode()
    elif expected == 403:
        assert error_codes(res) == (
            ["participants_only"] if case.name == "create" else ["author_only"]
        )

    # What changed, and only when allowed.
    note_row = AftermathNote.objects.filter(pk=note.pk).first()
    if case.name == "update":
        assert note_row is not None
        assert note_row.body == ("Edited" if expected == 200 else "We laughed")
        assert (note_row.edited_at is not None) == (expected == 200)
    elif case.name == "delete":
        assert (note_row is None) == (expected == 204)
        assert Reaction.objects.filter(note_id=note.pk).exists() == (expected != 204)
    elif case.name == "create":
        assert AftermathNote.objects.count() == (2 if expected == 201 else 1)
    elif case.name == "react" and role in world.people:
        assert Reaction.objects.filter(note=note, user=world.people[role]).exists() == (
            expected == 200
        )
    elif case.name == "unreact" and role == "participant":
        assert not Reaction.objects.filter(note=note, user=world.participant).exists()

    if expected != 200 or case.method != "get":
        return
    body = res.json()
    if case.name == "retrieve":
        assert body["id"] == str(note.pk)
    elif case.name == "list":
        assert (str(note.pk) in [n["id"] for n in body["results"]]) == _sees_note(
            role, audience, case
        )
    else:
        seen = [n["id"] for session in body["results"] for n in session["notes"]]
        assert (str(note.pk) in seen) == _sees_note(role, audience, case)

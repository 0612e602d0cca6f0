"""Item 1 of issue #11: a note's author who is no longer in its circle can't edit or widen it
(deleting it stays theirs to do)."""

from typing import Any

import pytest

from backend.aftermath.models import AftermathNote, Audience
from tests.common.helpers import client_for
from tests.common.world import make_circle, make_note, make_person, make_session

pytestmark = pytest.mark.django_db


def _gone_author(how: str) -> tuple[Any, AftermathNote, Any]:
    """Bea wrote a "just us" note after Alex's session, then left (or was removed)."""
    alex, bea = make_person(display_name="Alex"), make_person(display_name="Bea")
    circle = make_circle(alex, [bea])
    session = make_session(alex, circle, {bea: "on_my_way"})
    note = make_note(session, bea, "Just between us", audience=Audience.PARTICIPANTS)
    actor = bea if how == "left" else alex
    res = client_for(actor).delete(f"/api/v1/circles/{circle.pk}/members/{bea.pk}/")
    assert res.status_code == 204, res.content
    return bea, note, client_for(bea)


@pytest.mark.parametrize("how", ["left", "removed"])
@pytest.mark.parametrize(
    "change", [{"audience": "circle"}, {"body": "Rewritten"}, {"body": "x", "audience": "circle"}]
)
def test_a_former_member_cannot_edit_or_widen_their_note(how: str, change: dict[str, str]) -> None:
    _, note, client = _gone_author(how)
    res = client.patch(f"/api/v1/notes/{note.pk}/", change, content_type="application/json")
    assert res.status_code == 403, res.content
    assert [e["code"] for e in res.json()["errors"]] == ["not_in_circle"]
    note.refresh_from_db()
    assert (note.body, note.audience, note.edited_at) == (
        "Just between us",
        Audience.PARTICIPANTS,
        None,
    )


@pytest.mark.parametrize("how", ["left", "removed"])
def test_a_former_member_can_still_delete_their_note(how: str) -> None:
    _, note, client = _gone_author(how)
    assert client.delete(f"/api/v1/notes/{note.pk}/").status_code == 204
    assert not AftermathNote.objects.filter(pk=note.pk).exists()


def test_a_current_member_still_edits_their_note() -> None:
    alex, bea = make_person(), make_person()
    circle = make_circle(alex, [bea])
    note = make_note(make_session(alex, circle, {bea: "on_my_way"}), bea)
    res = client_for(bea).patch(
        f"/api/v1/notes/{note.pk}/", {"audience": "circle"}, content_type="application/json"
    )
    assert res.status_code == 200, res.content
    assert res.json()["audience"] == "circle"

"""Lists don't grow their query count with their rows."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.checkins.models import CheckIn
from tests.aftermath.conftest import World, notes_url
from tests.common.world import join, make_note, make_reaction, make_session

pytestmark = pytest.mark.django_db


def _fill(world: World, make_user: Any, notes: int, sessions: int) -> None:
    """`notes` notes with reactions, spread over `sessions` closed sessions."""
    people = [make_user() for _ in range(3)]
    for person in people:
        join(world.circle, person)
    checkins = [world.checkin] + [
        make_session(world.participant, world.circle, dict.fromkeys(people, "on_my_way"))
        for _ in range(sessions - 1)
    ]
    for i in range(notes):
        note = make_note(
            checkins[i % len(checkins)],
            world.participant,
            f"note {i}",
            # Every session gets notes of both audiences.
            audience="circle" if (i // len(checkins)) % 2 else "participants",
        )
        for person, kind in zip(people, ["hug", "tears", "heart"], strict=True):
            make_reaction(note, person, kind)


def _count(client: Any, path: str) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as ctx:
        res = client.get(path)
    assert res.status_code == 200, res.content
    return len(ctx.captured_queries), res.json()


@pytest.mark.parametrize("role", ["participant", "member"])
def test_note_list_query_count_is_constant(world: World, make_user: Any, role: str) -> None:
    path = notes_url(world.checkin) + "?page_size=100"
    _fill(world, make_user, notes=10, sessions=1)
    world.note(audience="circle")  # so `member` can open the page
    small, body = _count(world.client(role), path)
    assert len(body["results"]) >= 6
    _fill(world, make_user, notes=200, sessions=1)
    large, body = _count(world.client(role), path)
    assert len(body["results"]) == 100
    assert sum(len(n["reactions"]) for n in body["results"]) >= 3 * 99
    assert small == large
    # The session and the person; the gate; a page of notes; their reactions.
    assert large == 5


@pytest.mark.parametrize("role", ["participant", "member"])
def test_timelines_query_count_is_constant(world: World, make_user: Any, role: str) -> None:
    circle_path = f"/api/v1/circles/{world.circle.pk}/moments/?page_size=50"
    person_path = f"/api/v1/people/{world.author.pk}/moments/"
    if role == "member":
        person_path = f"/api/v1/people/{world.participant.pk}/moments/"
    _fill(world, make_user, notes=10, sessions=5)
    small = _count(world.client(role), circle_path)[0]
    small_person = _count(world.client(role), person_path)[0]
    _fill(world, make_user, notes=200, sessions=40)
    large, body = _count(world.client(role), circle_path)
    large_person = _count(world.client(role), person_path)[0]
    # 44 sessions, each with circle-wide notes (so `member` sees every one of them too).
    assert CheckIn.objects.count() == 44
    assert len(body["results"]) == 44
    assert sum(len(s["notes"]) for s in body["results"]) >= 80
    assert (small, small_person) == (large, large_person)
    # The session and the person; a page of sessions (a page with any is through the
    # circle's gate; the person's moments pass `access_person` first); their notes; the
    # notes' reactions; who shared too (two-way sessions).
    assert large == 6
    assert large_person <= 7

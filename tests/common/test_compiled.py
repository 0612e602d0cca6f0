"""`compiled(build)`: a hot read's SQL built once per shape, run with other ids — the same rows
as the queryset itself gives, for whoever asks."""

import uuid
from typing import Any

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote
from backend.checkins.models import AudienceMember, CheckIn
from backend.checkins.selectors import visible_to
from backend.circles.models import Membership
from backend.common.compiled import UnsafeTemplate, compiled
from tests.checkins.conftest import reach_out
from tests.common.world import make_note, make_person, make_session

pytestmark = pytest.mark.django_db


def _audience(viewer_id: Any, ids: list[Any]) -> Any:
    return (
        AudienceMember.objects.filter(checkin_id__in=ids, checkin__in=_visible(viewer_id))
        .annotate(name=F("user__display_name"))
        .order_by("created_at", "user_id")
        .values("checkin_id", "user_id", "name", "seen_at")
    )


def _visible(viewer_id: Any) -> Any:
    return CheckIn.objects.filter(visible_to(User(pk=viewer_id))).values("pk")


def test_the_same_rows_as_the_queryset_for_everyone(make_world: Any) -> None:
    world = make_world(members=3)
    ana, kim, lou = world.members
    mine = reach_out(world, expect=201).json()["id"]
    theirs = reach_out(world, ana, audience=[str(kim.pk)], expect=201).json()["id"]
    audience = compiled(_audience)
    for viewer in (world.owner, ana, kim, lou, make_person()):
        for ids in ([mine], [theirs], [mine, theirs], [theirs, mine], [str(mine)]):
            assert audience.rows(viewer.pk, ids) == list(_audience(viewer.pk, ids)), (viewer, ids)
        assert audience.rows(viewer.pk, []) == []
    # Lou isn't asked in Ana's: her rows are not his (the viewer's id went where it belongs).
    assert {r["checkin_id"] for r in audience.rows(lou.pk, [mine, theirs])} == {uuid.UUID(mine)}


def test_built_once_per_shape(make_world: Any) -> None:
    world = make_world(members=2)
    builds: list[Any] = []

    def build(user_id: Any) -> Any:
        builds.append(user_id)
        return Membership.objects.filter(user_id=user_id).values("circle_id", "user_id")

    circles = compiled(build)
    for person in (world.owner, *world.members):
        with CaptureQueriesContext(connection) as ctx:
            rows = circles.rows(person.pk)
        assert rows == [{"circle_id": world.circle.pk, "user_id": person.pk}]
        assert len(ctx.captured_queries) == 1
    assert len(builds) == 1


def test_an_id_that_is_not_a_whole_parameter_is_refused(make_world: Any) -> None:
    world = make_world(members=1)
    inside = compiled(
        lambda user_id: User.objects.filter(email__contains=str(user_id)).values("id")
    )
    with pytest.raises(UnsafeTemplate):
        inside.rows(world.owner.pk)


def test_on_postgresql_they_run_as_prepared_statements(make_world: Any, settings: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    world = make_world(members=1)
    reach_out(world, expect=201)
    client = world.client(world.owner)
    assert client.get("/api/v1/home/").status_code == 200

    def prepared() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return {row[0] for row in cursor.fetchall()}

    assert any('FROM "checkins_checkin"' in sql for sql in prepared()), prepared()
    settings.SHOULDER = {**settings.SHOULDER, "PREPARED_READS": False}
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    assert client.get("/api/v1/home/").status_code == 200
    assert prepared() == set()


def test_on_postgresql_only_the_ids_are_parameters(make_world: Any) -> None:
    """A prepared statement is planned once, without its parameters' values: the constants
    (statuses, kinds, limits) are written into its SQL so that plan knows them."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    from backend.checkins.selectors import _home_checkins

    world = make_world(members=1)
    assert _home_checkins.rows(world.owner.pk) == []
    plan = _home_checkins._plan_for((-1,))
    assert all(isinstance(p, uuid.UUID) for p in plan.params)
    assert len(plan.params) == len(plan.slots) > 1
    assert "'open'" in plan.sql


# --- pages: DRF's cursor pagination over a compiled query --------------------------------


def _walk(client: Any, url: str) -> tuple[list[str], list[str]]:
    """Every id, following `next` from the first page, then `previous` back from the last."""
    forward: list[list[str]] = []
    page = client.get(url).json()
    forward.append([r["id"] for r in page["results"]])
    while page["next"]:
        page = client.get(page["next"]).json()
        forward.append([r["id"] for r in page["results"]])
    backward: list[list[str]] = []
    while page["previous"]:
        page = client.get(page["previous"]).json()
        backward.append([r["id"] for r in page["results"]])
    assert backward == forward[-2::-1] if len(forward) > 1 else backward == []
    return [i for ids in forward for i in ids], [i for ids in backward for i in ids]


def test_pages_walk_the_same_rows_as_the_orm_both_ways(make_world: Any) -> None:
    world = make_world(members=2)
    ana, kim = world.members
    sessions = [
        make_session(world.members[i % 2], world.circle, {world.owner: "on_my_way"})
        for i in range(7)
    ]
    for checkin in sessions:
        make_note(checkin, world.owner, audience="circle")
    for n in range(5):
        make_note(sessions[0], ana if n % 2 else world.owner, body=f"Note {n}")
    me = world.client(world.owner)

    listed, _ = _walk(me, "/api/v1/checkins/?page_size=3")
    expected = CheckIn.objects.filter(visible_to(world.owner)).order_by("-created_at")
    assert listed == [str(pk) for pk in expected.values_list("pk", flat=True)]
    assert len(listed) == 7

    closed, _ = _walk(me, "/api/v1/checkins/?status=closed&page_size=2")
    assert closed == listed
    assert _walk(me, "/api/v1/checkins/?status=open&page_size=2")[0] == []

    notes, _ = _walk(me, f"/api/v1/checkins/{sessions[0].pk}/notes/?page_size=2")
    assert notes == [
        str(pk)
        for pk in AftermathNote.objects.filter(checkin=sessions[0])
        .order_by("created_at")
        .values_list("pk", flat=True)
    ]
    assert len(notes) == 6

    moments, _ = _walk(me, f"/api/v1/circles/{world.circle.pk}/moments/?page_size=3")
    assert moments == listed
    with_kim, _ = _walk(me, f"/api/v1/people/{kim.pk}/moments/?page_size=2")
    assert with_kim == [str(s.pk) for s in reversed(sessions) if s.requester_id == kim.pk]
    # Someone else's pages are theirs: Kim answered none of Ana's and sees only circle notes.
    assert _walk(world.client(kim), "/api/v1/checkins/?page_size=4")[0] == [
        str(s.pk) for s in reversed(sessions) if s.requester_id == kim.pk
    ]

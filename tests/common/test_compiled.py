"""`compiled(build)`: a hot read's SQL built once per shape, run with other ids — the same rows
as the queryset itself gives, for whoever asks."""

import uuid
from typing import Any

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import User
from backend.checkins.models import AudienceMember, CheckIn
from backend.checkins.selectors import visible_to
from backend.circles.models import Membership
from backend.common.compiled import UnsafeTemplate, compiled
from tests.checkins.conftest import reach_out
from tests.common.world import make_person

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

from dataclasses import dataclass
from typing import Any

import pytest

from backend.accounts.models import User
from backend.circles import services
from backend.circles.models import Circle, Membership


@dataclass
class CircleWorld:
    circle: Circle
    owner: User
    members: list[User]


@pytest.fixture
def make_circle(make_user: Any) -> Any:
    """A circle made through the services: an owner and `members` extra people."""

    def make(
        owner: User | None = None, members: int = 0, approval_required: bool = False
    ) -> CircleWorld:
        owner = owner or make_user(display_name="Owner")
        circle = services.circle_create(
            user=owner, name="Sunday people", approval_required=approval_required
        )
        people = [make_user() for _ in range(members)]
        for person in people:
            Membership.objects.create(circle=circle, user=person)
        return CircleWorld(circle=circle, owner=owner, members=people)

    return make


@pytest.fixture
def make_invite() -> Any:
    """An invite's token, made through the service (the API test covers the endpoint)."""

    def make(world: CircleWorld, **kwargs: Any) -> str:
        created = services.invite_create(circle=world.circle, created_by=world.owner, **kwargs)
        return created.token

    return make


def run_queued_tasks() -> int:
    """Run what the database queue holds, as `db_worker` would (it closes the test's
    connection on PostgreSQL, so tests call the stored task directly)."""
    from django_tasks_db.models import DBTaskResult

    ran = 0
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.set_successful(None)
        ran += 1
    return ran

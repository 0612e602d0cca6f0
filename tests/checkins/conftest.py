from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from backend.accounts.models import User
from backend.circles import services as circle_services
from backend.circles.models import Circle, Membership
from tests.common.helpers import add_device, client_for, post

CHECKINS = "/api/v1/checkins/"


@dataclass
class World:
    circle: Circle
    owner: User
    members: list[User]
    clients: dict[Any, Client] = field(default_factory=dict)

    def client(self, user: User) -> Client:
        if user.pk not in self.clients:
            self.clients[user.pk] = client_for(user)
        return self.clients[user.pk]


@pytest.fixture
def make_world(make_user: Any) -> Any:
    """A circle: an owner ("Alex") and `members` more people, optionally with devices."""

    def make(members: int = 3, devices: bool = False, owner: User | None = None) -> World:
        owner = owner or make_user(display_name="Alex")
        circle = circle_services.circle_create(user=owner, name="Sunday people")
        people = [make_user() for _ in range(members)]
        Membership.objects.bulk_create(Membership(circle=circle, user=p) for p in people)
        if devices:
            for person in [owner, *people]:
                add_device(person)
        return World(circle=circle, owner=owner, members=people)

    return make


def reach_out(world: World, user: User | None = None, **body: Any) -> Any:
    payload = {"kind": "reach_out", "circle": str(world.circle.pk), "mode": "come_over", **body}
    return post(world.client(user or world.owner), CHECKINS, payload)


ADVANCE = "backend.checkins.transitions.advance"
SWEEP = "backend.checkins.transitions.sweep"
DELIVER = "backend.notifications.tasks.deliver"


def queued(task_path: str, *, ready_only: bool = False) -> list[Any]:
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path=task_path)
    if ready_only:
        rows = rows & DBTaskResult.objects.ready()
    return list(rows.order_by("run_after", "enqueued_at"))


def run_queued_tasks(task_path: str = ADVANCE) -> list[Any]:
    """Run this task's rows that are due now, as `db_worker` would (it closes the test's
    connection on PostgreSQL, so tests call the stored task directly). Only our own tasks:
    push deliveries would try to reach a push service."""
    from django_tasks_db.models import DBTaskResult

    results = []
    ready = DBTaskResult.objects.ready().filter(task_path=task_path)
    for row in ready.order_by("enqueued_at"):
        results.append(row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"]))
        row.set_successful(None)
    return results

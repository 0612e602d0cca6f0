"""API fuzzing (issue #16): schemathesis against the app's own OpenAPI schema.

Every operation of `/api/schema/`, signed in (app token, `X-Session-Token`) as a person with
data: a circle with a friend, an open and a closed check-in, notes, a reaction, an invite, a
push device. Path ids point at that data most of the time (random ids only reach the 404
path). Two things must never happen: a 5xx, or a response the schema doesn't describe
(status code, content type, body, headers).

Marked `fuzz`: it runs in CI's PostgreSQL pass only (`SLOW_SUITES=1`, see tests/conftest.py).
"""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from backend.checkins.models import Answer, Status
from backend.circles.services import invite_create
from tests.common.world import (
    PASSWORD,
    add_device,
    circle_world,
    make_note,
    make_reaction,
    make_session,
)

# One test item runs every operation (schemathesis reports each as a subtest).
pytestmark = [pytest.mark.fuzz, pytest.mark.django_db, pytest.mark.timeout(420)]

# Bounded: ~50 operations x this many examples runs in about two minutes.
MAX_EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@dataclass
class Fuzzed:
    token: str
    ids: dict[str, list[str]]


@pytest.fixture
def fuzzed() -> Iterator[Fuzzed]:
    world = circle_world(members=2, devices=True)
    me, friend, other = world.owner, world.members[0], world.members[1]
    open_checkin = make_session(me, world.circle, {friend: Answer.ON_MY_WAY}, status=Status.OPEN)
    closed = make_session(friend, world.circle, {me: Answer.ON_MY_WAY}, status=Status.CLOSED)
    mine = make_note(closed, me, "The mascara joke")
    theirs = make_note(closed, friend, "Thank you for coming")
    make_reaction(theirs, me, "hug")
    invite = invite_create(circle=world.circle, created_by=me)
    add_device(me, endpoint="http://127.0.0.1:9/push/fuzz")
    res = Client().post(
        "/_allauth/app/v1/auth/login",
        {"email": me.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    fuzzed = Fuzzed(
        token=res.json()["meta"]["session_token"],
        ids={
            "circle_id": [str(world.circle.pk)],
            "checkin_id": [str(open_checkin.pk), str(closed.pk)],
            "note_id": [str(mine.pk), str(theirs.pk)],
            "user_id": [str(friend.pk), str(other.pk)],
            "invite_id": [str(invite.invite.pk)],
            "token": [invite.token],
        },
    )
    # The WSGI handler closes the connection around each request, and the test's transaction
    # lives on it: Django's test client disconnects the same receivers (and puts them back
    # after each of its requests, so this comes after the login above).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield fuzzed
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


_turn = itertools.count()


def _point_at_the_world(case: Any, ids: dict[str, list[str]]) -> None:
    """Most examples aim at real rows; every fifth keeps the generated (unknown) ids."""
    n = next(_turn)
    if n % 5 == 4 or not case.path_parameters:
        return
    for name in case.path_parameters:
        if name in ids:
            choices = ids[name]
            case.path_parameters[name] = choices[n % len(choices)]


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_answers_within_its_schema(case: Any, fuzzed: Fuzzed) -> None:
    _point_at_the_world(case, fuzzed.ids)
    # Each example starts from the same world: what it wrote is rolled back.
    with transaction.atomic():
        try:
            case.call_and_validate(
                headers={"X-Session-Token": fuzzed.token},
                checks=CHECKS,
                # Werkzeug's test environ has no client address; every real server sets one.
                environ_base={"REMOTE_ADDR": "127.0.0.1"},
            )
        finally:
            transaction.set_rollback(True)

"""Item 15 of issue #11: `POST /blocks/` takes only people who share or shared a circle with
me, and a refusal names nobody."""

from typing import Any

import pytest

from backend.circles.models import Block
from backend.circles.services import membership_remove
from tests.common.helpers import client_for, post
from tests.common.world import circle_world, make_circle, make_person

pytestmark = pytest.mark.django_db


def test_a_stranger_cannot_be_blocked_and_is_not_named() -> None:
    me = make_person(display_name="Alex")
    make_circle(me, [make_person()])
    stranger = make_person(display_name="Zephyrine Stranger")
    make_circle(stranger, [make_person()], name="Elsewhere")
    res = post(client_for(me), "/api/v1/blocks/", {"user": str(stranger.pk)})
    assert res.status_code == 404, res.content
    assert [e["code"] for e in res.json()["errors"]] == ["not_found"]
    assert "Zephyrine" not in res.content.decode()
    unknown = post(
        client_for(me), "/api/v1/blocks/", {"user": "0" * 8 + "-0000-0000-0000-" + "0" * 12}
    )
    assert (unknown.status_code, unknown.json()) == (404, res.json())
    assert not Block.objects.exists()


def test_someone_in_my_circle_can_be_blocked() -> None:
    w = circle_world(members=1)
    res = post(w.client(w.owner), "/api/v1/blocks/", {"user": str(w.members[0].pk)})
    assert res.status_code == 201, res.content


@pytest.mark.parametrize("who_left", ["them", "me"])
def test_someone_who_shared_a_circle_can_be_blocked(who_left: str) -> None:
    w = circle_world(members=2)
    me, them = w.members
    gone = them if who_left == "them" else me
    membership_remove(circle=w.circle, by=w.owner, user_id=gone.pk)
    res = post(client_for(me), "/api/v1/blocks/", {"user": str(them.pk)})
    assert res.status_code == 201, res.content
    assert Block.objects.filter(blocker=me, blocked=them).exists()


def test_blocking_yourself_is_still_its_own_error(signed_in: Any) -> None:
    client, me = signed_in()
    res = post(client, "/api/v1/blocks/", {"user": str(me.pk)})
    assert res.status_code == 400
    assert [e["code"] for e in res.json()["errors"]] == ["cannot_block_self"]

from typing import Any

import pytest

from backend.circles.models import Block, Membership
from backend.circles.selectors import are_blocked, blocked_user_ids
from tests.common.helpers import client_for, post
from tests.common.world import make_block, make_circle
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db


def test_block_list_and_unblock(make_user: Any) -> None:
    me, them = make_user(), make_user(display_name="Rin")
    make_circle(me, [them])  # only someone who is or was in a circle with me
    client = client_for(me)
    res = post(client, "/api/v1/blocks/", {"user": str(them.pk)})
    assert res.status_code == 201
    assert res.json()["user"] == {"id": str(them.pk), "display_name": "Rin"}
    # Blocking twice is not an error: 200 with the existing block.
    res = post(client, "/api/v1/blocks/", {"user": str(them.pk)})
    assert res.status_code == 200
    assert Block.objects.count() == 1

    listed = client.get("/api/v1/blocks/").json()["results"]
    assert [b["user"]["id"] for b in listed] == [str(them.pk)]
    # The blocked person doesn't see it.
    assert client_for(them).get("/api/v1/blocks/").json()["results"] == []

    assert client.delete(f"/api/v1/blocks/{them.pk}/").status_code == 204
    assert not Block.objects.exists()
    res = client.delete(f"/api/v1/blocks/{them.pk}/")
    assert res.status_code == 404
    assert res.json() == {
        "type": "client_error",
        "errors": [
            {"code": "not_found", "detail": "You haven't blocked this person.", "attr": None}
        ],
    }
    assert client.delete(f"/api/v1/blocks/{them.pk}/").status_code == 404


def test_cannot_block_yourself(signed_in: Any) -> None:
    client, me = signed_in()
    res = post(client, "/api/v1/blocks/", {"user": str(me.pk)})
    assert res.status_code == 400
    assert error_codes(res) == ["cannot_block_self"]


@pytest.mark.parametrize("body", [{}, {"user": "not-a-uuid"}])
def test_block_needs_a_person_id(signed_in: Any, body: dict[str, Any]) -> None:
    client, _ = signed_in()
    res = post(client, "/api/v1/blocks/", body)
    assert res.status_code == 400
    assert res.json()["errors"][0]["attr"] == "user"


def test_selectors_see_both_directions(make_user: Any) -> None:
    a, b, c, d = make_user(), make_user(), make_user(), make_user()
    make_block(a, b)
    make_block(c, a)
    assert blocked_user_ids(a) == {b.pk, c.pk}
    assert blocked_user_ids(b) == {a.pk}
    assert blocked_user_ids(d) == set()
    assert are_blocked(a, b)
    assert are_blocked(b, a)
    assert are_blocked(a.pk, c.pk)
    assert not are_blocked(b, c)


def test_blocking_keeps_a_shared_circle(make_world: Any) -> None:
    w = make_world(members=1)
    friend = w.members[0]
    assert post(client_for(friend), "/api/v1/blocks/", {"user": str(w.owner.pk)}).status_code == 201
    assert Membership.objects.filter(circle=w.circle).count() == 2
    assert client_for(friend).get(f"/api/v1/circles/{w.circle.pk}/").status_code == 200

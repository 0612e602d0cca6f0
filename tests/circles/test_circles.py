from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.circles.models import Circle, Departure, Membership
from tests.common.helpers import client_for, post
from tests.common.world import join, make_join_request
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db


def test_create_circle_makes_the_creator_owner(signed_in: Any) -> None:
    client, me = signed_in()
    res = post(client, "/api/v1/circles/", {"name": "  Sunday people ", "approval_required": True})
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["name"] == "Sunday people"
    assert body["my_role"] == "owner"
    assert body["approval_required"] is True
    assert body["members"] == [
        {
            "user": {"id": str(me.pk), "display_name": me.display_name},
            "role": "owner",
            "joined_at": body["members"][0]["joined_at"],
        }
    ]
    assert "email" not in str(body)
    assert Membership.objects.get(circle_id=body["id"]).role == "owner"


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "x" * 61}])
def test_create_circle_needs_a_name(signed_in: Any, body: dict[str, Any]) -> None:
    client, _ = signed_in()
    res = post(client, "/api/v1/circles/", body)
    assert res.status_code == 400
    assert res.json()["errors"][0]["attr"] == "name"
    assert not Circle.objects.exists()


def test_list_shows_only_my_circles_with_members(make_world: Any, make_user: Any) -> None:
    me = make_user()
    mine = make_world(owner=me, members=2)
    make_world(members=1)  # someone else's
    theirs = make_world(members=0)
    join(theirs.circle, me)
    res = client_for(me).get("/api/v1/circles/")
    assert res.status_code == 200
    body = res.json()
    assert set(body) >= {"next", "previous", "results"}
    by_id = {c["id"]: c for c in body["results"]}
    assert set(by_id) == {str(mine.circle.pk), str(theirs.circle.pk)}
    assert by_id[str(mine.circle.pk)]["my_role"] == "owner"
    assert by_id[str(theirs.circle.pk)]["my_role"] == "member"
    assert len(by_id[str(mine.circle.pk)]["members"]) == 3
    # The owner comes first.
    assert by_id[str(theirs.circle.pk)]["members"][0]["role"] == "owner"


def _count(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow(make_world: Any, make_user: Any) -> None:
    me = make_user()
    client = client_for(me)
    for _ in range(2):
        make_world(owner=me, members=2)
    few = _count(client, "/api/v1/circles/")
    for _ in range(8):
        make_world(owner=me, members=5)
    assert _count(client, "/api/v1/circles/") == few


def test_detail_query_count_does_not_grow(make_world: Any, make_user: Any) -> None:
    small, big = make_world(members=1), make_world(members=11)
    assert _count(client_for(small.owner), f"/api/v1/circles/{small.circle.pk}/") == _count(
        client_for(big.owner), f"/api/v1/circles/{big.circle.pk}/"
    )


def test_owner_lists_query_counts_do_not_grow(
    make_world: Any, make_invite: Any, make_user: Any
) -> None:

    w = make_world()
    client = client_for(w.owner)
    for _ in range(2):
        make_invite(w)
        make_join_request(w.circle, make_user())
    invites, requests = (
        _count(client, f"/api/v1/circles/{w.circle.pk}/invites/"),
        _count(client, f"/api/v1/circles/{w.circle.pk}/requests/"),
    )
    for _ in range(8):
        make_invite(w)
        make_join_request(w.circle, make_user())
    assert _count(client, f"/api/v1/circles/{w.circle.pk}/invites/") == invites
    assert _count(client, f"/api/v1/circles/{w.circle.pk}/requests/") == requests


def test_owner_renames_and_deletes(make_world: Any) -> None:
    w = make_world(members=1)
    client = client_for(w.owner)
    res = client.patch(
        f"/api/v1/circles/{w.circle.pk}/",
        {"name": "Tuesday", "approval_required": True},
        content_type="application/json",
    )
    assert res.status_code == 200
    assert (res.json()["name"], res.json()["approval_required"]) == ("Tuesday", True)
    assert len(res.json()["members"]) == 2
    assert client.delete(f"/api/v1/circles/{w.circle.pk}/").status_code == 204
    assert not Circle.objects.exists()
    assert not Membership.objects.exists()


def test_member_leaves(make_world: Any) -> None:
    w = make_world(members=2)
    leaver = w.members[0]
    res = client_for(leaver).delete(f"/api/v1/circles/{w.circle.pk}/members/{leaver.pk}/")
    assert res.status_code == 204
    assert not Membership.objects.filter(circle=w.circle, user=leaver).exists()
    departure = Departure.objects.get()
    assert (departure.user, departure.reason, departure.by) == (leaver, "left", leaver)
    # Gone from the circle: now an outsider.
    assert client_for(leaver).get(f"/api/v1/circles/{w.circle.pk}/").status_code == 404


def test_owner_removes_a_member(make_world: Any) -> None:
    w = make_world(members=2)
    target = w.members[1]
    res = client_for(w.owner).delete(f"/api/v1/circles/{w.circle.pk}/members/{target.pk}/")
    assert res.status_code == 204
    departure = Departure.objects.get()
    assert (departure.user, departure.reason, departure.by) == (target, "removed", w.owner)
    assert Membership.objects.filter(circle=w.circle).count() == 2


def test_member_cannot_remove_someone_else(make_world: Any) -> None:
    w = make_world(members=2)
    res = client_for(w.members[0]).delete(
        f"/api/v1/circles/{w.circle.pk}/members/{w.members[1].pk}/"
    )
    assert res.status_code == 403
    assert error_codes(res) == ["owner_only"]
    assert Membership.objects.filter(circle=w.circle).count() == 3


def test_removing_a_non_member_is_404(make_world: Any, make_user: Any) -> None:
    w = make_world()
    res = client_for(w.owner).delete(f"/api/v1/circles/{w.circle.pk}/members/{make_user().pk}/")
    assert res.status_code == 404
    assert res.json() == {
        "type": "client_error",
        "errors": [
            {"code": "not_found", "detail": "That person isn't in this circle.", "attr": None}
        ],
    }


def test_owner_cannot_leave_without_handing_over(make_world: Any) -> None:
    w = make_world(members=1)
    res = client_for(w.owner).delete(f"/api/v1/circles/{w.circle.pk}/members/{w.owner.pk}/")
    assert res.status_code == 409
    assert error_codes(res) == ["owner_must_transfer"]
    assert Membership.objects.filter(circle=w.circle, user=w.owner, role="owner").exists()


def test_transfer_then_the_old_owner_can_leave(make_world: Any) -> None:
    w = make_world(members=1)
    heir = w.members[0]
    client = client_for(w.owner)
    res = post(client, f"/api/v1/circles/{w.circle.pk}/transfer/", {"user": str(heir.pk)})
    assert res.status_code == 200, res.content
    assert res.json()["my_role"] == "member"
    roles = {m["user"]["id"]: m["role"] for m in res.json()["members"]}
    assert roles == {str(heir.pk): "owner", str(w.owner.pk): "member"}
    # The new owner has the owner's powers, the old one doesn't.
    assert client_for(heir).get(f"/api/v1/circles/{w.circle.pk}/invites/").status_code == 200
    assert client.get(f"/api/v1/circles/{w.circle.pk}/invites/").status_code == 403
    res = client.delete(f"/api/v1/circles/{w.circle.pk}/members/{w.owner.pk}/")
    assert res.status_code == 204


@pytest.mark.parametrize(
    ("target", "code"), [("self", "already_owner"), ("stranger", "not_a_member")]
)
def test_transfer_needs_another_member(
    make_world: Any, make_user: Any, target: str, code: str
) -> None:
    w = make_world(members=1)
    user = w.owner if target == "self" else make_user()
    res = post(
        client_for(w.owner), f"/api/v1/circles/{w.circle.pk}/transfer/", {"user": str(user.pk)}
    )
    assert res.status_code == 400
    assert error_codes(res) == [code]
    assert Membership.objects.get(circle=w.circle, role="owner").user == w.owner


def test_a_person_can_be_in_several_circles(make_world: Any, make_user: Any) -> None:
    me = make_user()
    for _ in range(3):
        join(make_world().circle, me)
    assert len(client_for(me).get("/api/v1/circles/").json()["results"]) == 3

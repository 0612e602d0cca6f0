"""Every circle and invite endpoint against every kind of caller, from one table."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from backend.circles import services
from tests.common.helpers import client_for
from tests.common.world import make_block, make_join_request
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "member", "owner", "blocked")


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    body: dict[str, Any] | None = None
    owner_only: bool = True
    # What the owner (and, for open endpoints, a member) gets when allowed.
    ok: int = 200


CIRCLE_ENDPOINTS = [
    Endpoint("get", "/api/v1/circles/{circle}/", owner_only=False),
    Endpoint("patch", "/api/v1/circles/{circle}/", {"name": "Renamed"}),
    Endpoint("delete", "/api/v1/circles/{circle}/", ok=204),
    Endpoint("post", "/api/v1/circles/{circle}/transfer/", {"user": "{other}"}),
    Endpoint("delete", "/api/v1/circles/{circle}/members/{other}/", ok=204),
    Endpoint("get", "/api/v1/circles/{circle}/invites/"),
    Endpoint("post", "/api/v1/circles/{circle}/invites/", {"max_uses": 2}, ok=201),
    Endpoint("delete", "/api/v1/circles/{circle}/invites/{invite}/", ok=204),
    Endpoint("get", "/api/v1/circles/{circle}/requests/"),
    Endpoint("post", "/api/v1/circles/{circle}/requests/{request}/approve/"),
    Endpoint("post", "/api/v1/circles/{circle}/requests/{request}/reject/"),
]

# Invite endpoints: the expected status per role.
INVITE_ENDPOINTS = [
    (
        "get",
        "/api/v1/invites/{token}/",
        {"anonymous": 200, "outsider": 200, "member": 200, "owner": 200, "blocked": 200},
    ),
    (
        "post",
        "/api/v1/invites/{token}/accept/",
        {"anonymous": 401, "outsider": 201, "member": 409, "owner": 409, "blocked": 404},
    ),
    (
        "post",
        "/api/v1/invites/{token}/decline/",
        {"anonymous": 401, "outsider": 204, "member": 204, "owner": 204, "blocked": 404},
    ),
]


@pytest.fixture
def world(make_world: Any, make_user: Any, make_invite: Any) -> dict[str, Any]:
    w = make_world(members=2)
    member, other = w.members
    outsider, blocked, requester = make_user(), make_user(), make_user()
    make_block(w.owner, blocked)
    token = make_invite(w, max_uses=5)
    invite = services.invite_find(token=token)
    request = make_join_request(w.circle, requester)
    return {
        "users": {"outsider": outsider, "member": member, "owner": w.owner, "blocked": blocked},
        "ids": {
            "circle": w.circle.pk,
            "other": other.pk,
            "invite": invite.pk,
            "request": request.pk,
            "token": token,
        },
    }


def call(world: dict[str, Any], role: str, method: str, path: str, body: Any = None) -> Any:
    client = Client() if role == "anonymous" else client_for(world["users"][role])
    ids = {k: str(v) for k, v in world["ids"].items()}
    url = path.format(**ids)
    data = {k: (v.format(**ids) if isinstance(v, str) else v) for k, v in (body or {}).items()}
    return getattr(client, method)(url, data, content_type="application/json")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", CIRCLE_ENDPOINTS, ids=lambda e: f"{e.method} {e.path}")
def test_circle_endpoints(world: dict[str, Any], role: str, endpoint: Endpoint) -> None:
    res = call(world, role, endpoint.method, endpoint.path, endpoint.body)
    if role == "anonymous":
        assert res.status_code == 401
        assert error_codes(res) == ["not_authenticated"]
    elif role in ("outsider", "blocked"):
        assert res.status_code == 404, res.content
        assert error_codes(res) == ["not_found"]
    elif role == "member" and endpoint.owner_only:
        assert res.status_code == 403, res.content
        assert error_codes(res) == ["owner_only"]
    else:
        assert res.status_code == endpoint.ok, res.content


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "expected"),
    INVITE_ENDPOINTS,
    ids=[f"{m} {p}" for m, p, _ in INVITE_ENDPOINTS],
)
def test_invite_endpoints(
    world: dict[str, Any], role: str, method: str, path: str, expected: dict[str, int]
) -> None:
    res = call(world, role, method, path)
    assert res.status_code == expected[role], res.content
    if role == "blocked" and method == "post":
        # Exactly what an unknown token answers: the block isn't revealed. (The preview
        # answers what it answers anyone signed out.)
        assert error_codes(res) == ["invite_not_found"]
    if role in ("member", "owner") and res.status_code == 409:
        assert error_codes(res) == ["already_member"]
    if method == "get" and res.status_code == 200:
        body = res.json()
        assert "members" not in body
        assert "members" not in body["circle"]
        assert body["already_member"] is (role in ("member", "owner"))


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/circles/"),
        ("post", "/api/v1/circles/"),
        ("get", "/api/v1/blocks/"),
        ("post", "/api/v1/blocks/"),
        ("delete", "/api/v1/blocks/{other}/"),
    ],
)
def test_anonymous_gets_401_on_personal_lists(
    world: dict[str, Any], method: str, path: str
) -> None:
    res = call(world, "anonymous", method, path)
    assert res.status_code == 401
    assert error_codes(res) == ["not_authenticated"]


def test_unknown_circle_is_the_same_404_as_someone_elses(signed_in: Any) -> None:
    client, _ = signed_in()
    res = client.get("/api/v1/circles/00000000-0000-0000-0000-000000000000/")
    assert res.status_code == 404
    assert error_codes(res) == ["not_found"]
    assert client.get("/api/v1/circles/not-a-uuid/").status_code == 404

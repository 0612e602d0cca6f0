"""The hot reads answer plain dicts built in the selectors (no serializer walk); the schema
still documents them through their serializers. These tests hold the two the same: every
object in each answer has exactly the properties the OpenAPI schema names, recursively, and
a null only where the schema allows one — so a field added to a read model but not to its
serializer (or the other way round) fails here, and the PWA's generated types stay true."""

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

from backend.accounts.models import User
from backend.checkins.models import Mode, Status
from tests.common.world import (
    join,
    make_block,
    make_note,
    make_person,
    make_reaction,
    make_session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return dict(SchemaGenerator().get_schema(request=None, public=True))


def _nullable(node: dict[str, Any], schema: dict[str, Any]) -> bool:
    if "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    types = node.get("type")
    return (
        bool(node.get("nullable"))
        or types == "null"
        or (isinstance(types, list) and "null" in types)
        or None in node.get("enum", ["-"])  # drf-spectacular's NullEnum
    )


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema of a value (references followed) and whether it may be null (OpenAPI 3.1:
    a `null` type, or a `oneOf` with one)."""
    nullable = _nullable(node, schema)
    while True:
        if "$ref" in node:
            node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
        elif "oneOf" in node or "allOf" in node:
            branches = node.get("oneOf") or node["allOf"]
            nullable = nullable or any(_nullable(b, schema) for b in branches)
            real = [b for b in branches if not _nullable(b, schema)]
            if len(real) != 1:
                return node, nullable
            node = real[0]
        else:
            return node, nullable or _nullable(node, schema)


def _check(value: Any, node: dict[str, Any], schema: dict[str, Any], path: str) -> None:
    node, nullable = _resolve(node, schema)
    if value is None:
        assert nullable, f"{path} is null but the schema says it never is"
        return
    if node.get("type") == "array":
        assert isinstance(value, list), path
        for i, item in enumerate(value):
            _check(item, node["items"], schema, f"{path}[{i}]")
    elif "properties" in node:
        assert isinstance(value, dict), path
        assert set(value) == set(node["properties"]), (
            f"{path}: answered {sorted(set(value) - set(node['properties']))} beyond the schema, "
            f"missing {sorted(set(node['properties']) - set(value))}"
        )
        for key, item in value.items():
            _check(item, node["properties"][key], schema, f"{path}.{key}")


def check_against_schema(
    schema: dict[str, Any], client: Any, url: str, template: str, *, expect_items: bool = True
) -> Any:
    res = client.get(url)
    assert res.status_code == 200, res.content
    body = res.json()
    operation = schema["paths"][template]["get"]
    node = operation["responses"]["200"]["content"]["application/json"]["schema"]
    _check(body, node, schema, template)
    if expect_items and isinstance(body, dict) and "results" in body:
        assert body["results"], f"{url}: nothing to check"
    return body


def test_hot_reads_answer_what_the_schema_says(make_world: Any, schema: dict[str, Any]) -> None:
    w = make_world(members=3)
    a, b, c = w.members
    # Past sessions with notes and a reaction; my open reach-out with answers; one asking me;
    # a nudge; a block between two friends (so blocked people are left out somewhere).
    past = make_session(w.owner, w.circle, {a: "on_my_way"})
    note = make_note(past, w.owner, "Thank you")
    make_note(past, a, "Any time")
    make_reaction(note, a)
    mine = make_session(
        w.owner, w.circle, {a: "calling", b: "cant_right_now"}, asked=[c], status=Status.OPEN
    )
    make_session(b, w.circle, {w.owner: "texting"}, asked=[c], status=Status.OPEN, mode=Mode.CALL)
    make_session(c, w.circle, asked=[w.owner], status=Status.OPEN, kind="nudge")
    make_block(a, c)
    me = w.client(w.owner)
    circle = w.circle.pk

    home = check_against_schema(schema, me, "/api/v1/home/", "/api/v1/home/")
    assert home["my_open_checkin"]
    assert home["asking_me"]
    assert home["pending_nudges"]
    assert home["asking_me"][0]["my_response"]["answer"] == "texting"
    check_against_schema(schema, me, "/api/v1/me/", "/api/v1/me/")
    check_against_schema(schema, me, "/api/v1/circles/", "/api/v1/circles/")
    check_against_schema(schema, me, f"/api/v1/circles/{circle}/", "/api/v1/circles/{circle_id}/")
    detail = check_against_schema(
        schema, me, f"/api/v1/checkins/{mine.pk}/", "/api/v1/checkins/{checkin_id}/"
    )
    assert {m["user"]["id"] for m in detail["audience"]} == {str(p.pk) for p in (a, b, c)}
    # As someone asked, in a block relation with another friend asked: they're left out.
    as_a = check_against_schema(
        schema, w.client(a), f"/api/v1/checkins/{mine.pk}/", "/api/v1/checkins/{checkin_id}/"
    )
    assert str(c.pk) not in {m["user"]["id"] for m in as_a["audience"]}
    assert as_a["my_response"]["answer"] == "calling"
    check_against_schema(schema, me, "/api/v1/checkins/", "/api/v1/checkins/")
    notes = check_against_schema(
        schema, me, f"/api/v1/checkins/{past.pk}/notes/", "/api/v1/checkins/{checkin_id}/notes/"
    )
    assert notes["results"][0]["reactions"][0]["kind"] == "hug"
    check_against_schema(
        schema, me, f"/api/v1/circles/{circle}/moments/", "/api/v1/circles/{circle_id}/moments/"
    )


def test_a_display_name_left_empty_reads_a_friend(make_world: Any) -> None:
    nameless = make_person()
    w = make_world(members=0)
    join(w.circle, nameless)
    make_session(nameless, w.circle, asked=[w.owner], status=Status.OPEN)
    User.objects.filter(pk=nameless.pk).update(display_name="")
    home = w.client(w.owner).get("/api/v1/home/").json()
    assert home["asking_me"][0]["requester"]["display_name"] == "A friend"

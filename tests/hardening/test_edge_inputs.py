"""Item 17 of issue #11: inputs that answered 5xx answer a 4xx in the error shape."""

from typing import Any

import pytest
from django.test import Client

from tests.common.helpers import add_totp
from tests.conftest import BROWSER
from tests.notifications.conftest import Device

pytestmark = pytest.mark.django_db


def subscription(expiration: int) -> dict[str, Any]:
    return {**Device("http://127.0.0.1:9/push/edge").to_json(), "expirationTime": expiration}


def assert_error_shape(res: Any, status: int, code: str) -> None:
    assert res.status_code == status, res.content[:300]
    assert res["Content-Type"].startswith("application/json")
    body = res.json()
    assert body["type"] == "client_error", body
    assert [e["code"] for e in body["errors"]] == [code], body
    assert all(set(e) == {"code", "detail", "attr"} for e in body["errors"])


@pytest.mark.parametrize("expiration", [10**15, 10**20])
def test_a_far_future_expiration_time_is_refused(signed_in: Any, expiration: int) -> None:
    client, _ = signed_in()
    res = client.post(
        "/api/v1/push/subscriptions/",
        subscription(expiration),
        content_type="application/json",
    )
    assert res.status_code == 400, res.content
    assert res.json()["errors"][0]["attr"] == "expirationTime"


def test_a_real_expiration_time_is_kept(signed_in: Any) -> None:
    client, _ = signed_in()
    res = client.post(
        "/api/v1/push/subscriptions/",
        subscription(1_900_000_000_000),
        content_type="application/json",
    )
    assert res.status_code == 201, res.content


DEEP = "[" * 100_000 + "]" * 100_000


def test_deeply_nested_json_is_a_parse_error_on_the_api(signed_in: Any) -> None:
    client, _ = signed_in()
    res = client.post("/api/v1/circles/", DEEP, content_type="application/json")
    assert_error_shape(res, 400, "parse_error")


def test_deeply_nested_json_is_a_parse_error_on_allauth() -> None:
    res = Client().post(f"{BROWSER}/auth/login", DEEP, content_type="application/json")
    assert_error_shape(res, 400, "parse_error")


def test_a_body_over_the_upload_limit_is_413(signed_in: Any, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client, _ = signed_in()
    body = '{"name": "' + "x" * 2000 + '"}'
    res = client.post("/api/v1/circles/", body, content_type="application/json")
    assert_error_shape(res, 413, "request_too_large")
    res = Client().post(f"{BROWSER}/auth/login", body, content_type="application/json")
    assert_error_shape(res, 413, "request_too_large")


def test_the_admin_can_search_user_sessions(make_user: Any) -> None:
    staff = make_user(email="mod@example.com", is_staff=True, is_superuser=True)
    add_totp(staff)  # staff need a second factor before the admin opens
    client = Client()
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    res = client.get("/admin/usersessions/usersession/", {"q": "mod@"})
    assert res.status_code == 200
    res = client.get("/admin/usersessions/usersession/", {"q": "x"})
    assert res.status_code == 200

"""Item 21 of issue #11: CSRF failures answer `csrf_failed`; only real IANA zones."""

from typing import Any

import pytest
from django.test import Client

from tests.conftest import BROWSER, PASSWORD, error_codes

pytestmark = pytest.mark.django_db


def test_a_browser_session_write_without_the_token_is_csrf_failed(make_user: Any) -> None:
    user = make_user()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    res = client.patch("/api/v1/me/", {"display_name": "Sam"}, content_type="application/json")
    assert res.status_code == 403
    assert error_codes(res) == ["csrf_failed"]


def test_the_same_write_with_the_token_works(make_user: Any) -> None:
    user = make_user()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.get("/")  # the PWA shell sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    res = client.patch(
        "/api/v1/me/",
        {"display_name": "Sam"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert res.status_code == 200, res.content


def test_an_allauth_write_without_the_token_is_csrf_failed(make_user: Any) -> None:
    user = make_user()
    res = Client(enforce_csrf_checks=True).post(
        f"{BROWSER}/auth/login",
        {"email": user.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 403
    assert error_codes(res) == ["csrf_failed"]


@pytest.mark.parametrize(
    "zone", ["localtime", "Factory", "posixrules", "US/Eastern", "Japan", "EST5EDT", "Nowhere/Town"]
)
def test_legacy_and_unknown_zones_are_refused(signed_in: Any, zone: str) -> None:
    client, _ = signed_in()
    res = client.patch("/api/v1/me/", {"timezone": zone}, content_type="application/json")
    assert res.status_code == 400, (zone, res.content)
    assert error_codes(res) == ["invalid_timezone"]


@pytest.mark.parametrize(
    "zone", ["Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC", "Asia/Kolkata"]
)
def test_real_zones_are_accepted(signed_in: Any, zone: str) -> None:
    client, _ = signed_in()
    res = client.patch("/api/v1/me/", {"timezone": zone}, content_type="application/json")
    assert res.status_code == 200, res.content
    assert res.json()["timezone"] == zone

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.conftest import error_codes

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_anonymous_me_is_401_in_the_error_shape() -> None:
    res = Client().get("/api/v1/me/")
    assert res.status_code == 401
    assert res.json()["type"] == "client_error"
    assert error_codes(res) == ["not_authenticated"]
    assert res.headers["WWW-Authenticate"] == "X-Session-Token"


def test_browser_session_write_without_csrf_is_403_in_the_error_shape(make_user: Any) -> None:
    user = make_user()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    res = client.patch("/api/v1/me/", {"display_name": "X"}, content_type="application/json")
    assert res.status_code == 403
    assert error_codes(res) == ["csrf_failed"]
    user.refresh_from_db()
    assert user.display_name != "X"

    # With the token from the cookie the shell sets, the same write goes through.
    client.get("/")
    token = client.cookies["csrftoken"].value
    res = client.patch(
        "/api/v1/me/",
        {"display_name": "X"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert res.status_code == 200


def test_validation_errors_name_the_field(signed_in: Any) -> None:
    client, _ = signed_in()
    res = client.patch("/api/v1/me/", {"timezone": "Mars/Olympus"}, content_type="application/json")
    assert res.status_code == 400
    body = res.json()
    assert body["type"] == "validation_error"
    assert body["errors"] == [
        {
            "code": "invalid_timezone",
            "detail": "Pick a timezone from the list, like Europe/Berlin.",
            "attr": "timezone",
        }
    ]
    res = client.patch("/api/v1/me/", "{not json", content_type="application/json")
    assert res.status_code == 400
    assert error_codes(res) == ["parse_error"]


def test_profile_update(signed_in: Any) -> None:
    client, user = signed_in()
    res = client.patch(
        "/api/v1/me/",
        {"display_name": "  Robin ", "timezone": "Europe/Berlin"},
        content_type="application/json",
    )
    assert res.status_code == 200
    assert res.json()["display_name"] == "Robin"
    user.refresh_from_db()
    assert (user.display_name, user.timezone) == ("Robin", "Europe/Berlin")


def test_unknown_api_path_is_404_in_the_error_shape(signed_in: Any) -> None:
    client, _ = signed_in()
    res = client.get("/api/v1/nothing-here/")
    assert res.status_code == 404
    assert error_codes(res) == ["not_found"]


def test_throttled_writes_get_429_with_retry_after(signed_in: Any, throttle_rates: Any) -> None:
    client, _ = signed_in()
    throttle_rates(profile_write="2/hour")
    for _ in range(2):
        res = client.patch("/api/v1/me/", {"display_name": "A"}, content_type="application/json")
        assert res.status_code == 200
    res = client.patch("/api/v1/me/", {"display_name": "B"}, content_type="application/json")
    assert res.status_code == 429
    assert error_codes(res) == ["throttled"]
    assert int(res.headers["Retry-After"]) > 0
    # Reading is never throttled by the write limit.
    assert client.get("/api/v1/me/").status_code == 200


def test_healthz() -> None:
    res = Client().get("/healthz")
    assert res.status_code == 200
    assert res.json() == {"status": "ok"}


def test_crisis_resources_are_public_with_a_default() -> None:
    res = Client().get("/api/v1/crisis-resources/")
    assert res.status_code == 200
    body = res.json()
    assert "not an emergency" in body["intro"]
    assert any(r["phone"] == "112" for r in body["resources"])
    assert "public" in res.headers["Cache-Control"]


def test_schema_generates_without_warnings() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "spectacular",
            "--validate",
            "--fail-on-warn",
            "--file",
            "/dev/null",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr


def test_schema_and_docs_are_served() -> None:
    client = Client()
    schema = client.get("/api/schema/", headers={"Accept": "application/json"})
    assert schema.status_code == 200
    assert "/api/v1/me/" in schema.json()["paths"]
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower()


def test_check_deploy_is_clean_in_production() -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 30 + "production-secret-for-the-check-only-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "shoulder.example",
        "SITE_URL": "https://shoulder.example",
        "SHOULDER_VAR_DIR": "/tmp/shoulder-deploy-check",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "MFA_ENCRYPTION_KEY": "y" * 30 + "mfa-key-for-the-check-only-1a2b3c",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_crisis_resources_default_is_the_file_the_pwa_bundles() -> None:
    # frontend/src/crisis/resources.ts imports this same file as its offline copy.
    path = Path(__file__).parents[2] / "backend/web/crisis_resources.json"
    shared = json.loads(path.read_text())
    body = Client().get("/api/v1/crisis-resources/").json()
    assert body == shared
    phones = {r["phone"] for r in body["resources"]}
    assert {"112", "911", "999"} <= phones
    assert any("findahelpline.com" in r["url"] for r in body["resources"])

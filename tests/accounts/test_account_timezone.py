from typing import Any

from django.test import Client

from backend.accounts.models import User
from tests.common.world import PASSWORD, code_from_mail

BROWSER = "/_allauth/browser/v1"


def _sign_up(client: Client, email: str, timezone: str) -> User:
    res = client.post(
        f"{BROWSER}/auth/signup",
        {"email": email, "password": PASSWORD, "display_name": "Noor", "timezone": timezone},
        content_type="application/json",
    )
    assert res.status_code == 401, res.content
    res = client.post(
        f"{BROWSER}/auth/email/verify", {"key": code_from_mail()}, content_type="application/json"
    )
    assert res.status_code == 200, res.content
    return User.objects.get(email=email)


def test_a_new_account_takes_the_devices_time_zone(client: Client, db: Any) -> None:
    assert _sign_up(client, "noor@example.com", "Asia/Tokyo").timezone == "Asia/Tokyo"
    assert client.get("/api/v1/me/").json()["timezone"] == "Asia/Tokyo"


def test_a_legacy_or_unknown_zone_at_signup_falls_back_to_utc(db: Any) -> None:
    assert _sign_up(Client(), "kim@example.com", "US/Eastern").timezone == "UTC"


def test_the_account_screen_refuses_a_legacy_zone_name(client: Client, db: Any) -> None:
    _sign_up(client, "ana@example.com", "Europe/Lisbon")
    res = client.patch("/api/v1/me/", {"timezone": "Japan"}, content_type="application/json")
    assert res.status_code == 400
    assert res.json()["errors"][0]["code"] == "invalid_timezone"

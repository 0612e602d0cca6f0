"""Items 5 and 6 of issue #11: login limits that can't lock an owner out, and one trusted-proxy
setting for every rate limit (DRF's throttles and allauth's)."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from tests.common.world import PASSWORD, code_from_mail
from tests.conftest import BROWSER

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Small numbers so a test stays short; the shape is what settings.py configures.
LOGIN_FAILED = "4/5m/ip,3/5m/key"


@pytest.fixture
def login_limits(settings: Any) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": LOGIN_FAILED}


def log_in(client: Client, email: str, password: str) -> Any:
    return client.post(
        f"{BROWSER}/auth/login",
        {"email": email, "password": password},
        content_type="application/json",
    )


def codes(res: Any) -> list[str]:
    return [e.get("code") for e in res.json().get("errors", [])]


def pending_flows(res: Any) -> list[str]:
    return [f["id"] for f in res.json()["data"]["flows"] if f.get("is_pending")]


def test_wrong_passwords_from_anywhere_do_not_lock_the_owner_out(
    make_user: Any, login_limits: None
) -> None:
    owner = make_user(email="bea@example.com")
    for n in range(6):  # from six addresses: each under the per-address limit
        res = log_in(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), owner.email, "not-her-password-1")
        assert res.status_code == 400, res.content

    # The owner, from her own address, with her password: one code by email, then she is in.
    client = Client(REMOTE_ADDR="192.0.2.10")
    mail.outbox.clear()
    res = log_in(client, owner.email, PASSWORD)
    assert res.status_code == 401, res.content
    assert pending_flows(res) == ["login_by_code"]
    assert [m.to for m in mail.outbox] == [[owner.email]]
    res = client.post(
        f"{BROWSER}/auth/code/confirm", {"code": code_from_mail()}, content_type="application/json"
    )
    assert res.status_code == 200, res.content
    assert res.json()["meta"]["is_authenticated"] is True
    assert client.get("/api/v1/me/").json()["email"] == owner.email


def test_a_wrong_password_during_the_lockout_is_refused_and_sends_nothing(
    make_user: Any, login_limits: None
) -> None:
    owner = make_user(email="bea@example.com")
    for n in range(4):
        log_in(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), owner.email, "not-her-password-1")
    mail.outbox.clear()
    res = log_in(Client(REMOTE_ADDR="198.51.100.99"), owner.email, "still-not-it-22")
    assert res.status_code == 400, res.content
    assert mail.outbox == []


def test_without_a_lockout_the_password_is_enough(make_user: Any, login_limits: None) -> None:
    owner = make_user(email="bea@example.com")
    log_in(Client(REMOTE_ADDR="198.51.100.1"), owner.email, "not-her-password-1")
    res = log_in(Client(REMOTE_ADDR="192.0.2.10"), owner.email, PASSWORD)
    assert res.status_code == 200, res.content
    assert mail.outbox == []


def test_the_per_address_limit_stops_one_client_guessing(
    make_user: Any, login_limits: None
) -> None:
    owner = make_user(email="bea@example.com")
    client = Client(REMOTE_ADDR="198.51.100.7")
    for n in range(4):
        assert log_in(client, f"someone{n}@example.com", "guess-guess-1").status_code == 400
    res = log_in(client, owner.email, PASSWORD)
    assert res.status_code == 400
    assert codes(res) == ["too_many_login_attempts"]


# --- item 6: one trusted-proxy setting --------------------------------------------------------


def test_one_setting_feeds_drf_and_allauth() -> None:
    script = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'backend.settings');"
        "from django.conf import settings as s;"
        "print(s.TRUSTED_PROXY_COUNT, s.REST_FRAMEWORK['NUM_PROXIES'],"
        " s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )
    for env_value, expected in (("", "0 0 0"), ("1", "1 1 1")):
        env = {**os.environ, "TRUSTED_PROXY_COUNT": env_value}
        if not env_value:
            del env["TRUSTED_PROXY_COUNT"]
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert out.stdout.strip() == expected, out.stderr


@pytest.fixture
def proxies(settings: Any) -> Any:
    # What TRUSTED_PROXY_COUNT=<count> makes of the settings (checked in a fresh process above).
    def set_count(count: int) -> None:
        settings.TRUSTED_PROXY_COUNT = count
        settings.ALLAUTH_TRUSTED_PROXY_COUNT = count
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}

    return set_count


def test_a_spoofed_forwarded_for_does_not_reset_the_api_throttle(throttle_rates: Any) -> None:
    # The default configuration: no trusted proxy.
    throttle_rates(user_or_ip="3/min")
    client = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [
        client.get("/api/v1/push/key/", headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_a_spoofed_forwarded_for_does_not_reset_the_login_limit(
    make_user: Any, login_limits: None
) -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    for n in range(4):
        res = client.post(
            f"{BROWSER}/auth/login",
            {"email": f"someone{n}@example.com", "password": "guess-guess-1"},
            content_type="application/json",
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        )
        assert codes(res) != ["too_many_login_attempts"]
    res = client.post(
        f"{BROWSER}/auth/login",
        {"email": "someone9@example.com", "password": "guess-guess-1"},
        content_type="application/json",
        headers={"X-Forwarded-For": "203.0.113.200"},
    )
    assert codes(res) == ["too_many_login_attempts"]


def test_behind_one_proxy_each_client_has_its_own_api_bucket(
    throttle_rates: Any, proxies: Any
) -> None:
    proxies(1)
    throttle_rates(user_or_ip="3/min")
    proxy = Client(REMOTE_ADDR="10.0.0.2")

    def get(client_address: str, spoof: str = "") -> int:
        xff = f"{spoof}, {client_address}" if spoof else client_address
        return proxy.get("/api/v1/push/key/", headers={"X-Forwarded-For": xff}).status_code

    # What the client itself puts in front of the header is not trusted.
    assert [get("203.0.113.5", spoof=f"1.2.3.{n}") for n in range(4)] == [200, 200, 200, 429]
    assert get("203.0.113.6") == 200


def test_behind_one_proxy_each_client_has_its_own_login_bucket(
    make_user: Any, login_limits: None, proxies: Any
) -> None:
    proxies(1)
    proxy = Client(REMOTE_ADDR="10.0.0.2")

    def attempt(client_address: str, n: int) -> list[str]:
        res = proxy.post(
            f"{BROWSER}/auth/login",
            {"email": f"someone{n}@example.com", "password": "guess-guess-1"},
            content_type="application/json",
            headers={"X-Forwarded-For": client_address},
        )
        return codes(res)

    for n in range(4):
        assert attempt("203.0.113.5", n) != ["too_many_login_attempts"]
    assert attempt("203.0.113.5", 9) == ["too_many_login_attempts"]
    assert attempt("203.0.113.6", 9) != ["too_many_login_attempts"]

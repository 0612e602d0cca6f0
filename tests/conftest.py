import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from backend.accounts.models import User

BROWSER = "/_allauth/browser/v1"
APP = "/_allauth/app/v1"
PASSWORD = "quiet-harbour-lights-7"


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Rate limits live in the cache; every test starts with none used.
    cache.clear()
    yield
    cache.clear()


def last_code() -> str:
    """The code in the newest email, as a person would read it."""
    body = mail.outbox[-1].body
    match = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


def signup_browser(client: Client, email: str, display_name: str = "Alex") -> User:
    """Sign up and verify through the real headless endpoints; the client ends signed in."""
    res = client.post(
        f"{BROWSER}/auth/signup",
        {"email": email, "password": PASSWORD, "display_name": display_name},
        content_type="application/json",
    )
    assert res.status_code == 401, res.content
    res = client.post(
        f"{BROWSER}/auth/email/verify", {"key": last_code()}, content_type="application/json"
    )
    assert res.status_code == 200, res.content
    return User.objects.get(email__iexact=email)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Tests make many people; Argon2 (what production hashes with) would make them minutes long.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db: Any) -> Any:
    counter = iter(range(1, 10_000))

    def make(display_name: str = "", email: str = "", **extra: Any) -> User:
        n = next(counter)
        user = User.objects.create_user(
            email or f"friend{n}@example.com",
            PASSWORD,
            display_name=display_name or f"Friend {n}",
            **extra,
        )
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def signed_in(make_user: Any) -> Any:
    """A Django test client signed in as a new user (session auth, CSRF not enforced)."""

    def make(user: User | None = None) -> tuple[Client, User]:
        user = user or make_user()
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client, user

    return make


@pytest.fixture
def throttle_rates(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Lower some throttle rates for one test; restored afterwards."""
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    def lower(**rates: str) -> None:
        merged = {**api_settings.DEFAULT_THROTTLE_RATES, **rates}
        monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", merged)

    return lower


def error_codes(response: Any) -> list[str]:
    body = response.json()
    assert set(body) >= {"type", "errors"}, body
    return [e["code"] for e in body["errors"]]


def pytest_configure(config: Any) -> None:
    # The admin and API docs render through the manifest storage, which needs
    # collectstatic once (`make test` runs it; this covers a bare `pytest`).
    from django.conf import settings

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)

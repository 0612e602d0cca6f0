from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from backend.accounts.models import User
from tests.common.helpers import client_for
from tests.common.world import PASSWORD, circle_world, code_from_mail, make_person

BROWSER = "/_allauth/browser/v1"
APP = "/_allauth/app/v1"


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Rate limits live in the cache; every test starts with none used.
    cache.clear()
    yield
    cache.clear()


def signup_browser(client: Client, email: str, display_name: str = "Alex") -> User:
    """Sign up and verify through the real headless endpoints; the client ends signed in."""
    res = client.post(
        f"{BROWSER}/auth/signup",
        {"email": email, "password": PASSWORD, "display_name": display_name},
        content_type="application/json",
    )
    assert res.status_code == 401, res.content
    res = client.post(
        f"{BROWSER}/auth/email/verify", {"key": code_from_mail()}, content_type="application/json"
    )
    assert res.status_code == 200, res.content
    return User.objects.get(email__iexact=email)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Tests make many people; Argon2 (what production hashes with) would make them minutes long.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db: Any) -> Any:
    """`make_person` for tests that take the database as a fixture."""
    return make_person


@pytest.fixture
def make_world(db: Any) -> Any:
    """`circle_world`: a circle with an owner and `members` more people."""
    return circle_world


@pytest.fixture
def signed_in(make_user: Any) -> Any:
    """A Django test client signed in as a new user (session auth, CSRF not enforced)."""

    def make(user: User | None = None) -> tuple[Client, User]:
        user = user or make_user()
        return client_for(user), user

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


SLOW_MARKERS = ("fuzz", "faults", "load", "lighthouse")
# Slow suites that need no PostgreSQL also run when chosen by name: `pytest -m lighthouse`.
RUN_WHEN_CHOSEN = ("lighthouse",)


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    # The slow suites run once per CI run: `.ci/run` sets SLOW_SUITES=1 for its PostgreSQL
    # pass (the production database) and not for the SQLite one.
    import os
    import re

    from django.conf import settings

    chosen = set(re.findall(r"(?<!not )\b(\w+)\b", config.getoption("markexpr") or ""))
    wanted = os.environ.get("SLOW_SUITES") == "1"
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    if wanted and on_postgres:
        return
    reason = (
        "slow suite: runs with SLOW_SUITES=1 on PostgreSQL (CI's PostgreSQL pass)"
        if not wanted
        else "slow suite: runs on PostgreSQL only (set DATABASE_URL=postgres://...)"
    )
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        slow = {name for name in SLOW_MARKERS if item.get_closest_marker(name)}
        if slow and not (slow & chosen & set(RUN_WHEN_CHOSEN)):
            item.add_marker(skip)

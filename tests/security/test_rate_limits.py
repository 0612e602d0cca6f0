"""Every rate limit answers 429 with `Retry-After` (issue #16): the scopes are enumerated from
the settings, so a new scope without a case here fails the first test."""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from tests.common.world import PASSWORD, circle_world
from tests.conftest import BROWSER, error_codes

pytestmark = pytest.mark.django_db

Call = Callable[[Client, Any], Any]
JSON = "application/json"

# scope -> one request that the scope counts (its answer may be a 4xx: throttles count first).
HITS: dict[str, Call] = {
    "user_or_ip": lambda c, w: c.get("/api/v1/home/"),
    "profile_write": lambda c, w: c.patch("/api/v1/me/", {"display_name": "A"}, content_type=JSON),
    "invite_create": lambda c, w: c.post(
        f"/api/v1/circles/{w.circle.pk}/invites/", {}, content_type=JSON
    ),
    "invite_accept": lambda c, w: c.post("/api/v1/invites/no-such-token/accept/"),
    "checkin_create": lambda c, w: c.post("/api/v1/checkins/", {}, content_type=JSON),
    "nudge": lambda c, w: c.post("/api/v1/checkins/", {"kind": "nudge"}, content_type=JSON),
    "report": lambda c, w: c.post("/api/v1/reports/", {}, content_type=JSON),
    # Rates of their own, in SHOULDER (not in THROTTLE_RATES):
    "invite_guess": lambda c, w: Client().get("/api/v1/invites/no-such-token/"),
    "aftermath_write": lambda c, w: c.put(
        f"/api/v1/notes/{uuid.uuid4()}/reaction/", {"kind": "hug"}, content_type=JSON
    ),
}
OWN_SETTING = {"invite_guess": "INVITE_GUESS_RATE", "aftermath_write": "AFTERMATH_WRITE_RATE"}


def test_every_throttle_scope_is_hit_here() -> None:
    scopes = set(settings.SHOULDER["THROTTLE_RATES"]) | set(OWN_SETTING)
    assert scopes == set(HITS)


@pytest.mark.parametrize("scope", sorted(HITS))
def test_past_its_rate_a_scope_answers_429_with_retry_after(
    scope: str, throttle_rates: Any, settings: Any
) -> None:
    if scope in OWN_SETTING:
        settings.SHOULDER = {**settings.SHOULDER, OWN_SETTING[scope]: "2/hour"}
    else:
        throttle_rates(**{scope: "2/hour"})
    world = circle_world(members=1)
    client = world.client(world.owner)
    hit = HITS[scope]
    for _ in range(2):
        assert hit(client, world).status_code != 429
    res = hit(client, world)
    assert res.status_code == 429, res.content
    assert error_codes(res) == ["throttled"]
    assert int(res.headers["Retry-After"]) > 0


def test_allauth_signup_limit_answers_429(settings: Any) -> None:
    # allauth's own limits (ACCOUNT_RATE_LIMITS); its login limit answers 400
    # `too_many_login_attempts` by design (tests/hardening/test_login_limits.py).
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    client = Client()
    statuses = [
        client.post(
            f"{BROWSER}/auth/signup",
            {"email": f"new{n}@example.com", "password": PASSWORD, "display_name": "N"},
            content_type=JSON,
        )
        for n in range(3)
    ]
    assert [r.status_code for r in statuses] == [401, 401, 429]
    assert int(statuses[-1].headers["Retry-After"]) > 0

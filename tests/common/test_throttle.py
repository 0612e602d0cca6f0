"""The per-person ceiling on every API call counts in fixed windows: one small counter per
person and window, one cache round trip a request (DRF's sliding log read and wrote the
list of every request time in the last period on every call — thousands of floats pickled
both ways for a busy person, the biggest cost of a read in `make bench-api`)."""

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.core.cache import cache

from backend.common.throttling import count_in_window
from tests.common.world import make_person
from tests.conftest import client_for, error_codes

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 1, 2, 0, 10, tzinfo=UTC)


def test_past_the_ceiling_until_the_next_minute_then_allowed_again(throttle_rates: Any) -> None:
    throttle_rates(user_or_ip="3/min")
    client = client_for(make_person())
    with time_machine.travel(START, tick=False) as clock:
        assert [client.get("/api/v1/me/").status_code for _ in range(3)] == [200] * 3
        refused = client.get("/api/v1/me/")
        assert refused.status_code == 429
        assert error_codes(refused) == ["throttled"]
        assert int(refused.headers["Retry-After"]) == 50  # until 02:01:00
        assert refused.json()["errors"][0]["detail"] == (
            "That was a lot at once. Try again in 50 seconds."
        )
        clock.move_to(datetime(2026, 12, 1, 2, 1, 0, tzinfo=UTC))
        assert client.get("/api/v1/me/").status_code == 200


def test_what_is_kept_is_one_number_per_person_and_window(throttle_rates: Any) -> None:
    throttle_rates(user_or_ip="600/min")
    person = make_person()
    client = client_for(person)
    with time_machine.travel(START, tick=False):
        for _ in range(25):
            assert client.get("/api/v1/me/").status_code == 200
        window = int(START.timestamp() // 60)
        assert cache.get(f"throttle_user_or_ip_{person.pk}:{window}") == 25
        # Not the sliding log of request times DRF keeps under the bare key.
        assert cache.get(f"throttle_user_or_ip_{person.pk}") is None


def test_counting_starts_again_when_the_counter_is_gone() -> None:
    assert count_in_window("throttle_test_key", 60) == 1
    assert count_in_window("throttle_test_key", 60) == 2
    cache.delete("throttle_test_key")
    assert count_in_window("throttle_test_key", 60) == 1


def test_the_ceiling_speaks_the_persons_language(throttle_rates: Any) -> None:
    # DRF's own sentence came out half translated ("Solicitud fue regulada (throttled).
    # Expected available in 50 seconds.").
    throttle_rates(user_or_ip="1/min")
    client = client_for(make_person(language="es"))
    with time_machine.travel(START, tick=False):
        assert client.get("/api/v1/me/").status_code == 200
        refused = client.get("/api/v1/me/")
    assert refused.status_code == 429
    assert error_codes(refused) == ["throttled"]
    assert refused.json()["errors"][0]["detail"] == (
        "Han sido muchas cosas a la vez. Vuelve a intentarlo en 50 segundos."
    )

"""Issue #11 item 16: registering someone else's push endpoint must not take it from them."""

from typing import Any

import pytest

from backend.notifications.models import PushSubscription
from tests.conftest import error_codes
from tests.notifications.conftest import Device, subscribe

pytestmark = pytest.mark.django_db
ENDPOINT = "http://127.0.0.1:9/push/victim"


def test_another_persons_endpoint_with_other_keys_is_409_and_stays_theirs(
    signed_in: Any,
) -> None:
    victim_client, victim = signed_in()
    victims_device = Device(ENDPOINT)
    assert subscribe(victim_client, victims_device).status_code == 201

    attacker_client, _ = signed_in()
    res = subscribe(attacker_client, Device(ENDPOINT))  # same endpoint, the attacker's keys

    assert res.status_code == 409, res.content
    assert error_codes(res) == ["subscription_taken"]
    sub = PushSubscription.objects.get()
    assert (sub.user_id, sub.p256dh) == (victim.pk, victims_device.p256dh)


def test_the_same_device_changing_hands_moves_to_the_new_person(signed_in: Any) -> None:
    device = Device(ENDPOINT)
    first_client, _ = signed_in()
    assert subscribe(first_client, device).status_code == 201
    second_client, second = signed_in()

    res = subscribe(second_client, device)  # same endpoint and the very same keys

    assert res.status_code == 201, res.content
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [second.pk]

"""A push delivered shows as "delivered" on the check-in: the requester's polls see it."""

from typing import Any

import pytest

from backend.notifications.models import Delivery
from backend.notifications.tasks import delivery_attempt
from tests.checkins.conftest import CHECKINS, reach_out
from tests.notifications.conftest import PushService, subscribe
from tests.perf.test_conditional import etag, still

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _conditional(settings: Any) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "CONDITIONAL_GET": True}


def test_a_delivered_push_changes_the_requester_s_etag(
    make_world: Any,
    django_capture_on_commit_callbacks: Any,
    push_service: PushService,
    settings: Any,
) -> None:
    settings.SHOULDER = {**settings.SHOULDER, "PUSH_HOSTS": ["127.0.0.1"]}

    def committed(write: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return write()

    world = make_world(members=1)
    friend = world.members[0]
    assert subscribe(world.client(friend), push_service.device("kim")).status_code in (200, 201)
    checkin_id = committed(lambda: reach_out(world, expect=201)).json()["id"]
    url = f"{CHECKINS}{checkin_id}/"
    me = world.client(world.owner)
    tag = etag(me, url)
    [delivery] = Delivery.objects.all()
    assert committed(lambda: delivery_attempt(delivery_id=delivery.pk)) == "delivered"
    assert not still(me, tag, url)

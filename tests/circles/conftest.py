from typing import Any

import pytest

from backend.circles import services
from tests.common.world import CircleWorld


@pytest.fixture
def make_invite() -> Any:
    """An invite's token, made through the service (the API test covers the endpoint)."""

    def make(world: CircleWorld, **kwargs: Any) -> str:
        created = services.invite_create(circle=world.circle, created_by=world.owner, **kwargs)
        return created.token

    return make

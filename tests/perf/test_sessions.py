"""Sessions in the cache with the database behind them (backend.common.sessions)."""

from typing import Any

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.common.helpers import client_for

pytestmark = pytest.mark.django_db

ME = "/api/v1/me/"


@pytest.fixture(autouse=True)
def _cached_sessions(settings: Any) -> None:
    settings.SESSION_ENGINE = "backend.common.sessions"


def _session_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(ME).status_code == 200
    return sum("django_session" in q["sql"] for q in ctx.captured_queries)


def test_a_warm_request_reads_no_session_row(make_user: Any) -> None:
    client = client_for(make_user())
    _session_queries(client)  # the first read may come from the database
    assert _session_queries(client) == 0


class UnreachableCache(LocMemCache):
    """A cache server that is restarting: every read and write fails."""

    def get(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("Redis is restarting")

    set = get


def test_with_the_cache_unreachable_the_session_is_read_from_the_database(
    make_user: Any, settings: Any
) -> None:
    client = client_for(make_user())
    assert client.get(ME).status_code == 200
    settings.CACHES = {
        **settings.CACHES,
        "sessions": {"BACKEND": f"{__name__}.UnreachableCache"},
    }
    settings.SESSION_CACHE_ALIAS = "sessions"
    assert _session_queries(client) == 1


def test_logging_out_ends_the_cached_session(make_user: Any) -> None:
    client = client_for(make_user())
    assert client.get(ME).status_code == 200
    res = client.delete("/_allauth/browser/v1/auth/session")
    assert res.status_code == 401, res.content
    assert client.get(ME).status_code in (401, 403)

"""Sessions read from the cache (Redis) and written through to the database.

Django's `cached_db` engine, with one change: when the cache cannot be reached (Redis
restarting), a session is read from the database instead of failing the request, and the
cache is not written. A warm request then costs no session query; a cold one costs one, as
the plain database engine does. Deleting a session (logging out) still fails loudly when the
cache is down: the cached copy would otherwise outlive the logout.
"""

import logging
from typing import Any

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

logger = logging.getLogger(__name__)


class SessionStore(CachedDBStore):
    def load(self) -> dict[str, Any]:
        try:
            data = self._cache.get(self.cache_key)  # type: ignore[attr-defined]
        except Exception:
            logger.warning("Session cache unreachable; reading the session from the database")
            return self._load_from_db(cache=False)
        if data is None:
            return self._load_from_db(cache=True)
        return data

    def _load_from_db(self, *, cache: bool) -> dict[str, Any]:
        s = self._get_session_from_db()  # type: ignore[attr-defined]
        if not s:
            return {}
        data: dict[str, Any] = self.decode(s.session_data)
        if cache:
            try:
                self._cache.set(  # type: ignore[attr-defined]
                    self.cache_key, data, self.get_expiry_age(expiry=s.expire_date)
                )
            except Exception:
                logger.warning("Session cache unreachable; the session stays uncached")
        return data

    def exists(self, session_key: str) -> bool:
        try:
            return super().exists(session_key)
        except Exception:
            return bool(session_key) and super(CachedDBStore, self).exists(session_key)

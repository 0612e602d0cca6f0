"""Per-person versions for conditional polling (`ETag` / `If-None-Match` → `304`).

Each person has a version: a random token in the cache (Redis), replaced after commit by every
write that changes what the conditional endpoints show them (`bump`). An endpoint decorated
with `backend.common.conditional.conditional_get` answers with an `ETag` (a hash of person,
version and URL) and, while the version stands, answers a matching `If-None-Match` with an
empty 304 before doing any of its own work: the session and the user are all such a poll
loads.

Writes reach `bump` through `track()` (post_save/post_delete of the models each app
registers, with a function naming the people the row concerns) and, for `QuerySet.update()`
and `bulk_create` (which send no signals), by calling `bump` next to them. A new conditional
endpoint must make sure every write behind what it shows does one or the other.

A lost version (Redis restarted or evicted it) is made again at the next read: the next poll
gets a 200. With the cache unreachable nothing answers 304. A per-process cache (no REDIS_URL)
would let one process answer 304 for a write another process saw, so conditional answers are
only on where the knob `CONDITIONAL_GET` says (default: when REDIS_URL is set).
"""

import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from backend.common.conf import shoulder_setting

logger = logging.getLogger(__name__)

KEY_PREFIX = "shoulder:person-version:"
# A version nobody polled for this long is dropped (the next poll makes a new one: one 200).
TIMEOUT_SECONDS = 7 * 24 * 3600


def _key(user_id: Any) -> str:
    return f"{KEY_PREFIX}{user_id}"


def enabled() -> bool:
    return bool(shoulder_setting("CONDITIONAL_GET"))


def current(user_id: Any) -> str | None:
    """This person's version (made if missing); None when the cache cannot be reached."""
    key = _key(user_id)
    try:
        value = cache.get(key)
        if value is None:
            value = secrets.token_hex(8)
            if not cache.add(key, value, TIMEOUT_SECONDS):
                value = cache.get(key) or value
    except Exception:
        logger.warning("Version cache unreachable; answering without ETag")
        return None
    return str(value)


def _bump_now(user_ids: set[str]) -> None:
    try:
        cache.set_many({_key(u): secrets.token_hex(8) for u in user_ids}, TIMEOUT_SECONDS)
    except Exception:
        # Nothing answers 304 while the cache is away, and it comes back without our keys
        # (or with them: then a poll may miss this one write until the next).
        logger.warning("Version cache unreachable; %d versions not bumped", len(user_ids))


def bump(user_ids: Iterable[Any]) -> None:
    """These people see something new once the current transaction commits (nothing to do
    when conditional answers are off: no version is read then)."""
    if not enabled():
        return
    ids = {str(u) for u in user_ids if u is not None}
    if ids:
        transaction.on_commit(lambda: _bump_now(ids), robust=True)


# --- signals, and the writes that send none -----------------------------------------------

Concerned = Callable[[Any], Iterable[Any]]
_concerned_by_rows: dict[type[models.Model], Callable[[models.QuerySet[Any]], Iterable[Any]]] = {}


class TrackedQuerySet(models.QuerySet[Any]):
    """`update()` (and so `bulk_update`) sends no signal: a model whose rows are updated that
    way uses this queryset, and `track(..., rows=)` names the people the updated rows concern."""

    def update(self, **kwargs: Any) -> int:
        concerned = _concerned_by_rows.get(self.model)
        if concerned is not None and enabled():
            rows = self.all()
            rows.query.select_for_update = False  # read only to name the people
            bump(concerned(rows))
        return super().update(**kwargs)


def track(
    model: type[models.Model],
    concerned: Concerned,
    *,
    rows: Callable[[models.QuerySet[Any]], Iterable[Any]] | None = None,
    unseen_fields: frozenset[str] = frozenset(),
) -> None:
    """Bump the versions of `concerned(row)` whenever a row of `model` is saved or deleted
    (and of `rows(queryset)` before a `TrackedQuerySet.update`). A save of `unseen_fields`
    only (`save(update_fields=...)`) is a change nobody sees."""
    if rows is not None:
        _concerned_by_rows[model] = rows

    def on_change(sender: Any, instance: Any, **kwargs: Any) -> None:
        if kwargs.get("raw") or not enabled():
            return  # loading fixtures, or nobody polls conditionally (no query to name people)
        fields = kwargs.get("update_fields")
        if fields and unseen_fields and set(fields) <= unseen_fields:
            return
        bump(concerned(instance))

    uid = f"person-versions:{model._meta.label}"
    post_save.connect(on_change, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=uid)

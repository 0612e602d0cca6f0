"""`conditional_get`: an API view's GET answered 304 while the person's version stands
(see backend.common.versions), and its 200 kept under that version.

The answer cache: a 200 is kept in the cache (Redis) under the person, their version, the
language and the URL, for `ANSWER_CACHE_SECONDS` at most. Every write that changes what the
person sees bumps their version (the same promise the 304 rests on), so a kept answer is never
read again once anything in it changed: the next read builds it anew. The throttle, the
permissions and the person's standing are still checked on every request (DRF's `initial`
runs before the view); only the building of the answer is skipped."""

import hashlib
import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language
from rest_framework.request import Request
from rest_framework.response import Response

from backend.common import versions
from backend.common.conf import shoulder_duration
from backend.common.renderers import ORJSONRenderer

logger = logging.getLogger(__name__)

ANSWER_PREFIX = "shoulder:answer:"


def etag_for(user_id: Any, version: str, path: str) -> str:
    digest = hashlib.blake2b(f"{user_id}|{version}|{path}".encode(), digest_size=12).hexdigest()
    return f'W/"{digest}"'


def _matches(request: HttpRequest, etag: str) -> bool:
    sent = [tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))]
    return etag.removeprefix("W/") in sent


def _mark(response: HttpResponseBase, etag: str) -> None:
    response["ETag"] = etag
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie", "X-Session-Token"))


def _answer_key(request: Request, user_id: Any, version: str) -> str | None:
    """Where this request's answer is kept; None when it isn't (the cache is off, or the
    answer is not the API's plain JSON: an indented or browsable one is built each time)."""
    if shoulder_duration("ANSWER_CACHE_SECONDS").total_seconds() <= 0:
        return None
    renderer = getattr(request, "accepted_renderer", None)
    plain = request.accepted_media_type == "application/json"
    if not isinstance(renderer, ORJSONRenderer) or not plain:
        return None
    # `make bench-api` measures the building too (only where its floors are mounted).
    if settings.BENCH_FLOORS and "X-Bench-Cold" in request.headers:
        return None
    raw = f"{user_id}|{version}|{get_language()}|{request.get_host()}|{request.get_full_path()}"
    return ANSWER_PREFIX + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _answer(key: str | None, build: Callable[[], Response]) -> HttpResponseBase:
    """The kept answer under `key`, or `build()`'s (kept when it is a 200)."""
    if key is None:
        return build()
    try:
        body = cache.get(key)
    except Exception:
        logger.warning("Answer cache unreachable; building the answer")
        return build()
    if body is not None:
        return HttpResponse(body, content_type="application/json")
    response = build()
    if response.status_code == 200 and isinstance(response, Response):
        body = ORJSONRenderer().render(response.data, "application/json")
        try:
            cache.set(key, body, shoulder_duration("ANSWER_CACHE_SECONDS").total_seconds())
        except Exception:
            logger.warning("Answer cache unreachable; answer not kept")
    return response


def conditional_get(view: Callable[..., Response]) -> Callable[..., HttpResponseBase]:
    """For an APIView's `get`: ETag on the 200, an empty 304 while nothing changed for this
    person, and the 200 kept under the version (module docstring). Runs after
    authentication, permissions and throttles (DRF's `initial`)."""

    @wraps(view)
    def wrapper(self: Any, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user_id = getattr(request.user, "pk", None)
        if user_id is None or not versions.enabled():
            return view(self, request, *args, **kwargs)
        # Read before the view: a write while it runs leaves this ETag behind (next poll: 200),
        # and the answer it builds is kept under a version nobody reads again.
        version = versions.current(user_id)
        if version is None:
            return view(self, request, *args, **kwargs)
        etag = etag_for(user_id, version, request.get_full_path())
        response: HttpResponseBase
        if _matches(request, etag):
            response = Response(status=304)
        else:
            key = _answer_key(request, user_id, version)
            response = _answer(key, lambda: view(self, request, *args, **kwargs))
            if response.status_code != 200:
                return response
        _mark(response, etag)
        return response

    wrapper.conditional = True  # type: ignore[attr-defined]
    return wrapper


class ConditionalPollMiddleware:
    """The PWA's polls, answered before the person is loaded: a GET with `If-None-Match` to a
    `conditional_get` view whose ETag still stands is a 304 from the session and the
    version alone (two cache reads; no user row, no DRF, no throttle count). A 304 carries
    nothing but "unchanged since the tag you hold", which only the same session could hold.
    Anything else (no match, a token session of the app, no session) goes on to the view,
    whose decorator answers the same way after DRF's checks."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method == "GET" and "If-None-Match" in request.headers:
            answer = self._not_modified(request)
            if answer is not None:
                return answer
        return self.get_response(request)

    def _not_modified(self, request: HttpRequest) -> HttpResponse | None:
        if "X-Session-Token" in request.headers or not versions.enabled():
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        view_class = getattr(match.func, "view_class", None)
        if not getattr(getattr(view_class, "get", None), "conditional", False):
            return None
        user_id = request.session.get(SESSION_KEY)
        if not user_id:
            return None
        version = versions.current(user_id)
        if version is None:
            return None
        etag = etag_for(user_id, version, request.get_full_path())
        if not _matches(request, etag):
            return None
        response = HttpResponse(status=304)
        _mark(response, etag)
        return response

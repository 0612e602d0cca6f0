"""`conditional_get`: an API view's GET answered 304 while the person's version stands
(see backend.common.versions)."""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from rest_framework.request import Request
from rest_framework.response import Response

from backend.common import versions


def etag_for(user_id: Any, version: str, path: str) -> str:
    digest = hashlib.blake2b(f"{user_id}|{version}|{path}".encode(), digest_size=12).hexdigest()
    return f'W/"{digest}"'


def conditional_get(view: Callable[..., Response]) -> Callable[..., Response]:
    """For an APIView's `get`: ETag on the 200, an empty 304 while nothing changed for this
    person. Runs after authentication, permissions and throttles (DRF's `initial`)."""

    @wraps(view)
    def wrapper(self: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        user_id = getattr(request.user, "pk", None)
        if user_id is None or not versions.enabled():
            return view(self, request, *args, **kwargs)
        # Read before the view: a write while it runs leaves this ETag behind (next poll: 200).
        version = versions.current(user_id)
        if version is None:
            return view(self, request, *args, **kwargs)
        etag = etag_for(user_id, version, request.get_full_path())
        sent = parse_etags(request.headers.get("If-None-Match", ""))
        sent = [tag.removeprefix("W/") for tag in sent]
        if etag.removeprefix("W/") in sent:
            response = Response(status=304)
        else:
            response = view(self, request, *args, **kwargs)
            if response.status_code != 200:
                return response
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ("Cookie", "X-Session-Token"))
        return response

    return wrapper

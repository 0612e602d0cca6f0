"""A cookie the PWA can read that says whether the browser holds a session cookie.

The session cookie is HttpOnly, so the app can't see it. Without a session cookie the
server can only answer "signed out", so the app skips the session check (a 401 that
browsers log as an error) and shows the signed-out screen at once. This cookie mirrors
the session cookie's presence and lifetime, nothing else: its value is always "1", it
names nobody and grants nothing (the session cookie stays the only credential).
"""

from collections.abc import Callable
from typing import Literal, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse

SESSION_HINT_COOKIE = "shoulder_has_session"


def _samesite() -> Literal["Lax", "Strict", "None", False] | None:
    return cast(Literal["Lax", "Strict", "None", False] | None, settings.SESSION_COOKIE_SAMESITE)


def _set_hint(response: HttpResponse, max_age: int | str | None) -> None:
    response.set_cookie(
        SESSION_HINT_COOKIE,
        "1",
        max_age=int(max_age) if max_age not in (None, "") else None,
        path=settings.SESSION_COOKIE_PATH,
        domain=settings.SESSION_COOKIE_DOMAIN,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,
        samesite=_samesite(),
    )


def _delete_hint(response: HttpResponse) -> None:
    response.delete_cookie(
        SESSION_HINT_COOKIE,
        path=settings.SESSION_COOKIE_PATH,
        domain=settings.SESSION_COOKIE_DOMAIN,
        samesite=_samesite(),
    )


def session_hint_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Keeps SESSION_HINT_COOKIE in step with the session cookie. Sits before (outside)
    SessionMiddleware, so it sees the session cookie that middleware sets or deletes."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        name = settings.SESSION_COOKIE_NAME
        had_hint = SESSION_HINT_COOKIE in request.COOKIES
        sent = response.cookies.get(name)
        if sent is not None:
            if sent.value and sent["max-age"] != 0:
                _set_hint(response, sent["max-age"])
            else:
                _delete_hint(response)
        elif name in request.COOKIES and not had_hint:
            age = None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE
            _set_hint(response, age)
        elif name not in request.COOKIES and had_hint:
            _delete_hint(response)
        return response

    return middleware

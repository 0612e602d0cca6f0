from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from django.http import HttpRequest
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request


class SessionTokenAuthentication(XSessionTokenAuthentication):
    """allauth app tokens (`X-Session-Token`) for native clients.

    Listed first so that anonymous requests get a 401 (DRF asks the first
    authenticator for a `WWW-Authenticate` value), and a stale token is a 401
    rather than a silent anonymous request.
    """

    allow_invalid_session_tokens = False

    def authenticate_header(self, request: HttpRequest) -> str:
        return "X-Session-Token"


class CsrfSessionAuthentication(SessionAuthentication):
    """The browser session; a missing or wrong CSRF token answers `csrf_failed` (as Django's
    CSRF_FAILURE_VIEW does for the non-DRF views), not a bare `permission_denied`."""

    def enforce_csrf(self, request: Request) -> None:
        # Imported here: DRF imports this module while `rest_framework.views` (which the
        # error handler needs) is still loading.
        from backend.common.errors import CSRF_FAILED_DETAIL, ErrorCode

        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as exc:
            raise exceptions.PermissionDenied(CSRF_FAILED_DETAIL, ErrorCode.CSRF_FAILED) from exc

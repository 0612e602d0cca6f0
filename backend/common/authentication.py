from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from django.http import HttpRequest


class SessionTokenAuthentication(XSessionTokenAuthentication):
    """allauth app tokens (`X-Session-Token`) for native clients.

    Listed first so that anonymous requests get a 401 (DRF asks the first
    authenticator for a `WWW-Authenticate` value), and a stale token is a 401
    rather than a silent anonymous request.
    """

    allow_invalid_session_tokens = False

    def authenticate_header(self, request: HttpRequest) -> str:
        return "X-Session-Token"

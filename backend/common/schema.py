from typing import Any, ClassVar

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_standardized_errors.openapi import AutoSchema as StandardizedAutoSchema


class AutoSchema(StandardizedAutoSchema):
    """Names nested serializers after their API (`MeApi.OutputSerializer` -> `MeOutput`), and
    documents the errors every view can answer (400, 401, 403, 404, 429, 500)."""

    # drf-standardized-errors adds these only for views whose exception handler is its own;
    # ours wraps it (`common.errors.exception_handler`), so without this the schema listed
    # just the errors a view declared by hand and the fuzzer met undocumented 4xx everywhere.
    _GENERIC_ERRORS: ClassVar[dict[str, str]] = {
        "401": "_should_add_http401_error_response",
        "403": "_should_add_http403_error_response",
        "404": "_should_add_http404_error_response",
        "429": "_should_add_http429_error_response",
        "500": "_should_add_http500_error_response",
    }

    def _should_add_error_response(self, responses: dict[str, Any], status_code: str) -> bool:
        if status_code in responses:
            return False
        if status_code == "400":
            return bool(
                self._should_add_parse_error_response()
                or self._should_add_validation_error_response()
            )
        check = self._GENERIC_ERRORS.get(status_code)
        return bool(check and getattr(self, check)())

    def _get_error_response_serializer(self, status_code: str) -> Any:
        # A 400 is a validation error (any field's code, including our own `invalid_timezone`
        # and the like) or a `client_error` with an app code; a 403 is `permission_denied`,
        # `csrf_failed` or `account_suspended`. The library's per-field and per-status code
        # enums left those out: the one error shape says what is true.
        if status_code in {"400", "403"}:
            from backend.common.apis import ErrorSerializer

            return ErrorSerializer
        return super()._get_error_response_serializer(status_code)

    def get_serializer_name(self, serializer: Any, direction: Any) -> str:
        cls = serializer if isinstance(serializer, type) else type(serializer)
        parts = cls.__qualname__.split(".")
        if len(parts) > 1:
            return parts[0].removesuffix("Api") + parts[-1]
        return super().get_serializer_name(serializer, direction)


class SessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = "backend.common.authentication.SessionTokenAuthentication"
    name = "sessionToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "X-Session-Token"}


class CsrfSessionScheme(SessionScheme):
    """The session cookie, as drf-spectacular documents DRF's own SessionAuthentication."""

    target_class = "backend.common.authentication.CsrfSessionAuthentication"

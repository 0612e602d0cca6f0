"""One error shape for the whole API: {"type", "errors": [{"code", "detail", "attr"}]}.

Services raise `ApplicationError` with a stable code from `ErrorCode`; clients switch on it.
"""

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext, gettext_lazy, ngettext
from drf_standardized_errors.handler import exception_handler as standardized_handler
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error

from backend.common.i18n import Words


class ErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    CSRF_FAILED = "csrf_failed"
    PARSE_ERROR = "parse_error"
    REQUEST_TOO_LARGE = "request_too_large"
    THROTTLED = "throttled"
    SERVER_ERROR = "error"
    REAUTHENTICATION_REQUIRED = "reauthentication_required"
    NOT_READY = "not_ready"


class ApplicationError(exceptions.APIException):
    """A refused operation: a stable machine code and a plain sentence."""

    status_code: int = status.HTTP_400_BAD_REQUEST

    def __init__(
        self,
        code: str,
        detail: Words,
        status_code: int | None = None,
        *,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail=detail, code=code)
        if status_code is not None:
            self.status_code = status_code
        # More top-level fields of the error body (e.g. the id of what is in the way).
        self.extra = extra or {}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, RequestDataTooBig):
        exc = ApplicationError(
            ErrorCode.REQUEST_TOO_LARGE,
            gettext("This request is too large. Send less at once."),
            413,
        )
    elif isinstance(exc, exceptions.Throttled) and getattr(exc, "wait", None) is not None:
        exc = _throttled(exc.wait)  # type: ignore[attr-defined]
    response = standardized_handler(exc, context)  # type: ignore[arg-type]
    if response is not None and isinstance(exc, ApplicationError) and exc.extra:
        response.data.update(exc.extra)
    return response


def _throttled(wait: float) -> exceptions.Throttled:
    """DRF's own sentence ("Request was throttled. Expected available in N seconds.") reads
    coldly, and its wait part is never translated; ours, in the person's language."""
    seconds = max(1, math.ceil(wait))
    detail = ngettext(
        "That was a lot at once. Try again in {seconds} second.",
        "That was a lot at once. Try again in {seconds} seconds.",
        seconds,
    ).format(seconds=seconds)
    refused = exceptions.Throttled(detail=detail)
    refused.wait = seconds  # type: ignore[attr-defined]  # the Retry-After header
    return refused


def error_body(code: str, detail: Words, attr: str | None = None) -> dict[str, Any]:
    return error_body_of([(code, detail, attr)])


def error_body_of(errors: Sequence[tuple[str, Words, str | None]]) -> dict[str, Any]:
    """The error shape with several `(code, detail, attr)` errors."""
    server = {ErrorCode.SERVER_ERROR, ErrorCode.NOT_READY}
    kind = "server_error" if any(code in server for code, _, _ in errors) else "client_error"
    return {
        "type": kind,
        "errors": [{"code": code, "detail": detail, "attr": attr} for code, detail, attr in errors],
    }


CSRF_FAILED_DETAIL = gettext_lazy(
    "This request was missing its security token. Reload the page and try again."
)


def csrf_failure(request: HttpRequest, reason: str = "") -> JsonResponse:
    return JsonResponse(error_body(ErrorCode.CSRF_FAILED, CSRF_FAILED_DETAIL), status=403)

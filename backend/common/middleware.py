"""Errors raised before a view can answer in the API's shape (allauth's views parse their
own bodies, and Django raises RequestDataTooBig from `request.body`)."""

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext

from backend.common.errors import ErrorCode, error_body

# allauth's own rate limits answer 429 without saying when to retry; its windows run from
# minutes to an hour, so a client is told to come back in a minute and try again.
ALLAUTH_RETRY_AFTER_SECONDS = 60


class ApiErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 429 and "Retry-After" not in response:
            response["Retry-After"] = str(ALLAUTH_RETRY_AFTER_SECONDS)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RequestDataTooBig):
            return JsonResponse(
                error_body(
                    ErrorCode.REQUEST_TOO_LARGE,
                    gettext("This request is too large. Send less at once."),
                ),
                status=413,
            )
        if isinstance(exception, RecursionError) and request.content_type == "application/json":
            # The JSON decoder's answer to nesting too deep (allauth catches only
            # JSONDecodeError); a view's own recursion bug on a JSON request shows up here
            # too, and is logged as one.
            return JsonResponse(
                error_body(ErrorCode.PARSE_ERROR, gettext("JSON parse error - nested too deeply.")),
                status=400,
            )
        return None

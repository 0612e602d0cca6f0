from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from backend.common.errors import ErrorCode, error_body, error_body_of
from backend.common.readiness import readiness_problems


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers. With `?deep=1`, also 503 (in the error shape) when
    background work is more than a minute overdue: a process runner or load balancer can
    tell a worker that stopped from one that is idle."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        if request.GET.get("deep"):
            body = error_body(ErrorCode.NOT_READY, "The database does not answer.", "database")
            return JsonResponse(body, status=503)
        return JsonResponse({"status": "unavailable"}, status=503)
    if request.GET.get("deep"):
        problems = readiness_problems()
        if problems:
            errors: list[tuple[str, str, str | None]] = [
                (ErrorCode.NOT_READY, text, name) for name, text in problems.items()
            ]
            return JsonResponse(error_body_of(errors), status=503)
    return JsonResponse({"status": "ok"})


def api_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return JsonResponse(
        error_body(ErrorCode.NOT_FOUND, gettext("There is nothing here. Check the address.")),
        status=404,
    )

"""The two floors `make bench-api` measures every API read against, mounted only when
`BENCH_FLOORS` is on (never in production; see settings): what any Django view costs in this
process, and what it costs once the session and the signed-in person are loaded."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, path


def bare_floor(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def signed_in_floor(request: HttpRequest) -> HttpResponse:
    user = request.user  # the session row, then the user row; nothing else
    if not user.is_authenticated:
        return JsonResponse({"status": "signed_out"}, status=401)
    return JsonResponse({"id": str(user.pk)})


urlpatterns: list[URLPattern] = [
    path("bench/floor/bare", bare_floor, name="bench-floor-bare"),
    path("bench/floor/signed-in", signed_in_floor, name="bench-floor-signed-in"),
]

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie

NOT_BUILT = (
    "<!doctype html><title>Shoulder</title><p>The app is not built yet. "
    "Run <code>make run</code> (it builds the frontend) and reload.</p>"
)


@cache
def _index_html(path: Path, mtime: float) -> str:
    return path.read_text(encoding="utf-8")


def load_index_html() -> str | None:
    path = Path(settings.FRONTEND_DIST) / "index.html"
    try:
        return _index_html(path, path.stat().st_mtime)
    except FileNotFoundError:
        return None


@never_cache
@ensure_csrf_cookie
def spa_index(request: HttpRequest, path: str = "") -> HttpResponse:
    """index.html for `/` and every client-side route, so deep links and refreshes work."""
    html = load_index_html()
    if html is None:
        return HttpResponse(NOT_BUILT, status=503)
    return HttpResponse(html, content_type="text/html; charset=utf-8")

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from backend.common.i18n import supported_language


class PersonLanguageMiddleware:
    """A signed-in person hears Shoulder in the language of their profile, whatever the
    browser says (LocaleMiddleware, before this, picked it from Accept-Language)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = supported_language(getattr(user, "language", None))
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)

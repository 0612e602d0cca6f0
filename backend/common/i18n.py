"""Languages: which one a request, a person or a message is in.

Everything a person reads is written with Django's gettext; what goes out to someone else
(a push, an email) is rendered in the *recipient's* language with `in_language`."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def supported_language(code: str | None) -> str:
    """`code` if Shoulder speaks it (or its base language: es-MX → es), else the default."""
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return str(settings.LANGUAGE_CODE)


@contextmanager
def in_language(code: str | None) -> Iterator[str]:
    """Render what is inside in `code` (a person's `language`), whatever the request's is."""
    language = supported_language(code)
    with translation.override(language):
        yield language

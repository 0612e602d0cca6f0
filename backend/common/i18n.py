"""Languages: which one a request, a person or a message is in.

Everything a person reads is written with Django's gettext; what goes out to someone else
(a push, an email) is rendered in the *recipient's* language with `in_language`."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise, lazy

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    StrPromise = _StrPromise
else:
    StrPromise = Promise

# Words rendered later, in the language of whoever reads them: a plain str or a lazy one.
Words = str | StrPromise


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


def lazy_join(separator: str, parts: Iterable[Words]) -> StrPromise:
    """`separator.join(parts)` that stays lazy: each part is rendered only when the whole is
    (so a push body made of translated sentences comes out in each recipient's language)."""
    items = list(parts)
    return cast(StrPromise, _lazy_str(lambda: separator.join(str(part) for part in items)))


def _render(make: Callable[[], str]) -> str:
    return make()


_lazy_str = lazy(_render, str)


def lazy_date(moment: dt.date) -> StrPromise:
    """A day like "01 Dec 2026", with the month's name in the language it is rendered in."""
    return cast(StrPromise, _lazy_str(lambda: date_format(moment, "d M Y")))

"""Stable error codes of the aftermath API; clients switch on these."""

from enum import StrEnum

from django.utils.translation import gettext as _
from rest_framework import status

from backend.common.errors import ApplicationError, ErrorCode


class AftermathErrorCode(StrEnum):
    AUTHOR_ONLY = "author_only"
    PARTICIPANTS_ONLY = "participants_only"
    SESSION_NOT_OVER = "session_not_over"
    NOT_A_SESSION = "not_a_session"
    NOTHING_TO_CHANGE = "nothing_to_change"
    NOT_IN_CIRCLE = "not_in_circle"


def author_only() -> ApplicationError:
    return ApplicationError(
        AftermathErrorCode.AUTHOR_ONLY,
        _("Only the person who wrote this note can change or delete it."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def participants_only() -> ApplicationError:
    return ApplicationError(
        AftermathErrorCode.PARTICIPANTS_ONLY,
        _("Only the people who were there can write notes about this time."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def not_in_circle() -> ApplicationError:
    return ApplicationError(
        AftermathErrorCode.NOT_IN_CIRCLE,
        _(
            "You're no longer in this circle, so this note can't be changed. "
            "You can still delete it."
        ),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def session_not_over() -> ApplicationError:
    return ApplicationError(
        AftermathErrorCode.SESSION_NOT_OVER,
        _("This time together isn't over yet. Notes can be written once it has closed."),
        status_code=status.HTTP_409_CONFLICT,
    )


def not_a_session() -> ApplicationError:
    return ApplicationError(
        AftermathErrorCode.NOT_A_SESSION,
        _("Notes are for time spent together after a reach-out; this check-in can't have any."),
        status_code=status.HTTP_409_CONFLICT,
    )


def nothing_to_change() -> ApplicationError:
    return ApplicationError(
        AftermathErrorCode.NOTHING_TO_CHANGE,
        _("Send a new body or audience to change the note."),
    )


def not_found(detail: str) -> ApplicationError:
    """Not there, or not the user's to see: the same answer, so existence does not leak."""
    return ApplicationError(ErrorCode.NOT_FOUND, detail, status_code=status.HTTP_404_NOT_FOUND)

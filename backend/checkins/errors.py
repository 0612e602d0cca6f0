"""Stable error codes of the check-ins API; clients switch on these."""

from enum import StrEnum
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import status

from backend.common.errors import ApplicationError, ErrorCode


class CheckinErrorCode(StrEnum):
    OPEN_REACH_OUT_EXISTS = "open_reach_out_exists"
    CHECKIN_NOT_OPEN = "checkin_not_open"
    ALREADY_CLOSED = "already_closed"
    CANCEL_WINDOW_PASSED = "cancel_window_passed"
    REQUESTER_ONLY = "requester_only"
    NOT_ASKED = "not_asked"
    NOT_A_NUDGE = "not_a_nudge"
    TOO_MANY_SCHEDULED = "too_many_scheduled"
    SCHEDULED_TOO_CLOSE = "scheduled_too_close"
    NUDGE_LIMIT = "nudge_limit"
    NOT_THERE = "not_there"
    OFFER_ALREADY_ACCEPTED = "offer_already_accepted"
    OFFER_ENDED = "offer_ended"
    NOT_A_SESSION = "not_a_session"
    SESSION_NOT_OVER = "session_not_over"
    ALREADY_ASKED_AGAIN = "already_asked_again"
    ALREADY_ASKED = "already_asked"
    # Validation codes (400, with `attr` naming the field).
    EMPTY_AUDIENCE = "empty_audience"
    NOT_IN_CIRCLE = "not_in_circle"
    NUDGE_NEEDS_ONE = "nudge_needs_one"
    INVALID_ANSWER = "invalid_answer"
    REQUIRED = "required"
    NOT_IN_FUTURE = "not_in_future"
    TOO_FAR_AHEAD = "too_far_ahead"
    NOT_ALLOWED = "not_allowed"


def open_reach_out_exists(checkin_id: UUID) -> ApplicationError:
    """Names the open one: the error body carries its id as `checkin_id`."""
    return ApplicationError(
        CheckinErrorCode.OPEN_REACH_OUT_EXISTS,
        _(
            "You already have an open reach-out. Your friends can still see it; "
            "close it when you're okay, or add to it there."
        ),
        status_code=status.HTTP_409_CONFLICT,
        extra={"checkin_id": str(checkin_id)},
    )


def not_found() -> ApplicationError:
    """Not there, or not the user's to see: the same answer, so existence does not leak."""
    return ApplicationError(
        ErrorCode.NOT_FOUND,
        _("There is no such check-in, or it isn't yours to see."),
        status_code=status.HTTP_404_NOT_FOUND,
    )


def invalid(field: str, code: CheckinErrorCode, message: str) -> ValidationError:
    """A 400 naming the field: comes out as {"code", "detail", "attr": field}."""
    return ValidationError({field: ValidationError(message, code=code)})


def not_open() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.CHECKIN_NOT_OPEN,
        _("This check-in isn't open any more."),
        status_code=status.HTTP_409_CONFLICT,
    )


def already_closed() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.ALREADY_CLOSED,
        _("This check-in is already closed."),
        status_code=status.HTTP_409_CONFLICT,
    )


def cancel_window_passed() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.CANCEL_WINDOW_PASSED,
        _(
            "It's too late to take this back: your friends have seen it. "
            'Tap "I\'m okay now" to close it instead.'
        ),
        status_code=status.HTTP_409_CONFLICT,
    )


def requester_only() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.REQUESTER_ONLY,
        _("Only the person who reached out can do this."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def not_asked() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.NOT_ASKED,
        _("Only the friends who were asked can answer this."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def not_a_nudge() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.NOT_A_NUDGE,
        _('You can only reach back from a "thinking of you" nudge.'),
        status_code=status.HTTP_409_CONFLICT,
    )


def too_many_scheduled(limit: int) -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.TOO_MANY_SCHEDULED,
        _(
            "You already have {limit} check-ins waiting to be sent. Cancel one, or wait until "
            "the next one has gone out."
        ).format(limit=limit),
        status_code=status.HTTP_409_CONFLICT,
    )


def scheduled_too_close(checkin_id: UUID, minutes: int) -> ApplicationError:
    """Names the waiting check-on-me in the way: the body carries its id as `checkin_id`."""
    return ApplicationError(
        CheckinErrorCode.SCHEDULED_TOO_CLOSE,
        _(
            "You already asked to be checked on within {minutes} minutes of that time. "
            "Pick another time, or change the one you have."
        ).format(minutes=minutes),
        status_code=status.HTTP_409_CONFLICT,
        extra={"checkin_id": str(checkin_id)},
    )


class NudgeLimit(ApplicationError):
    """429 with `Retry-After` (the error handler reads `wait`, as for DRF's throttles)."""

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(
            CheckinErrorCode.NUDGE_LIMIT,
            _(
                "Your friend has had a few “thinking of you”s today already. "
                "Try again tomorrow, or reach out another way."
            ),
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
        )
        self.wait = max(1, wait_seconds)


def not_there() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.NOT_THERE,
        _("Only a friend who answered that they're coming, calling or texting can do this."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def offer_not_found() -> ApplicationError:
    return ApplicationError(
        ErrorCode.NOT_FOUND,
        _("There is no such offer, or it isn't yours to see."),
        status_code=status.HTTP_404_NOT_FOUND,
    )


def offer_already_accepted() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.OFFER_ALREADY_ACCEPTED,
        _("You already said “of course”: you're sharing this time together."),
        status_code=status.HTTP_409_CONFLICT,
    )


def offer_ended() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.OFFER_ENDED,
        _("This offer has ended: your friend isn't in this circle any more."),
        status_code=status.HTTP_409_CONFLICT,
    )


def not_a_session() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.NOT_A_SESSION,
        _("This only works from a time you were there for someone."),
        status_code=status.HTTP_409_CONFLICT,
    )


def session_not_over() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.SESSION_NOT_OVER,
        _("This time together isn't over yet. You can ask to share too while it lasts."),
        status_code=status.HTTP_409_CONFLICT,
    )


def already_asked_again() -> ApplicationError:
    return ApplicationError(
        CheckinErrorCode.ALREADY_ASKED_AGAIN,
        _(
            "You already asked them again. They'll see it when they can; you could ask someone "
            "else too, or find help now."
        ),
        status_code=status.HTTP_409_CONFLICT,
    )

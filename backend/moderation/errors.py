"""Stable error codes of the moderation API; clients switch on these."""

from enum import StrEnum

from django.utils.translation import gettext as _
from rest_framework import status

from backend.common.errors import ApplicationError


class ModerationErrorCode(StrEnum):
    MODERATORS_ONLY = "moderators_only"
    NO_SUCH_TARGET = "no_such_target"
    NOT_HIDEABLE = "not_hideable"
    NO_PERSON = "no_person"
    SUSPEND_UNTIL_REQUIRED = "suspend_until_required"
    REPORT_ALREADY_RESOLVED = "report_already_resolved"
    ALREADY_APPEALED = "already_appealed"
    APPEAL_WINDOW_CLOSED = "appeal_window_closed"
    NOT_APPEALABLE = "not_appealable"
    APPEAL_ALREADY_DECIDED = "appeal_already_decided"
    NOT_SHOWN_TO_CIRCLE = "not_shown_to_circle"


def moderators_only() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.MODERATORS_ONLY,
        _("Only moderators can do this."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def no_such_target() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.NO_SUCH_TARGET,
        _("What was reported is gone, so there is nothing left to change."),
        status_code=status.HTTP_409_CONFLICT,
    )


def not_hideable() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.NOT_HIDEABLE,
        _("Only a note or a check-in's message can be hidden or restored."),
    )


def no_person() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.NO_PERSON,
        _("There is no account behind this to act on any more."),
        status_code=status.HTTP_409_CONFLICT,
    )


def suspend_until_required() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.SUSPEND_UNTIL_REQUIRED,
        _("Pick when the suspension ends: a time in the future."),
    )


def already_appealed() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.ALREADY_APPEALED,
        _("You've already appealed this. A moderator will look at it."),
        status_code=status.HTTP_409_CONFLICT,
    )


def appeal_window_closed() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.APPEAL_WINDOW_CLOSED,
        _("The 20 days to appeal this have passed."),
        status_code=status.HTTP_410_GONE,
    )


def not_appealable() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.NOT_APPEALABLE,
        _("A ban can't be appealed here."),
        status_code=status.HTTP_409_CONFLICT,
    )


def appeal_already_decided() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.APPEAL_ALREADY_DECIDED,
        _("This appeal was already decided."),
        status_code=status.HTTP_409_CONFLICT,
    )


def not_shown_to_circle() -> ApplicationError:
    return ApplicationError(
        ModerationErrorCode.NOT_SHOWN_TO_CIRCLE,
        _("Only a note shared with the whole circle can be removed by the circle's owner."),
        status_code=status.HTTP_403_FORBIDDEN,
    )

"""Stable error codes of the circles API; clients switch on these."""

from enum import StrEnum

from django.utils.translation import gettext as _
from rest_framework import status

from backend.common.errors import ApplicationError


class CircleErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    OWNER_ONLY = "owner_only"
    OWNER_MUST_TRANSFER = "owner_must_transfer"
    NOT_A_MEMBER = "not_a_member"
    ALREADY_OWNER = "already_owner"
    INVITE_NOT_FOUND = "invite_not_found"
    INVITE_EXPIRED = "invite_expired"
    INVITE_REVOKED = "invite_revoked"
    INVITE_USED_UP = "invite_used_up"
    ALREADY_MEMBER = "already_member"
    CIRCLE_FULL = "circle_full"
    REMOVED_FROM_CIRCLE = "removed_from_circle"
    JOIN_REQUEST_PENDING = "join_request_pending"
    JOIN_REQUEST_REJECTED = "join_request_rejected"
    JOIN_REQUEST_DECIDED = "join_request_decided"
    CANNOT_BLOCK_SELF = "cannot_block_self"
    DUPLICATE_CIRCLE = "duplicate_circle"
    INVITE_EMAIL_LIMIT = "invite_email_limit"
    TOO_MANY_USES = "too_many_uses"


def not_found(detail: str) -> ApplicationError:
    """404 for anything this person may not see: existence never leaks."""
    return ApplicationError(
        CircleErrorCode.NOT_FOUND, detail, status_code=status.HTTP_404_NOT_FOUND
    )


def owner_only() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.OWNER_ONLY,
        _("Only the circle's owner can do this."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def invite_not_found() -> ApplicationError:
    # Also the answer when a block stands between the person and the inviter or owner,
    # so a block is never revealed.
    return ApplicationError(
        CircleErrorCode.INVITE_NOT_FOUND,
        _("This invite link doesn't work. Check that you copied all of it, or ask for a new one."),
        status_code=status.HTTP_404_NOT_FOUND,
    )


def invite_expired() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.INVITE_EXPIRED,
        _("This invite has expired. Ask the person who invited you for a new one."),
        status_code=status.HTTP_410_GONE,
    )


def invite_revoked() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.INVITE_REVOKED,
        _("This invite was withdrawn. Ask the person who invited you for a new one."),
        status_code=status.HTTP_410_GONE,
    )


def invite_used_up() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.INVITE_USED_UP,
        _("This invite has already been used. Ask the person who invited you for a new one."),
        status_code=status.HTTP_410_GONE,
    )


def already_member() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.ALREADY_MEMBER,
        _("You're already in this circle."),
        status_code=status.HTTP_409_CONFLICT,
    )


def circle_full() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.CIRCLE_FULL,
        _("This circle is full. Circles stay small on purpose; ask the owner about it."),
        status_code=status.HTTP_409_CONFLICT,
    )


def removed_from_circle() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.REMOVED_FROM_CIRCLE,
        _(
            "This invite no longer works for you. If that feels wrong, "
            "ask the owner for a new invite."
        ),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def join_request_pending() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.JOIN_REQUEST_PENDING,
        _("You've already asked to join. The owner will look at it."),
        status_code=status.HTTP_409_CONFLICT,
    )


def join_request_rejected() -> ApplicationError:
    return ApplicationError(
        CircleErrorCode.JOIN_REQUEST_REJECTED,
        _(
            "This invite no longer works for you. If that feels wrong, "
            "ask the owner for a new invite."
        ),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def invite_email_limit(wait_seconds: int) -> ApplicationError:
    error = ApplicationError(
        CircleErrorCode.INVITE_EMAIL_LIMIT,
        _(
            "You've sent as many invite emails as a day allows. Share the link another way "
            "(copy it or show the QR code), or send the email later."
        ),
        status_code=status.HTTP_429_TOO_MANY_REQUESTS,
    )
    error.wait = wait_seconds  # type: ignore[attr-defined]  # the Retry-After header
    return error

"""Suspension, enforced once for the whole API (in `DEFAULT_PERMISSION_CLASSES`)."""

from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from backend.accounts.models import User

SUSPENDED_CODE = "account_suspended"
# What a suspended person may still write: appeal, take this device off their account, and
# delete the account.
# Signing out is allauth's, outside this API.
ALLOWED_WHILE_SUSPENDED = frozenset(
    {("strike-appeal", "POST"), ("push-subscriptions", "DELETE"), ("me", "DELETE")}
)


def suspended_until(user: Any) -> Any:
    """The end of `user`'s suspension, or None when they are not suspended now."""
    until = getattr(user, "is_suspended_until", None)
    if until is not None and until > timezone.now():
        return until
    return None


class NotSuspended(BasePermission):
    """A suspended person can sign in, read, see why and until when, and appeal; every other
    write answers 403 `account_suspended`."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if request.method in SAFE_METHODS or not isinstance(user, User):
            return True
        until = suspended_until(user)
        if until is None:
            return True
        match = request.resolver_match
        if match is not None and (match.url_name, request.method) in ALLOWED_WHILE_SUSPENDED:
            return True
        # Not `ApplicationError`: this module loads with DRF's settings, before its views.
        raise PermissionDenied(
            gettext(
                "Your account is suspended until {until} UTC. You can still read, "
                "and appeal if you think this is wrong."
            ).format(until=date_format(until, "d F Y, H:i")),
            code=SUSPENDED_CODE,
        )

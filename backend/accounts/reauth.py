"""Recent authentication for our own sensitive endpoints (export, deletion).

allauth guards its own (email, password, MFA changes) and answers 401 with a
`reauthenticate` flow pending. Ours answer 403 `reauthentication_required` in the API's error
shape, with the flows allauth offers for reauthenticating, so a client can tell the two apart
and ask once ("Confirm it's you"), then retry.
"""

import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.internal.flows.reauthentication import get_reauthentication_flows
from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from rest_framework import status

from backend.accounts.models import User
from backend.common.errors import ApplicationError, ErrorCode

REAUTH_DETAIL = gettext_lazy("Please confirm it's you first: enter your password again.")


def recently_authenticated(request: HttpRequest, user: User) -> bool:
    """A login or a reauthentication (password, code, passkey, second factor) in this session
    within `ACCOUNT_REAUTHENTICATION_TIMEOUT` seconds."""
    records = get_authentication_records(request, user)
    if not records:
        return False
    latest = max(float(record.get("at", 0)) for record in records)
    return time.time() - latest < account_settings.REAUTHENTICATION_TIMEOUT


def require_recent_authentication(request: HttpRequest, user: User) -> None:
    if recently_authenticated(request, user):
        return
    flows: list[dict[str, Any]] = get_reauthentication_flows(user)
    raise ApplicationError(
        ErrorCode.REAUTHENTICATION_REQUIRED,
        REAUTH_DETAIL,
        status.HTTP_403_FORBIDDEN,
        extra={"flows": flows},
    )

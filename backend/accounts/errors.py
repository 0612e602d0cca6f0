"""Stable error codes of the accounts API; clients switch on these."""

from enum import StrEnum


class AccountErrorCode(StrEnum):
    INVALID_TIMEZONE = "invalid_timezone"
    INVALID_PHONE = "invalid_phone"

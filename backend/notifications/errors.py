"""Stable error codes of the notifications API; clients switch on these."""

from enum import StrEnum


class NotificationErrorCode(StrEnum):
    PUSH_SUBSCRIPTION_CONFLICT = "push_subscription_conflict"
    SUBSCRIPTION_TAKEN = "subscription_taken"
    PUSH_NOT_SUBSCRIBED = "push_not_subscribed"
    QUIET_HOURS_EMPTY = "quiet_hours_empty"
    PUSH_KEY_INVALID = "push_key_invalid"
    PUSH_AUTH_INVALID = "push_auth_invalid"
    PUSH_ENDPOINT_NOT_ALLOWED = "push_endpoint_not_allowed"

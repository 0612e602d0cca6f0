"""Checks on what a browser hands us: push keys and the endpoint we will POST to (no SSRF)."""

import base64
import binascii
import ipaddress
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from backend.notifications import conf
from backend.notifications.errors import NotificationErrorCode

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


def b64url_decode(value: str) -> bytes:
    """Decode URL-safe base64 with or without padding (browsers send it without)."""
    text = value.strip()
    if not text or any(c not in _B64URL for c in text.rstrip("=")):
        raise ValueError("not URL-safe base64")
    return base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))


_B64URL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def validate_p256dh(value: str) -> None:
    try:
        raw = b64url_decode(value)
        if len(raw) != 65 or raw[0] != 4:
            raise ValueError("not an uncompressed point")
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except (ValueError, binascii.Error) as exc:
        raise ValidationError(
            gettext("This device's push key is not a valid P-256 public key."),
            code=NotificationErrorCode.PUSH_KEY_INVALID,
        ) from exc


# The last millisecond of year 9999: later than any expiry a push service sets, and the
# latest instant a Python datetime (and so the database column) can hold.
MAX_EXPIRATION_MS = 253_402_300_799_999


def validate_auth_secret(value: str) -> None:
    try:
        raw = b64url_decode(value)
    except (ValueError, binascii.Error):
        raw = b""
    if len(raw) != 16:
        raise ValidationError(
            gettext("This device's push auth secret must be 16 bytes."),
            code=NotificationErrorCode.PUSH_AUTH_INVALID,
        )


def _host_allowed(host: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                return True
        elif host == pattern:
            return True
    return False


def endpoint_allowed(url: str) -> bool:
    if any(c.isspace() or c == "\\" for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return False
    if not host or parts.username is not None or parts.password is not None:
        return False
    if parts.scheme == "https" and port in (None, 443) and _host_allowed(host, conf.push_hosts()):
        return True
    if conf.is_production():
        return False
    # Local mode: a push service on this machine, so delivery can be tested end to end.
    if parts.scheme not in ("http", "https"):
        return False
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_push_endpoint(value: str) -> None:
    if not endpoint_allowed(value):
        raise ValidationError(
            gettext("Notifications can only be sent through a known push service."),
            code=NotificationErrorCode.PUSH_ENDPOINT_NOT_ALLOWED,
        )

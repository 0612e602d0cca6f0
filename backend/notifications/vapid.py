"""VAPID keys: from the environment in production, else from `var/vapid.json`.

The file is created on first use so a fresh clone (and its tests) can push without setup;
`manage.py ensure_vapid_keys` creates it up front.
"""

import contextlib
import functools
import json
import os
import re
import tempfile
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from py_vapid import Vapid
from py_vapid.utils import b64urlencode

from backend.notifications import conf


@dataclass(frozen=True)
class VapidKeys:
    private_key: str  # URL-safe base64 of the raw 32-byte private scalar
    public_key: str  # URL-safe base64 of the uncompressed P-256 point (65 bytes), no padding
    subject: str  # mailto: or https: contact the push services may use

    @functools.cached_property
    def signer(self) -> Vapid:
        return Vapid.from_string(self.private_key)


def key_file() -> Path:
    return Path(settings.VAR_DIR) / "vapid.json"


def default_subject() -> str:
    _, address = parseaddr(getattr(settings, "DEFAULT_FROM_EMAIL", ""))
    return f"mailto:{address or 'hello@shoulder.localhost'}"


def _public_from(vapid: Vapid) -> str:
    point = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return str(b64urlencode(point))


def generate_keys(subject: str | None = None) -> VapidKeys:
    vapid = Vapid()
    vapid.generate_keys()
    raw = vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
    return VapidKeys(
        private_key=str(b64urlencode(raw)),
        public_key=_public_from(vapid),
        subject=subject or default_subject(),
    )


def ensure_key_file(path: Path | None = None) -> bool:
    """Create the key file when it is missing; True when this call created it.

    Written to a temporary file and hard-linked into place, so concurrent first runs
    (web server, worker, parallel tests) agree on one key pair.
    """
    path = path or key_file()
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = generate_keys()
    body = json.dumps(
        {"private_key": keys.private_key, "public_key": keys.public_key, "subject": keys.subject}
    )
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vapid-")
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(body)
        os.chmod(tmp, 0o600)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return True


@functools.lru_cache(maxsize=4)
def _load(private: str, public: str, subject: str, path: str) -> VapidKeys:
    if private:
        try:
            signer = Vapid.from_string(private)
        except Exception as exc:
            raise ImproperlyConfigured("VAPID_PRIVATE_KEY is not a P-256 private key.") from exc
        derived = _public_from(signer)
        if public and public.rstrip("=") != derived:
            raise ImproperlyConfigured("VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY.")
        return VapidKeys(private_key=private, public_key=derived, subject=subject)
    data = json.loads(Path(path).read_text())
    return VapidKeys(
        private_key=data["private_key"],
        public_key=data["public_key"],
        subject=subject or data.get("subject") or default_subject(),
    )


def keys_configured() -> bool:
    """True when the keys come from the settings (the environment), not from var/."""
    return bool(conf.vapid_setting("PRIVATE_KEY"))


def get_vapid_keys() -> VapidKeys:
    private = conf.vapid_setting("PRIVATE_KEY")
    subject = conf.vapid_setting("SUBJECT")
    if subject and not re.match(r"^(mailto:.+@.+|https://.+)$", subject):
        raise ImproperlyConfigured("VAPID_SUBJECT must be a mailto: or https: URL.")
    path = key_file()
    if not private:
        ensure_key_file(path)
    return _load(private, conf.vapid_setting("PUBLIC_KEY"), subject or "", str(path))

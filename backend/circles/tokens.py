"""Invite tokens: random, shown once, stored only as a sha256 digest.

The email task needs the token to build the link, but task arguments are stored in the
task queue's table; so the token travels sealed (Fernet, key derived from SECRET_KEY),
and a copy of the database alone never yields a usable link.
"""

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet
from django.conf import settings

TOKEN_BYTES = 32  # 256 bits


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _fernet() -> Fernet:
    digest = hashlib.sha256(b"shoulder.circles.invite-email:" + settings.SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(digest.digest()))


def seal_token(token: str) -> str:
    return _fernet().encrypt(token.encode()).decode()


def unseal_token(sealed: str) -> str:
    return _fernet().decrypt(sealed.encode()).decode()


def invite_path(token: str) -> str:
    return f"/invite/{token}"

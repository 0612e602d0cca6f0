"""allauth.mfa with its secrets (TOTP keys, recovery-code seeds) encrypted at rest."""

import base64
from functools import cache

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


@cache
def _fernet(key_material: str) -> Fernet:
    # Any string (a passphrase or a Fernet key) becomes a 32-byte Fernet key; the `info`
    # keeps this key apart from anything else ever derived from the same material.
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"shoulder.mfa.secrets"
    ).derive(key_material.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def mfa_fernet() -> Fernet:
    return _fernet(settings.MFA_ENCRYPTION_KEY)


class MFAAdapter(DefaultMFAAdapter):
    """Strict: a row that is not a token of this key (plaintext, another key) fails loudly
    with `cryptography.fernet.InvalidToken` rather than being used as a secret."""

    def encrypt(self, text: str) -> str:
        return mfa_fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return mfa_fernet().decrypt(encrypted_text.encode()).decode()

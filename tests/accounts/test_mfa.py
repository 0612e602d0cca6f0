"""Two-factor through allauth's headless endpoints: TOTP, recovery codes, encryption at rest,
the admin and the security emails."""

import time
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from cryptography.fernet import InvalidToken
from django.core import mail
from django.test import Client

from backend.accounts.mfa import MFAAdapter
from backend.accounts.models import User
from tests.common.helpers import add_totp, client_for
from tests.common.world import PASSWORD
from tests.conftest import BROWSER

pytestmark = pytest.mark.django_db


def totp_code(secret: str, at: float | None = None) -> str:
    return format_hotp_value(hotp_value(secret, int(at or time.time()) // 30))


def post(client: Client, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(f"{BROWSER}{path}", body or {}, content_type="application/json")


def log_in(client: Client, email: str) -> Any:
    return post(client, "/auth/login", {"email": email, "password": PASSWORD})


def flows(res: Any) -> list[str]:
    """The flows allauth offers (a reauthentication 401 lists the ways to confirm)."""
    return [f["id"] for f in res.json()["data"]["flows"]]


def pending(res: Any) -> list[str]:
    return [f["id"] for f in res.json()["data"]["flows"] if f.get("is_pending")]


def reauthenticate(client: Client) -> None:
    """Confirm the password again: every change to a second factor asks for it (even right
    after logging in, allauth counts only an explicit confirmation)."""
    res = post(client, "/auth/reauthenticate", {"password": PASSWORD})
    assert res.status_code == 200, res.content


def enrol_totp(client: Client) -> str:
    """The page's steps: ask for a new secret, confirm it with a code; returns the secret."""
    res = client.get(f"{BROWSER}/account/authenticators/totp")
    assert res.status_code == 404, res.content  # none yet: here is a secret to scan
    meta = res.json()["meta"]
    secret = meta["secret"]
    assert meta["totp_url"].startswith("otpauth://totp/")
    assert f"secret={secret}" in meta["totp_url"]
    code = totp_code(secret)
    res = post(client, "/account/authenticators/totp", {"code": code})
    assert res.status_code == 401  # not confirmed yet
    assert "reauthenticate" in flows(res)
    assert res.json()["meta"]["is_authenticated"] is True  # still signed in
    reauthenticate(client)
    res = post(client, "/account/authenticators/totp", {"code": code})
    assert res.status_code == 200, res.content
    return str(secret)


@pytest.fixture
def person(make_user: Any) -> User:
    return make_user(display_name="Robin", email="robin@example.com")


@dataclass
class Enrolled:
    person: User
    secret: str
    codes: list[str]  # the recovery codes, as the page showed them once


@pytest.fixture
def enrolled(person: User) -> Enrolled:
    client = Client()
    assert log_in(client, person.email).status_code == 200
    secret = enrol_totp(client)
    # Right after enrolling the page reads the recovery codes: the one time they are shown.
    res = client.get(f"{BROWSER}/account/authenticators/recovery-codes")
    assert res.status_code == 200, res.content
    return Enrolled(person, secret, res.json()["data"]["unused_codes"])


# Security emails go out on commit: a real transaction.
@pytest.mark.django_db(transaction=True)
def test_enrol_totp_then_log_in_with_a_code(person: User) -> None:
    client = Client()
    assert log_in(client, person.email).status_code == 200
    mail.outbox.clear()
    secret = enrol_totp(client)
    assert [m.to for m in mail.outbox] == [[person.email]]  # the security email
    assert "authenticator" in mail.outbox[0].subject.lower()
    types = {a["type"] for a in client.get(f"{BROWSER}/account/authenticators").json()["data"]}
    assert types == {"totp", "recovery_codes"}

    assert client.delete(f"{BROWSER}/auth/session").status_code == 401
    later = time.time() + 60  # a code is accepted once; the next one comes 30 s on
    with time_machine.travel(later, tick=False):
        res = log_in(client, person.email)
        assert res.status_code == 401
        assert pending(res) == ["mfa_authenticate"]
        assert client.get("/api/v1/me/").status_code in (401, 403)
        wrong = post(client, "/auth/2fa/authenticate", {"code": "000000"})
        assert wrong.status_code == 400
        res = post(client, "/auth/2fa/authenticate", {"code": totp_code(secret, later)})
        assert res.status_code == 200, res.content
        assert res.json()["meta"]["is_authenticated"] is True
        assert client.get("/api/v1/me/").json()["email"] == person.email


def test_recovery_codes_are_shown_once_and_each_works_once(enrolled: Enrolled) -> None:
    person, codes = enrolled.person, enrolled.codes
    assert len(codes) == 10
    # Never again, even to a session that just confirmed the password: only regenerated.
    other = client_for(person)
    assert other.get(f"{BROWSER}/account/authenticators/recovery-codes").status_code == 401
    reauthenticate(other)
    again = other.get(f"{BROWSER}/account/authenticators/recovery-codes").json()
    assert "unused_codes" not in again["data"]
    assert again["data"]["unused_code_count"] == 10

    client = Client()
    assert pending(log_in(client, person.email)) == ["mfa_authenticate"]
    res = post(client, "/auth/2fa/authenticate", {"code": codes[0]})
    assert res.status_code == 200, res.content
    client.delete(f"{BROWSER}/auth/session")

    client = Client()
    log_in(client, person.email)
    assert post(client, "/auth/2fa/authenticate", {"code": codes[0]}).status_code == 400
    assert post(client, "/auth/2fa/authenticate", {"code": codes[1]}).status_code == 200
    rc = Authenticator.objects.get(user=person, type=Authenticator.Type.RECOVERY_CODES)
    assert len(rc.wrap().get_unused_codes()) == 8


# Security emails go out on commit: a real transaction.
@pytest.mark.django_db(transaction=True)
def test_regenerating_codes_needs_a_fresh_confirmation(enrolled: Enrolled) -> None:
    person = enrolled.person
    client = client_for(person)
    res = post(client, "/account/authenticators/recovery-codes")
    assert res.status_code == 401
    assert {"reauthenticate", "mfa_reauthenticate"} <= set(flows(res))
    later = time.time() + 60
    with time_machine.travel(later, tick=False):
        code = totp_code(enrolled.secret, later)
        res = post(client, "/auth/2fa/reauthenticate", {"code": code})
        assert res.status_code == 200, res.content
        mail.outbox.clear()
        res = post(client, "/account/authenticators/recovery-codes")
        assert res.status_code == 200, res.content
        fresh = res.json()["data"]["unused_codes"]
        assert len(fresh) == 10
        assert not set(fresh) & set(enrolled.codes)
        assert [m.to for m in mail.outbox] == [[person.email]]


# Security emails go out on commit: a real transaction.
@pytest.mark.django_db(transaction=True)
def test_removing_totp_needs_a_fresh_confirmation_and_is_mailed(enrolled: Enrolled) -> None:
    person = enrolled.person
    client = client_for(person)
    assert client.delete(f"{BROWSER}/account/authenticators/totp").status_code == 401
    assert Authenticator.objects.filter(user=person, type="totp").exists()
    reauthenticate(client)
    mail.outbox.clear()
    res = client.delete(f"{BROWSER}/account/authenticators/totp")
    assert res.status_code == 200
    assert not Authenticator.objects.filter(user=person, type="totp").exists()
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "deactivated" in mail.outbox[0].subject.lower()


def test_the_stored_secret_is_not_the_scanned_one(enrolled: Enrolled) -> None:
    person, secret = enrolled.person, enrolled.secret
    totp = Authenticator.objects.get(user=person, type=Authenticator.Type.TOTP)
    stored = totp.data["secret"]
    assert secret not in stored
    assert MFAAdapter().decrypt(stored) == secret
    rc = Authenticator.objects.get(user=person, type=Authenticator.Type.RECOVERY_CODES)
    seed = rc.wrap().instance.data["seed"]
    assert MFAAdapter().decrypt(seed) != seed


def test_the_key_comes_from_its_own_setting(settings: Any) -> None:
    token = MFAAdapter().encrypt("JBSWY3DPEHPK3PXP")
    settings.MFA_ENCRYPTION_KEY = "another key"
    with pytest.raises(InvalidToken):
        MFAAdapter().decrypt(token)
    with pytest.raises(InvalidToken):  # strict: a plaintext row is not a secret
        MFAAdapter().decrypt("JBSWY3DPEHPK3PXP")


def test_the_admin_shows_no_secret(enrolled: Enrolled, make_user: Any) -> None:
    person, secret = enrolled.person, enrolled.secret
    boss = make_user(is_staff=True, is_superuser=True)
    add_totp(boss)
    admin = client_for(boss)
    totp = Authenticator.objects.get(user=person, type=Authenticator.Type.TOTP)
    stored = totp.data["secret"]
    listing = admin.get("/admin/mfa/authenticator/")
    assert listing.status_code == 200
    assert person.display_name in listing.content.decode()
    page = admin.get(f"/admin/mfa/authenticator/{totp.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "TOTP" in html
    for leak in (secret, stored, '"secret"', "seed"):
        assert leak not in html
    assert 'name="data"' not in html
    assert admin.get("/admin/mfa/authenticator/add/").status_code == 403
    assert admin.post(page.request["PATH_INFO"], {"type": "totp"}).status_code == 403


def test_local_setup_remakes_a_demo_secret_stored_before_encryption() -> None:
    from io import StringIO

    from django.core.management import call_command

    call_command("ensure_local_setup", stdout=StringIO())
    moderator = User.objects.get(email="moderator@shoulder.local")
    Authenticator.objects.filter(user=moderator, type="totp").update(
        data={"secret": "JBSWY3DPEHPK3PXP"}  # plaintext, as older local databases hold it
    )
    out = StringIO()
    call_command("ensure_local_setup", stdout=out)
    assert "Remade the moderator's authenticator" in out.getvalue()
    totp = Authenticator.objects.get(user=moderator, type="totp")
    secret = MFAAdapter().decrypt(totp.data["secret"])
    assert f"TOTP secret for an authenticator app: {secret})" in out.getvalue()

"""People for `make load`, made in bulk: verified accounts, circles of `circle_size` (joined
through the circles' own invite service), a signed-in app session each (allauth's
`X-Session-Token` is a session key) and one phone each, subscribed at the local push service
with P-256 keys this process holds (so the load check can decrypt what each phone got).

Call `seed()` after `django.setup()`, on the database the cluster uses, with the cluster's
SECRET_KEY (sessions are signed with it).
"""

import base64
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PASSWORD = "load-test-lean-on-me"


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass
class Phone:
    path: str  # /push/<name> at the push service
    private_key: Any
    auth: bytes

    def keys(self) -> dict[str, str]:
        from cryptography.hazmat.primitives import serialization

        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"p256dh": _b64url(point), "auth": _b64url(self.auth)}

    def decrypt(self, body: bytes) -> dict[str, Any]:
        import http_ece

        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth, version="aes128gcm"
        )
        result: dict[str, Any] = json.loads(plain)
        return result


@dataclass
class Person:
    id: str
    email: str
    token: str
    circle: str
    members: list[str] = field(default_factory=list)  # the others in the circle
    phone: Phone | None = None


def _session_token(user: Any) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return str(store.session_key)


def seed(*, people: int, circle_size: int, push_base: str, run: str = "") -> list[Person]:
    from allauth.account.models import EmailAddress
    from cryptography.hazmat.primitives.asymmetric import ec
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from backend.accounts.models import User
    from backend.circles.services import circle_create, invite_accept, invite_create
    from backend.notifications.models import PushSubscription

    run = run or uuid.uuid4().hex[:6]
    password = make_password(PASSWORD)  # hashed once: the same password for everyone
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                email=f"person{n}-{run}@load.local",
                display_name=f"Person {n}",
                password=password,
            )
            for n in range(people)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
        )
    result: list[Person] = []
    for start in range(0, people, circle_size):
        group = users[start : start + circle_size]
        circle = circle_create(user=group[0], name=f"Load circle {start // circle_size}")
        if len(group) > 1:
            invite = invite_create(circle=circle, created_by=group[0], max_uses=len(group) - 1)
            for member in group[1:]:
                invite_accept(token=invite.token, user=member)
        for user in group:
            result.append(
                Person(
                    id=str(user.pk),
                    email=user.email,
                    token=_session_token(user),
                    circle=str(circle.pk),
                    members=[str(u.pk) for u in group if u.pk != user.pk],
                )
            )
    subscriptions = []
    for n, person in enumerate(result):
        person.phone = Phone(
            f"/push/{run}-{n}", ec.generate_private_key(ec.SECP256R1()), os.urandom(16)
        )
        subscriptions.append(
            PushSubscription(
                user_id=person.id,
                endpoint=f"{push_base}{person.phone.path}",
                user_agent="make load",
                **person.phone.keys(),
            )
        )
    PushSubscription.objects.bulk_create(subscriptions)
    return result


def write_people(people: list[Person], path: Path) -> None:
    """What the simulated clients need (no keys): who they are and whom they can ask."""
    path.write_text(
        json.dumps(
            [
                {"id": p.id, "token": p.token, "circle": p.circle, "members": p.members}
                for p in people
            ]
        )
    )

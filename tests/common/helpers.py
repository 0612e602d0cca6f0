"""Helpers the app test packages share (fixtures stay in `tests/conftest.py`)."""

import signal
from typing import Any

from django.core.management import call_command
from django.test import Client

from backend.accounts.models import User
from backend.notifications.models import PushSubscription


def client_for(user: User | None) -> Client:
    """A browser-session client signed in as `user` (anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def post(client: Client, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(path, body or {}, content_type="application/json")


def add_device(user: User) -> PushSubscription:
    """A push subscription row, so notify() makes a delivery (and a task) for this person."""
    return PushSubscription.objects.create(
        user=user,
        endpoint=f"http://127.0.0.1:9/push/{user.pk}",
        p256dh="B" + "A" * 86,
        auth="A" * 22,
    )


def run_db_worker() -> None:
    """`db_worker --batch --queue-name='*'` in this process, as `make run` runs it.

    The worker installs its own signal handlers; they are put back afterwards.
    """
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def add_totp(user: User) -> str:
    """A TOTP authenticator through allauth.mfa's own API (staff need a second factor before
    the admin opens); returns the secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret

"""Helpers the app test packages share (fixtures stay in `tests/conftest.py`)."""

from typing import Any

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

import base64
import json
import os
import re
from collections.abc import Callable, Iterator
from typing import Any

import http_ece
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.test import Client
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.common.helpers import run_db_worker

SUBSCRIPTIONS = "/api/v1/push/subscriptions/"


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Device:
    """A browser's push subscription whose private key the test holds."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)

    @property
    def p256dh(self) -> str:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(point)

    def to_json(self) -> dict[str, Any]:
        """What `PushSubscription.toJSON()` gives the PWA."""
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": self.p256dh, "auth": b64url(self.auth)},
        }

    def decrypt(self, body: bytes) -> dict[str, Any]:
        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


def subscribe(client: Client, device: Device, **headers: str) -> Any:
    return client.post(
        SUBSCRIPTIONS, device.to_json(), content_type="application/json", headers=headers
    )


def verify_vapid(authorization: str, public_key: str, audience: str) -> dict[str, Any]:
    """Check `Authorization: vapid t=<JWT>,k=<key>` the way a push service does."""
    scheme, _, params = authorization.partition(" ")
    assert scheme == "vapid"
    parts = dict(p.split("=", 1) for p in params.split(","))
    assert parts["k"] == public_key
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(parts["k"]))
    claims: dict[str, Any] = jwt.decode(
        parts["t"], key=key, algorithms=["ES256"], audience=audience
    )
    assert claims["sub"].startswith("mailto:")
    return claims


class PushService:
    """A push service on 127.0.0.1: answers each endpoint from a script, records every POST."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.received: list[Request] = []
        self.scripts: dict[str, list[Response]] = {}
        server.expect_request(re.compile(r"^/push/"), method="POST").respond_with_handler(
            self._handle
        )

    def _handle(self, request: Request) -> Response:
        request.get_data()  # read the body before the request object goes away
        self.received.append(request)
        script = self.scripts.get(request.path)
        if script:
            return script.pop(0) if len(script) > 1 else script[0]
        return Response("", status=201)

    def device(self, name: str) -> Device:
        return Device(self.server.url_for(f"/push/{name}"))

    def answer(self, device: Device, *responses: Response) -> None:
        """Answer this device's pushes with these responses in turn (the last one repeats)."""
        path = device.endpoint.split(str(self.server.port), 1)[1]
        self.scripts[path] = list(responses)

    def for_device(self, device: Device) -> list[Request]:
        return [r for r in self.received if r.url.split("?")[0] == device.endpoint]

    @property
    def origin(self) -> str:
        return f"http://{self.server.host}:{self.server.port}"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture
def push_service(httpserver: HTTPServer) -> Iterator[PushService]:
    service = PushService(httpserver)
    yield service
    httpserver.clear()


@pytest.fixture
def run_worker() -> Callable[[], None]:
    """Run `db_worker --queue-name='*' --batch` in this process, as `make run` runs it."""

    return run_db_worker

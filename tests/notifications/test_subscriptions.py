import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from backend.notifications.models import PushSubscription
from tests.conftest import error_codes
from tests.notifications.conftest import SUBSCRIPTIONS, Device, b64url, subscribe

pytestmark = pytest.mark.django_db
LOCAL = "http://127.0.0.1:9/push/abc"
FCM = "https://fcm.googleapis.com/fcm/send/abc:def"


def test_public_key_is_an_uncompressed_p256_point_for_anyone() -> None:
    res = Client().get("/api/v1/push/key/")
    assert res.status_code == 200
    key = res.json()["public_key"]
    assert "=" not in key
    raw = __import__("base64").urlsafe_b64decode(key + "=" * (-len(key) % 4))
    assert len(raw) == 65
    assert raw[0] == 4


def test_ensure_vapid_keys_creates_the_file_once(tmp_path: Path) -> None:
    with override_settings(VAR_DIR=tmp_path):
        call_command("ensure_vapid_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
        first = json.loads((tmp_path / "vapid.json").read_text())
        call_command("ensure_vapid_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert json.loads((tmp_path / "vapid.json").read_text()) == first
        assert (tmp_path / "vapid.json").stat().st_mode & 0o077 == 0
        assert Client().get("/api/v1/push/key/").json()["public_key"] == first["public_key"]


def test_configured_keys_win(settings: Any, tmp_path: Path) -> None:
    from backend.notifications.vapid import generate_keys

    keys = generate_keys()
    settings.SHOULDER = {
        **settings.SHOULDER,
        "VAPID_PRIVATE_KEY": keys.private_key,
        "VAPID_PUBLIC_KEY": keys.public_key,
        "VAPID_SUBJECT": "mailto:ops@shoulder.example",
    }
    with override_settings(VAR_DIR=tmp_path):
        assert Client().get("/api/v1/push/key/").json()["public_key"] == keys.public_key
    assert not (tmp_path / "vapid.json").exists()


def test_subscribe_then_again_is_201_then_200_and_stores_the_user_agent(signed_in: Any) -> None:
    client, user = signed_in()
    device = Device(LOCAL)
    res = subscribe(client, device, User_Agent="Firefox/150 (Android)")
    assert res.status_code == 201, res.content
    assert res.json()["endpoint"] == LOCAL
    res = subscribe(client, device, User_Agent="Firefox/151 (Android)")
    assert res.status_code == 200
    sub = PushSubscription.objects.get()
    assert (sub.user, sub.user_agent, sub.p256dh) == (user, "Firefox/151 (Android)", device.p256dh)


def test_several_devices_per_person(signed_in: Any) -> None:
    client, user = signed_in()
    for n in range(3):
        assert subscribe(client, Device(f"{LOCAL}{n}")).status_code == 201
    assert user.push_subscriptions.count() == 3


def test_an_endpoint_of_another_person_moves_to_the_new_one(signed_in: Any) -> None:
    device = Device(LOCAL)
    first_client, _ = signed_in()
    assert subscribe(first_client, device).status_code == 201
    second_client, second = signed_in()
    assert subscribe(second_client, device).status_code == 201
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [second.pk]


def test_delete_removes_only_this_device_and_is_idempotent(signed_in: Any) -> None:
    client, user = signed_in()
    mine, other = Device(LOCAL), Device(LOCAL + "2")
    subscribe(client, mine)
    subscribe(client, other)
    stranger_client, _ = signed_in()
    body = json.dumps({"endpoint": mine.endpoint})
    # Someone else cannot remove my device.
    res = stranger_client.delete(SUBSCRIPTIONS, body, content_type="application/json")
    assert res.status_code == 204
    assert user.push_subscriptions.count() == 2
    res = client.delete(SUBSCRIPTIONS, body, content_type="application/json")
    assert res.status_code == 204
    assert list(user.push_subscriptions.values_list("endpoint", flat=True)) == [other.endpoint]
    assert client.delete(SUBSCRIPTIONS, body, content_type="application/json").status_code == 204
    # The query string works too (some clients cannot send a DELETE body).
    res = client.delete(SUBSCRIPTIONS + "?endpoint=" + other.endpoint)
    assert res.status_code == 204
    assert not user.push_subscriptions.exists()


def test_signed_out_cannot_subscribe() -> None:
    res = Client().post(SUBSCRIPTIONS, Device(LOCAL).to_json(), content_type="application/json")
    assert res.status_code == 401


def _with_keys(**keys: str) -> dict[str, Any]:
    body = Device(LOCAL).to_json()
    body["keys"].update(keys)
    return body


@pytest.mark.parametrize(
    ("body", "code", "attr"),
    [
        (_with_keys(p256dh=b64url(b"\x04" + b"\x01" * 64)), "push_key_invalid", "keys.p256dh"),
        (_with_keys(p256dh=b64url(b"\x02" + b"\x01" * 32)), "push_key_invalid", "keys.p256dh"),
        (_with_keys(p256dh="not base64!"), "push_key_invalid", "keys.p256dh"),
        (_with_keys(auth=b64url(b"x" * 15)), "push_auth_invalid", "keys.auth"),
        (_with_keys(auth="%%%"), "push_auth_invalid", "keys.auth"),
        ({"endpoint": LOCAL}, "required", "keys"),
        ({"keys": {}}, "required", "endpoint"),
        (
            {**Device(LOCAL).to_json(), "endpoint": "not a url"},
            "push_endpoint_not_allowed",
            "endpoint",
        ),
    ],
)
def test_invalid_subscriptions_are_400_with_a_code(
    signed_in: Any, body: dict[str, Any], code: str, attr: str
) -> None:
    client, _ = signed_in()
    res = client.post(SUBSCRIPTIONS, body, content_type="application/json")
    assert res.status_code == 400
    errors = res.json()["errors"]
    assert {"code": code, "attr": attr} in [{"code": e["code"], "attr": e["attr"]} for e in errors]
    assert not PushSubscription.objects.exists()


ALLOWED_EVERYWHERE = [
    FCM,
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
    "https://eu-west.push.services.mozilla.com/wpush/v1/x",
    "https://web.push.apple.com/QGx9",
    "https://wns2-bn3p.notify.windows.com/w/?token=abc",
]
LOOPBACK = [
    "http://127.0.0.1:8123/push/a",
    "http://localhost:8123/push/a",
    "https://localhost/push/a",
    "http://[::1]:8123/push/a",
]
NEVER = [
    "http://fcm.googleapis.com/fcm/send/abc",  # not https
    "https://fcm.googleapis.com.evil.example/abc",
    "https://evil.example/?fcm.googleapis.com",
    "https://push.apple.com/x",  # the wildcard needs a subdomain
    "https://user@fcm.googleapis.com/abc",
    "https://fcm.googleapis.com:8443/abc",
    "http://10.0.0.5/push",
    "http://169.254.169.254/latest/meta-data",
    "http://192.168.1.1:8080/push",
    "ftp://127.0.0.1/push",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("production", [False, True])
@pytest.mark.parametrize("endpoint", ALLOWED_EVERYWHERE + LOOPBACK + NEVER)
def test_endpoint_allow_list(signed_in: Any, production: bool, endpoint: str) -> None:
    client, _ = signed_in()
    allowed = endpoint in ALLOWED_EVERYWHERE or (endpoint in LOOPBACK and not production)
    with override_settings(PRODUCTION=production):
        res = subscribe(client, Device(endpoint))
    if allowed:
        assert res.status_code == 201, res.content
    else:
        assert res.status_code == 400
        assert error_codes(res) == ["push_endpoint_not_allowed"]


def test_push_hosts_are_configurable(signed_in: Any, settings: Any) -> None:
    client, _ = signed_in()
    settings.PRODUCTION = True
    settings.SHOULDER = {**settings.SHOULDER, "PUSH_HOSTS": ["push.example.net"]}
    assert subscribe(client, Device("https://push.example.net/x")).status_code == 201
    res = subscribe(client, Device(FCM))
    assert error_codes(res) == ["push_endpoint_not_allowed"]

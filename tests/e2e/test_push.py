"""Push notifications on a phone: turn on, test push end to end, the service worker shows it,
turn off, and logging out forgets the device.

Headless Chromium has no push service (`pushManager.subscribe()` never resolves), so the page
gets a stand-in subscription whose P-256 keys this test holds and whose endpoint is a push
service on 127.0.0.1; everything on the server side is real (VAPID, aes128gcm, the worker).
"""

import base64
import json
import os
import time
from pathlib import Path
from typing import Any

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from playwright.sync_api import BrowserContext, CDPSession, Page, Playwright, expect
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from backend.notifications.models import Delivery, PushSubscription
from tests.common.helpers import run_db_worker
from tests.common.world import make_circle
from tests.e2e.conftest import (
    assert_accessible,
    installed_context,
    log_in,
    wait_for_service_worker,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WAIT_MS = 30_000
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)

# Replaces PushManager's subscribe/getSubscription in the page (not in the worker) with a
# subscription made of the test's keys; it lives in sessionStorage so reloads keep it.
# Notification.requestPermission is wrapped (not replaced) to count when the app asks.
PUSH_STUB = """
(() => {
  const device = __DEVICE__;
  const KEY = '__fake_push_subscription';
  const state = (window.__push = { asks: 0, subscribeCalls: [], unsubscribed: 0 });
  const toBase64Url = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const make = (stored) => ({
    endpoint: device.endpoint,
    expirationTime: null,
    options: {
      userVisibleOnly: true,
      applicationServerKey: Uint8Array.from(atob(stored.key.replace(/-/g, '+')
        .replace(/_/g, '/')), (c) => c.charCodeAt(0)).buffer,
    },
    getKey: () => null,
    toJSON: () => ({ endpoint: device.endpoint, expirationTime: null, keys: device.keys }),
    unsubscribe: async () => {
      sessionStorage.removeItem(KEY);
      state.unsubscribed += 1;
      return true;
    },
  });
  PushManager.prototype.getSubscription = async function () {
    const stored = sessionStorage.getItem(KEY);
    return stored ? make(JSON.parse(stored)) : null;
  };
  PushManager.prototype.subscribe = async function (options) {
    const key = toBase64Url(options.applicationServerKey);
    state.subscribeCalls.push({ userVisibleOnly: options.userVisibleOnly, key });
    sessionStorage.setItem(KEY, JSON.stringify({ key }));
    return make({ key });
  };
  const ask = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = (...args) => {
    state.asks += 1;
    return ask(...args);
  };
})();
"""

# The notifications shown with one tag (a busy machine can take seconds to show one).
NOTIFICATIONS_JS = """async (tag) => {
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 30000));
  const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
  const shown = await Promise.race([registration.getNotifications({ tag }), timeout]);
  return shown.map(n => ({title: n.title, body: n.body, tag: n.tag, icon: n.icon,
                          badge: n.badge, data: n.data}));
}"""


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class Device:
    """This phone's push subscription as the push service knows it: the test holds its keys."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.keys = {"p256dh": b64url(point), "auth": b64url(self.auth)}

    def stub_script(self) -> str:
        return PUSH_STUB.replace(
            "__DEVICE__", json.dumps({"endpoint": self.endpoint, "keys": self.keys})
        )

    def decrypt(self, body: bytes) -> dict[str, Any]:
        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth, version="aes128gcm"
        )
        return dict(json.loads(plain))


class PushService:
    """A push service on 127.0.0.1 that accepts every push and keeps its encrypted body."""

    def __init__(self, server: HTTPServer) -> None:
        self.bodies: list[tuple[str, dict[str, str], bytes]] = []
        server.expect_request("/push/phone", method="POST").respond_with_handler(self._handle)

    def _handle(self, request: Request) -> Response:
        self.bodies.append((request.path, dict(request.headers), request.get_data()))
        return Response("", status=201)


@pytest.fixture
def device(httpserver_ipv4: HTTPServer) -> Any:
    service = PushService(httpserver_ipv4)
    yield Device(httpserver_ipv4.url_for("/push/phone")), service
    httpserver_ipv4.clear()


@pytest.fixture
def phone_with_push(playwright_instance: Playwright, live_server: Any, tmp_path: Path) -> Any:
    """A persistent context (service workers need one) where Shoulder may show notifications."""
    with installed_context(
        playwright_instance, live_server, tmp_path / "profile", permissions=("notifications",)
    ) as context:
        yield context


def registration_id(cdp: CDPSession, page: Page, scope: str) -> str:
    """The worker's registration id, from the events `ServiceWorker.enable` sends."""
    found: dict[str, str] = {}

    def on_update(event: dict[str, Any]) -> None:
        for reg in event["registrations"]:
            if reg["scopeURL"] == scope and not reg["isDeleted"]:
                found["id"] = reg["registrationId"]

    cdp.on("ServiceWorker.workerRegistrationUpdated", on_update)
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + WAIT_MS / 1000
    while "id" not in found:
        assert time.monotonic() < deadline, "DevTools never reported the worker's registration"
        page.evaluate("() => new Promise(resolve => requestAnimationFrame(resolve))")
    return found["id"]


def open_settings(page: Page) -> None:
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Notification settings").click()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()


def test_push_notifications_on_a_phone(
    phone_with_push: BrowserContext, live_server: Any, make_user: Any, device: Any
) -> None:
    phone_device, push_service = device
    user = make_user(display_name="Noor", email="noor@example.com")
    context = phone_with_push
    context.add_init_script(phone_device.stub_script())
    page = context.pages[0] if context.pages else context.new_page()

    log_in(page, "noor@example.com")
    expect(page.get_by_role("heading", name="Hi, Noor")).to_be_visible()
    wait_for_service_worker(page)

    # The settings screen: nothing is asked on load.
    open_settings(page)
    expect(page.get_by_text("Notifications are off for this device.")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Quiet hours", exact=True)).to_be_visible()
    assert page.evaluate("window.__push.asks") == 0
    assert_accessible(page)

    # Turn on: asked once, after the tap; subscribed with the server's key; stored.
    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_role("status").filter(has_text="Notifications are on")).to_be_visible()
    assert page.evaluate("window.__push.asks") == 1
    public_key = page.evaluate("async () => (await (await fetch('/api/v1/push/key/')).json())")
    assert page.evaluate("window.__push.subscribeCalls") == [
        {"userVisibleOnly": True, "key": public_key["public_key"]}
    ]
    stored = PushSubscription.objects.get(endpoint=phone_device.endpoint)
    assert stored.user_id == user.pk
    assert (stored.p256dh, stored.auth) == (
        phone_device.keys["p256dh"],
        phone_device.keys["auth"],
    )
    assert_accessible(page)

    # A test notification travels server → worker → push service, encrypted for this phone.
    page.get_by_role("button", name="Send me a test notification").click()
    expect(page.get_by_role("status").filter(has_text="on its way")).to_be_visible()
    run_db_worker()
    assert Delivery.objects.get().status == "delivered"
    [(path, headers, body)] = push_service.bodies
    assert path == "/push/phone"
    assert headers["Content-Encoding"] == "aes128gcm"
    assert headers["Authorization"].startswith("vapid t=")
    message = phone_device.decrypt(body)
    assert message["title"] == "Shoulder"
    assert message["url"] == "/settings/notifications"
    assert message["kind"] == "test"

    # The push service hands it to the phone: the worker shows it and tells open windows.
    page.goto("/")
    expect(page.get_by_role("heading", name="Hi, Noor")).to_be_visible()
    page.wait_for_load_state("networkidle")
    cdp = context.new_cdp_session(page)
    reg_id = registration_id(cdp, page, live_server.url + "/")
    with page.expect_request(lambda r: r.url.endswith("/api/v1/home/")):
        # Home refreshes what it shows when the worker forwards the push.
        cdp.send(
            "ServiceWorker.deliverPushMessage",
            {"origin": live_server.url, "registrationId": reg_id, "data": json.dumps(message)},
        )
    page.wait_for_function(
        "async (tag) => (await (await navigator.serviceWorker.ready)"
        ".getNotifications({ tag })).length > 0",
        arg=message["tag"],
        timeout=WAIT_MS,
    )
    [shown] = page.evaluate(NOTIFICATIONS_JS, message["tag"])
    assert shown["title"] == "Shoulder"
    assert shown["body"] == message["body"]
    assert shown["tag"] == message["tag"]
    assert shown["icon"].endswith("/icons/icon-192.png")
    assert shown["badge"].endswith("/icons/badge-96.png")
    # Where a tap takes the person (the click itself is unit-tested: headless has no UI for it).
    assert shown["data"]["url"] == "/settings/notifications"

    # Turn off on this device: the server forgets it and so does the browser.
    open_settings(page)
    expect(page.get_by_text("Notifications are on for this device.")).to_be_visible()
    unsubscribed = page.evaluate("window.__push.unsubscribed")
    page.get_by_role("button", name="Turn off on this device").click()
    expect(page.get_by_role("status").filter(has_text="Notifications are off")).to_be_visible()
    assert not PushSubscription.objects.filter(endpoint=phone_device.endpoint).exists()
    assert page.evaluate("window.__push.unsubscribed") == unsubscribed + 1

    # On again, then log out: the device is forgotten before the session ends.
    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_role("button", name="Turn off on this device")).to_be_visible()
    assert PushSubscription.objects.filter(endpoint=phone_device.endpoint).exists()
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(live_server.url + "/login")
    assert not PushSubscription.objects.filter(user=user).exists()
    assert page.evaluate("window.__push.unsubscribed") == unsubscribed + 2
    assert page.evaluate("sessionStorage.getItem('__fake_push_subscription')") is None


def test_notification_settings_are_saved(
    new_phone: Any, make_user: Any, live_server: Any, signed_in: Any
) -> None:
    user = make_user(display_name="Ines", email="ines@example.com")
    circle = make_circle(user, name="Tuesday people")
    _, page = new_phone()
    log_in(page, "ines@example.com")
    expect(page.get_by_role("heading", name="Hi, Ines")).to_be_visible()

    # Home's first steps lead to the settings (after the home-screen step).
    first = page.get_by_role("region", name="Put Shoulder on your home screen")
    first.get_by_role("button", name="Skip for now").click()
    invite = page.get_by_role("region", name="Turn on notifications")
    expect(invite).to_be_visible()
    invite.get_by_role("link", name="Choose what you hear about").click()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()

    page.get_by_role("checkbox", name="Quiet hours", exact=True).check()
    page.get_by_label("From", exact=True).fill("21:30")
    page.get_by_label("Until", exact=True).fill("06:45")
    page.get_by_role("checkbox", name="Let reach-outs through quiet hours").uncheck()
    group = page.get_by_role("group", name="Tuesday people")
    group.get_by_role("radio", name="Only reach-outs").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()

    client, _ = signed_in(user)
    assert client.get("/api/v1/notification-settings/").json() == {
        "quiet_hours": {"enabled": True, "start": "21:30", "end": "06:45"},
        "reach_outs_break_quiet_hours": False,
        "email_when_push_fails": True,
        "circles": [
            {"circle": {"id": str(circle.pk), "name": "Tuesday people"}, "level": "reach_outs"}
        ],
    }
    page.reload()
    expect(page.get_by_label("From", exact=True)).to_have_value("21:30")
    expect(
        page.get_by_role("group", name="Tuesday people").get_by_role(
            "radio", name="Only reach-outs"
        )
    ).to_be_checked()


def test_blocked_notifications_say_how_to_allow_them(new_phone: Any, make_user: Any) -> None:
    make_user(display_name="Ada", email="ada@example.com")
    _, page = new_phone()
    log_in(page, "ada@example.com")
    expect(page.get_by_role("heading", name="Hi, Ada")).to_be_visible()
    page.goto("/settings/notifications")
    # Nobody granted it: headless Chromium answers the request as a person blocking it would.
    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_text("Notifications are blocked for Shoulder")).to_be_visible()
    expect(page.get_by_text("set Notifications to Allow")).to_be_visible()
    expect(page.get_by_role("button", name="Turn on notifications")).to_have_count(0)
    assert not PushSubscription.objects.exists()
    assert_accessible(page)


def test_iphone_outside_the_installed_app_gets_the_home_screen_hint(
    new_phone: Any, make_user: Any
) -> None:
    make_user(display_name="Ida", email="ida@example.com")
    _, page = new_phone(user_agent=IPHONE_SAFARI)
    log_in(page, "ida@example.com")
    expect(page.get_by_role("heading", name="Hi, Ida")).to_be_visible()
    page.goto("/settings/notifications")
    expect(page.get_by_text("notifications only work in the installed app")).to_be_visible()

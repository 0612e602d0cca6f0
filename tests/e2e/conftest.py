"""Browser journeys: Playwright for Python driving Debian's Chromium against live_server."""

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from tests.common.world import PASSWORD

# Playwright's sync API keeps an event loop on the test thread; the ORM calls the tests make
# there (reading mail.outbox, checking rows) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"
    ),
    "locale": "en-GB",
    "timezone_id": "Europe/London",
}
AXE_JS = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Browser tests need Debian's chromium: run `make test` (it installs it).")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class RequestLog:
    """Every request a context makes, so a test can prove nothing left the origin."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.urls: list[str] = []

    def record(self, request: Any) -> None:
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        own = urlsplit(self.origin)
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if (parts.scheme, parts.hostname, parts.port) != (own.scheme, own.hostname, own.port):
                out.append(url)
        return out


@pytest.fixture
def new_phone(browser: Browser, live_server: Any) -> Iterator[Any]:
    """Factory of phone-sized browser contexts; on teardown, asserts same-origin only."""
    contexts: list[tuple[BrowserContext, RequestLog]] = []

    def make(**overrides: Any) -> tuple[BrowserContext, Page]:
        context = browser.new_context(base_url=live_server.url, **{**PHONE, **overrides})
        log = RequestLog(live_server.url)
        context.on("request", log.record)
        context.set_default_timeout(10_000)
        contexts.append((context, log))
        return context, context.new_page()

    yield make
    foreign = [url for _, log in contexts for url in log.foreign()]
    for context, _ in contexts:
        context.close()
    assert foreign == [], f"requests left the app's origin: {foreign}"


@contextmanager
def installed_context(
    playwright: Playwright,
    live_server: Any,
    profile: Path,
    *,
    permissions: tuple[str, ...] = (),
    **overrides: Any,
) -> Iterator[BrowserContext]:
    """A persistent phone-sized context (service workers, and not `in-incognito`), with
    `permissions` granted to the app; on exit, asserts same-origin only."""
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        base_url=live_server.url,
        **{**PHONE, **overrides},
    )
    if permissions:
        context.grant_permissions(list(permissions), origin=live_server.url)
    log = RequestLog(live_server.url)
    context.on("request", log.record)
    context.set_default_timeout(15_000)
    yield context
    context.close()
    assert log.foreign() == []


@pytest.fixture
def phone(new_phone: Any) -> Page:
    _, page = new_phone()
    return page


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations on the current screen."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's strict CSP stays intact.
        page.evaluate(AXE_JS.read_text() + "\n;true")
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.map(n => n.target.join(' '))}));
        }"""
    )


def assert_accessible(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == [], page.url


def log_in(page: Page, email: str, name: str | None = None) -> None:
    """Log in through the app's own screen; with `name`, wait for home to greet them."""
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    if name is not None:
        # Home greets in the person's language (English or Spanish).
        greeting = re.compile(rf"^(Hi|Hola), {re.escape(name)}$")
        expect(page.get_by_role("heading", name=greeting)).to_be_visible()


def wait_for_service_worker(page: Page) -> None:
    """Until the service worker is ready and controls the page (with a timeout, never hangs)."""
    ready = page.evaluate(
        """() => Promise.race([
            navigator.serviceWorker.ready.then(() => true),
            new Promise(resolve => setTimeout(() => resolve(false), 10000)),
        ])"""
    )
    assert ready, "the service worker never became ready"
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.reload()
        page.wait_for_function("!!navigator.serviceWorker.controller")

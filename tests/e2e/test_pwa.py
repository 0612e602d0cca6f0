import gzip
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.e2e.conftest import (
    ROOT,
    installed_context,
    wait_for_service_worker,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
DIST = ROOT / "frontend" / "dist"
BUDGET_GZIP_BYTES = 50 * 1024


@pytest.fixture
def installed_phone(playwright_instance: Playwright, live_server: Any, tmp_path: Path) -> Any:
    """A persistent context: Chromium reports `in-incognito` for ephemeral ones."""
    with installed_context(playwright_instance, live_server, tmp_path / "profile") as context:
        yield context


def test_installable_with_no_errors(installed_phone: Any) -> None:
    page = installed_phone.pages[0] if installed_phone.pages else installed_phone.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    cdp = installed_phone.new_cdp_session(page)

    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest")
    assert manifest["errors"] == []
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []

    data = page.evaluate("async () => (await fetch('/manifest.webmanifest')).json()")
    assert data["display"] == "standalone"
    assert data["start_url"] == "/"
    assert data["scope"] == "/"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    assert any(s.get("form_factor") == "narrow" for s in data["screenshots"])
    assert [s["name"] for s in data["shortcuts"]] == ["Reach out"]
    head = page.content()
    assert 'rel="apple-touch-icon"' in head
    assert 'name="apple-mobile-web-app-title"' in head


def test_shell_and_crisis_page_work_offline(installed_phone: Any) -> None:
    page = installed_phone.pages[0] if installed_phone.pages else installed_phone.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    expect(page.get_by_role("link", name="Need help right now?")).to_be_visible()

    installed_phone.set_offline(True)
    page.reload()
    expect(page.get_by_role("link", name="Need help right now?")).to_be_visible()
    page.get_by_role("link", name="Need help right now?").click()
    expect(page.get_by_role("heading", name="Need help right now?")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"Call 999"))).to_be_visible()

    # A cold navigation straight to the crisis page, still offline.
    page.goto("/crisis")
    expect(page.get_by_role("heading", name="Need help right now?")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"Call 999"))).to_be_visible()
    installed_phone.set_offline(False)


def test_api_is_never_answered_by_the_service_worker(installed_phone: Any) -> None:
    page = installed_phone.pages[0] if installed_phone.pages else installed_phone.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    installed_phone.set_offline(True)
    outcome = page.evaluate(
        """async () => {
            try { const r = await fetch('/api/v1/me/'); return 'answered ' + r.status; }
            catch (e) { return 'network error'; }
        }"""
    )
    assert outcome == "network error"
    installed_phone.set_offline(False)


def first_visit_assets(page: Page) -> list[str]:
    loaded: list[str] = []
    page.on(
        "response",
        lambda r: loaded.append(r.url) if re.search(r"\.(js|css)$", r.url) else None,
    )
    page.goto("/")
    page.wait_for_load_state("networkidle")
    return [url for url in loaded if not url.endswith("/sw.js")]


def test_first_visit_js_and_css_fit_the_budget(phone: Page) -> None:
    urls = first_visit_assets(phone)
    assert urls, "the shell loaded no JS or CSS"
    total = 0
    for url in urls:
        path = DIST / url.split("/", 3)[3]
        total += len(gzip.compress(path.read_bytes(), compresslevel=9))
    print(f"first visit: {len(urls)} files, {total} bytes gzip")  # noqa: T201
    assert total <= BUDGET_GZIP_BYTES, f"{total} bytes gzip > {BUDGET_GZIP_BYTES}"


def test_shell_headers(phone: Page) -> None:
    response = phone.goto("/crisis")
    assert response is not None
    headers = response.headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "no-cache" in headers["cache-control"]
    cookies = {c["name"] for c in phone.context.cookies()}
    assert "csrftoken" in cookies
    sw = phone.request.get("/sw.js")
    assert sw.headers["cache-control"] == "no-cache"
    manifest = phone.request.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")

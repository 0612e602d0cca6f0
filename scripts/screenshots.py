"""`make screenshots`: the app's main screens on a phone, light and dark, into docs/screenshots/.

Starts Shoulder on a free local port with a throwaway SQLite database and a small demo
world (a circle, an answered reach-out, a closed one with notes), then drives Debian's
Chromium through Playwright (as the browser tests do) and saves one PNG per screen and theme.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
    "timezone_id": "Europe/London",
    "reduced_motion": "reduce",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited ({server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as res:  # noqa: S310 (our own local URL)
                if res.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def _demo_world() -> dict[str, str]:
    """Maya's circle: Sam is on the way to her now; last week's evening has two notes."""
    from backend.checkins.models import Answer, Status
    from tests.common.world import make_circle, make_note, make_person, make_session

    maya = make_person("Maya", "maya@example.com", timezone="Europe/London")
    sam, jo, ana = (make_person(n, f"{n.lower()}@example.com") for n in ("Sam", "Jo", "Ana"))
    circle = make_circle(maya, [sam, jo, ana], name="Tuesday people")
    before = make_session(maya, circle, {sam: Answer.ON_MY_WAY, jo: Answer.CALLING})
    make_note(before, sam, "Thank you for calling me. Tea on the balcony helped more than words.")
    make_note(before, jo, "I'm always a phone call away. Always.")
    now = make_session(
        maya,
        circle,
        {sam: Answer.ON_MY_WAY, ana: Answer.CANT_RIGHT_NOW},
        asked=[jo],
        status=Status.OPEN,
        eta_minutes=15,
    )
    return {"open": str(now.pk), "closed": str(before.pk)}


def main() -> None:
    if not Path(CHROMIUM).exists():
        raise SystemExit("Screenshots need Debian's chromium: run `make chromium` first.")
    var = Path(tempfile.mkdtemp(prefix="shoulder-screenshots-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "SHOULDER_VAR_DIR": str(var),
        "DATABASE_URL": "",
        "REDIS_URL": "",
        "DJANGO_ENV": "local",
        "SITE_URL": base,
        "EMAIL_BACKEND_NAME": "locmem",
        "DJANGO_SETTINGS_MODULE": "backend.settings",
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    # No collectstatic: the screens are the PWA (frontend/dist, served as the site root).
    call_command("migrate", verbosity=0, interactive=False)
    ids = _demo_world()

    command = [str(Path(sys.executable).parent / "gunicorn"), "backend.wsgi"]
    command += ["-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    server = subprocess.Popen(  # noqa: S603 (our own venv's gunicorn, fixed arguments)
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # its access log; failures show as the browser's timeouts
    )
    try:
        _wait_for(f"{base}/healthz", server)
        _shoot(base, ids)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(var, ignore_errors=True)


def _shoot(base: str, ids: dict[str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    from tests.common.world import PASSWORD

    screens = [
        ("home", "/", "Hi, Maya"),
        ("compose", "/reach-out", None),
        ("session", f"/checkins/{ids['open']}", None),
        ("notes", f"/checkins/{ids['closed']}/notes", None),
        ("crisis", "/crisis", "Need help right now?"),
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        for theme in ("light", "dark"):
            context = browser.new_context(base_url=base, color_scheme=theme, **PHONE)
            context.set_default_timeout(15_000)
            page = context.new_page()
            page.goto("/login")
            page.get_by_label("Email").fill("maya@example.com")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Log in").click()
            expect(page.get_by_role("heading", name="Hi, Maya")).to_be_visible()
            for name, path, heading in screens:
                page.goto(path)
                page.wait_for_load_state("networkidle")
                if heading:
                    expect(page.get_by_role("heading", name=heading).first).to_be_visible()
                page.locator("main h1").first.wait_for()
                target = OUT / f"{name}-{theme}.png"
                page.screenshot(path=str(target), animations="disabled", caret="hide")
                sys.stdout.write(f"saved {target.relative_to(ROOT)}\n")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()

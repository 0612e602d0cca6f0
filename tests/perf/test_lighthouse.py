"""Lighthouse 12 (mobile) on the first screens: `/` signed out, and home signed in.

Runs `frontend/scripts/lighthouse.mjs` (Lighthouse's Node API, a fresh /usr/bin/chromium
profile per run) against `live_server`, which serves the built PWA through WhiteNoise
with the build's gzip/Brotli copies, as production does. Marked `lighthouse`: a slow suite
(CI's PostgreSQL pass), or alone with `pytest -m lighthouse`.

Scores are taken as they are; only the emulated phone is kept honest. Lighthouse slows
the CPU 4x, which assumes a fast desktop host; on a slower one (a busy 2-core machine
measures a BenchmarkIndex of 300-600, where Lighthouse itself warns that the host is
slower than it expects) 4x emulates a far slower phone than Lighthouse's own. There the
next run uses the multiplier Lighthouse's CPU throttling calculator gives for the measured
BenchmarkIndex (docs/throttling.md, "Calibrating the CPU slowdown"), never more than 4x.
Performance is the best of up to three runs; every run must show no layout shift, no
console error, accessibility 1.0 and best practices 1.0.
"""

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.common.helpers import client_for
from tests.common.world import circle_world

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
SCRIPT = FRONTEND / "scripts" / "lighthouse.mjs"
CHROMIUM = "/usr/bin/chromium"

PERFORMANCE = 0.95
RUNS = 3
RETRIES = 2
# Below this BenchmarkIndex Lighthouse warns that the host is slower than it expects
# (lighthouse/core/gather/driver/environment.js, SLOW_CPU_BENCHMARK_INDEX_THRESHOLD).
SLOW_HOST = 1000
DEFAULT_CPU = 4.0


def cpu_multiplier(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host emulate Lighthouse's phone (the piecewise-linear
    rule of Lighthouse's CPU throttling calculator: 150 -> 1x, 800 -> 2x, 1300 -> 3x, then
    +1x per 233), capped at Lighthouse's default."""
    if benchmark_index >= 1300:
        multiplier = 3 + (benchmark_index - 1300) / 233
    elif benchmark_index >= 800:
        multiplier = 2 + (benchmark_index - 800) / 500
    else:
        multiplier = 1 + max(benchmark_index - 150, 0) / 650
    return round(min(multiplier, DEFAULT_CPU), 2)


def test_cpu_multiplier_follows_the_calculator() -> None:
    assert cpu_multiplier(150) == 1.0
    assert cpu_multiplier(800) == 2.0
    assert cpu_multiplier(1300) == 3.0
    assert cpu_multiplier(475) == 1.5
    assert cpu_multiplier(1533) == 4.0
    assert cpu_multiplier(2500) == DEFAULT_CPU
    assert cpu_multiplier(50) == 1.0


def lighthouse(url: str, out: Path, *, cookie: str | None = None, cpu: float | None) -> Any:
    cmd = ["node", str(SCRIPT), url, str(out)]
    if cookie:
        cmd += ["--cookie", cookie]
    if cpu is not None:
        cmd += ["--cpu", str(cpu)]
    done = subprocess.run(
        cmd, cwd=FRONTEND, capture_output=True, text=True, timeout=240, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text())


def summary(lhr: Any) -> dict[str, Any]:
    cats, audits = lhr["categories"], lhr["audits"]
    return {
        "performance": cats["performance"]["score"],
        "accessibility": cats["accessibility"]["score"],
        "best-practices": cats["best-practices"]["score"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "LCP ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "TBT ms": round(audits["total-blocking-time"]["numericValue"]),
        "console errors": [
            item.get("description")
            for item in audits["errors-in-console"].get("details", {}).get("items", [])
        ],
        "uncompressed": audits["uses-text-compression"]["score"] != 1,
        "cpu x": lhr["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
        "benchmarkIndex": lhr["environment"]["benchmarkIndex"],
        "final url": lhr["finalDisplayedUrl"],
    }


def audit(url: str, tmp_path: Path, *, cookie: str | None = None) -> list[dict[str, Any]]:
    """Up to RUNS runs, until one reaches PERFORMANCE; the rest must hold in every run."""
    runs: list[dict[str, Any]] = []
    failed: list[Any] = []
    cpu: float | None = None  # Lighthouse's own default first
    while len(runs) < RUNS:
        lhr = lighthouse(url, tmp_path / f"run{len(runs)}.json", cookie=cookie, cpu=cpu)
        if lhr.get("runtimeError"):
            # Lighthouse's own "please run Lighthouse again" (e.g. NO_NAVSTART: a trace it
            # failed to record); it measured nothing, so it is neither a pass nor a fail.
            failed.append(lhr["runtimeError"])
            assert len(failed) <= RETRIES, failed
            continue
        run = summary(lhr)
        print(run)  # noqa: T201 (the numbers, for the log)
        runs.append(run)
        assert run["accessibility"] == 1.0, run
        assert run["best-practices"] == 1.0, run
        assert run["console errors"] == [], run
        assert run["CLS"] == 0, run
        assert not run["uncompressed"], run
        if run["performance"] >= PERFORMANCE:
            break
        if run["benchmarkIndex"] < SLOW_HOST:
            cpu = cpu_multiplier(run["benchmarkIndex"])
    best = max(run["performance"] for run in runs)
    assert best >= PERFORMANCE, runs
    return runs


@pytest.fixture
def ready() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Lighthouse needs Debian's chromium: run `make test` (it installs it).")
    if shutil.which("node") is None or not (FRONTEND / "node_modules" / "lighthouse").exists():
        pytest.fail("Lighthouse needs frontend/node_modules: run `make test`.")
    if not (FRONTEND / "dist" / "index.html").exists():
        pytest.fail("Lighthouse needs the built PWA: run `make test` (it builds it).")


@pytest.mark.lighthouse
@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(900)
def test_first_screen_signed_out(ready: None, live_server: Any, tmp_path: Path) -> None:
    runs = audit(live_server.url + "/", tmp_path)
    assert runs[-1]["final url"] == live_server.url + "/"


@pytest.mark.lighthouse
@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(900)
def test_home_signed_in(ready: None, live_server: Any, tmp_path: Path) -> None:
    from django.conf import settings

    world = circle_world(members=5)
    client = client_for(world.owner)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    runs = audit(live_server.url + "/", tmp_path, cookie=cookie)
    assert runs[-1]["final url"] == live_server.url + "/"

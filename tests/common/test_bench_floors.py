"""`make bench-api`'s floor views exist only when SHOULDER_BENCH_FLOORS is on, never in
production (where the setting is ignored)."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.urls import resolve

from backend.common.bench import bare_floor

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import django; django.setup(); from django.conf import settings; "
    "from django.urls import resolve; "
    "print(settings.BENCH_FLOORS, resolve('/bench/floor/bare').func.__name__)"
)


def floors_in(env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "backend.settings", **env},
        check=True,
    )
    return result.stdout.strip()


def test_the_floors_are_off_by_default() -> None:
    assert settings.BENCH_FLOORS is False
    assert resolve("/bench/floor/bare").func is not bare_floor


def test_the_setting_mounts_them_locally_and_production_ignores_it(tmp_path: Path) -> None:
    local = {"SHOULDER_VAR_DIR": str(tmp_path), "SHOULDER_BENCH_FLOORS": "1"}
    assert floors_in(local) == "True bare_floor"
    production = {
        **local,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 30 + "production-secret-for-the-check-only-9f8e7d6c5b4a",
        "MFA_ENCRYPTION_KEY": "y" * 44,
        "REDIS_URL": "redis://127.0.0.1:6379/9",
        "ALLOWED_HOSTS": "shoulder.example",
        "SITE_URL": "https://shoulder.example",
    }
    assert floors_in(production) == "False spa_index"

"""Item 7 of issue #11: production needs a shared cache (rate limits count in it)."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "PATH": "/usr/bin:/bin",
    "DJANGO_ENV": "production",
    "SECRET_KEY": "x" * 30 + "production-secret-for-the-check-only-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "shoulder.example",
    "SITE_URL": "https://shoulder.example",
    "SHOULDER_VAR_DIR": "/tmp/shoulder-deploy-check",
}


def test_production_refuses_to_start_without_redis() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=PRODUCTION_ENV,
        check=False,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL" in result.stderr


def test_the_system_check_names_a_per_process_cache_in_production(settings: Any) -> None:
    settings.PRODUCTION = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Only the cache checks: the model checks would open a database connection.
    with pytest.raises(SystemCheckError, match="REDIS_URL"):
        call_command("check", tag=["caches"], verbosity=0)


def test_locally_a_per_process_cache_is_fine(settings: Any) -> None:
    settings.PRODUCTION = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    call_command("check", tag=["caches"], verbosity=0)

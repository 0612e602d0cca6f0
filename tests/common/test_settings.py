"""Every knob of the app is declared once, in `settings.SHOULDER`, read through one accessor,
and documented in the README; nothing else reads the environment."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from backend.common.conf import shoulder_setting

ROOT = Path(__file__).resolve().parents[2]


def test_every_knob_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z_]+)`", readme, flags=re.M))
    documented |= set(re.findall(r"`(VAPID_[A-Z_]+)`", readme))
    assert set(settings.SHOULDER) - documented == set()


def test_an_undeclared_knob_is_a_configuration_error() -> None:
    with pytest.raises(ImproperlyConfigured, match="NO_SUCH_KNOB"):
        shoulder_setting("NO_SUCH_KNOB")


def test_nothing_but_settings_reads_the_environment() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "backend").rglob("*.py"))
        if path.name not in {"settings.py", "wsgi.py", "asgi.py"}
        and re.search(r"\bos\.(environ|getenv)\b", path.read_text())
    ]
    assert readers == []

"""The server speaks each person's language (issue #17): API error sentences in the request's
language (a signed-in person's own, else the browser's) with the same machine codes, and a
Spanish catalog that holds every sentence the code marks, all of them translated."""

import ast
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext_lazy

from backend.common.renderers import ORJSONRenderer
from tests.common.helpers import client_for
from tests.common.world import make_person

ROOT = Path(__file__).resolve().parents[2]
BACKEND = ROOT / "backend"
CATALOG = BACKEND / "locale" / "es" / "LC_MESSAGES" / "django.po"


def _error(res: Any) -> tuple[int, str, str, str | None]:
    [error] = res.json()["errors"]
    return res.status_code, error["code"], error["detail"], error["attr"]


# --- API errors -------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_error_comes_back_in_the_persons_language_with_the_same_code() -> None:
    ana = make_person(display_name="Ana", language="es")
    sam = make_person(display_name="Sam")
    path = f"/api/v1/checkins/{uuid.uuid4()}/"
    # Ana's profile wins over an English browser; Sam's over a Spanish one.
    res = client_for(ana).get(path, headers={"accept-language": "en"})
    assert _error(res) == (
        404,
        "not_found",
        "Esa petición no existe, o no es tuya para verla.",
        None,
    )
    res = client_for(sam).get(path, headers={"accept-language": "es"})
    assert _error(res) == (
        404,
        "not_found",
        "There is no such check-in, or it isn't yours to see.",
        None,
    )


@pytest.mark.django_db
def test_a_field_error_keeps_its_code_and_field_in_spanish() -> None:
    ana = make_person(display_name="Ana", language="es")
    res = client_for(ana).patch(
        "/api/v1/me/", {"timezone": "Mars/Olympus"}, content_type="application/json"
    )
    assert _error(res) == (
        400,
        "invalid_timezone",
        "Elige una zona horaria de la lista, como Europe/Madrid.",
        "timezone",
    )
    sam = make_person(display_name="Sam")
    res = client_for(ana).post(
        "/api/v1/blocks/", {"user": str(ana.pk)}, content_type="application/json"
    )
    assert _error(res)[:3] == (400, "cannot_block_self", "No puedes bloquearte a ti mismo.")
    res = client_for(sam).post(
        "/api/v1/blocks/", {"user": str(sam.pk)}, content_type="application/json"
    )
    assert _error(res)[:3] == (400, "cannot_block_self", "You can't block yourself.")


@pytest.mark.django_db
def test_signed_out_the_browsers_language_is_used() -> None:
    res = Client().get("/api/v1/invites/not-a-real-token/", headers={"accept-language": "es"})
    status, code, detail, _ = _error(res)
    assert (status, code) == (404, "invite_not_found")
    assert detail.startswith("Este enlace de invitación no funciona.")
    res = Client().get("/api/v1/invites/not-a-real-token/", headers={"accept-language": "en"})
    assert _error(res)[2].startswith("This invite link doesn't work.")
    # DRF's own sentences come from DRF's Spanish catalog.
    res = Client().get("/api/v1/me/", headers={"accept-language": "es"})
    status, code, detail, _ = _error(res)
    assert code == "not_authenticated"
    assert detail == "Las credenciales de autenticación no se proveyeron."
    # Paths the API doesn't have.
    res = Client().get("/api/v1/no-such-thing/", headers={"accept-language": "es"})
    assert _error(res) == (404, "not_found", "Aquí no hay nada. Revisa la dirección.", None)


@pytest.mark.django_db
def test_a_csrf_failure_is_explained_in_the_persons_language() -> None:
    ana = make_person(display_name="Ana", language="es")
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana, backend="django.contrib.auth.backends.ModelBackend")
    res = client.patch("/api/v1/me/", {"display_name": "A"}, content_type="application/json")
    assert _error(res) == (
        403,
        "csrf_failed",
        "A esta petición le faltaba su código de seguridad. "
        "Vuelve a cargar la página e inténtalo de nuevo.",
        None,
    )


def test_the_json_renderer_writes_lazy_translations_as_text() -> None:
    data = {"errors": [{"detail": gettext_lazy("This request is too large. Send less at once.")}]}
    with translation.override("es"):
        body = ORJSONRenderer().render(data)
    assert (
        body.decode()
        == '{"errors":[{"detail":"Esto es demasiado grande. Envía menos de una vez."}]}'
    )


# --- the catalog ------------------------------------------------------------------------


def _unquote(text: str) -> str:
    return ast.literal_eval(f'"{text}"') if text else ""


def parse_po(path: Path) -> list[dict[str, Any]]:
    """Each entry of a .po file: msgid, msgid_plural, msgstr (a list), and flags."""
    entries: list[dict[str, Any]] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: dict[str, Any] = {"flags": set(), "msgstr": []}
        field = None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {f.strip() for f in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif match := re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line):
                field = match.group(1)
                value = _unquote(match.group(2))
                if field.startswith("msgstr"):
                    entry["msgstr"].append(value)
                else:
                    entry[field] = value
            elif line.startswith('"') and field is not None:
                value = _unquote(line[1:-1])
                if field.startswith("msgstr"):
                    entry["msgstr"][-1] += value
                else:
                    entry[field] += value
        if "msgid" in entry:
            entries.append(entry)
    return entries


GETTEXT_FUNCTIONS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}


def marked_in_code() -> set[str]:
    """Every msgid the Python code marks (`_`, `gettext`, `gettext_lazy`, `ngettext`): what
    `make messages` gathers from it."""
    found: set[str] = set()
    for path in BACKEND.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in GETTEXT_FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_the_spanish_catalog_is_whole() -> None:
    entries = [e for e in parse_po(CATALOG) if e["msgid"]]
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"]) or not e["msgstr"]]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []
    missing = marked_in_code() - {e["msgid"] for e in entries}
    assert missing == set(), "run `make messages` and translate these"
    for entry in entries:
        names = set(re.findall(r"\{\w+\}|%\(\w+\)s", entry["msgid"]))
        for text in entry["msgstr"]:
            assert set(re.findall(r"\{\w+\}|%\(\w+\)s", text)) == names, entry["msgid"]


# --- nothing a person reads is left unmarked -------------------------------------------

# Calls whose (first or `detail`) sentence argument a person reads.
SENTENCE_CALLS = {
    "ApplicationError": 1,
    "not_found": 0,
    "invalid": 2,
    "ValidationError": 0,
    "PermissionDenied": 0,
    "ParseError": 0,
    "error_body": 1,
}


def _plain_text(node: ast.AST | None) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
    )


def test_no_sentence_a_person_reads_is_left_unmarked() -> None:
    """Error sentences and push words go through gettext (the English text is the msgid);
    a bare string or f-string here would reach a Spanish speaker in English."""
    unmarked: list[str] = []
    for path in BACKEND.rglob("*.py"):
        parts = path.relative_to(BACKEND).parts
        if parts[0] in ("web", "locale") or "migrations" in parts or path.name == "views.py":
            continue  # the crisis pages are translated on their own; healthz is for operators
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            args: list[ast.AST | None] = []
            if name in SENTENCE_CALLS:
                position = SENTENCE_CALLS[name]
                args.append(node.args[position] if len(node.args) > position else None)
                args += [k.value for k in node.keywords if k.arg in ("detail", "message")]
            elif name == "notify":
                args += [k.value for k in node.keywords if k.arg in ("title", "body")]
            for arg in args:
                if _plain_text(arg) and arg is not None:
                    unmarked.append(f"{path.relative_to(ROOT)}:{arg.lineno}")
    assert unmarked == []

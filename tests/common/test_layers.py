"""The apps' layering, read from the source: every `import` of a backend module (at module
level or inside a function, type-only ones included) is an edge of the import graph.

- No two modules import each other, directly or round a longer cycle.
- An app imports only from its own layer or below:
  common < accounts < notifications < circles < checkins < aftermath < moderation < privacy, with
  web beside accounts (web may import common and accounts only). settings, urls, wsgi and
  asgi are the top and may import anything. A lower app that needs something from a higher
  one takes it as an argument (ids, a callable) instead.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2] / "backend"

ORDER = [
    "common",
    "accounts",
    "notifications",
    "circles",
    "checkins",
    "aftermath",
    "moderation",
    "privacy",
]
RANK = {app: i for i, app in enumerate(ORDER)}
RANK["web"] = RANK["accounts"]
TOP = {"settings", "urls", "wsgi", "asgi"}

# Known violations waiting for another branch, as (importer, imported) module pairs.
PENDING: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(BACKEND.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(BACKEND.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """The backend modules `name` imports (a `from package import module` names the module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # `import backend.x.y` also runs backend.x; the edge that matters is to y.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("backend.") and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: set(imported(name, path, known)) for name, path in found.items()}


def app_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def without_pending(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    return {a: {b for b in targets if (a, b) not in PENDING} for a, targets in edges.items()}


def layer_violations(edges: dict[str, set[str]]) -> list[str]:
    wrong = []
    for importer, targets in sorted(edges.items()):
        source = app_of(importer)
        if source in TOP or source not in RANK:
            continue
        for target in sorted(targets):
            dest = app_of(target)
            if dest == source:
                continue
            allowed = dest in RANK and RANK[dest] <= RANK[source]
            if source == "web" or dest == "web":
                allowed = dest in {"common", "accounts"} and source == "web"
            if dest in TOP:
                allowed = False
            if not allowed and (importer, target) not in PENDING:
                wrong.append(f"{importer} imports {target}")
    return wrong


def test_every_backend_app_has_a_layer() -> None:
    apps = {app_of(name) for name in modules()} - {""}
    assert apps - TOP <= set(RANK), apps - TOP - set(RANK)


def test_no_import_cycles() -> None:
    assert cycles(without_pending(graph())) == []


def test_apps_import_only_their_own_layer_or_below() -> None:
    assert layer_violations(graph()) == []


def test_pending_exceptions_still_exist() -> None:
    """An allow-list entry that no longer happens must go (so the list only shrinks)."""
    edges = graph()
    assert [pair for pair in sorted(PENDING) if pair[1] not in edges.get(pair[0], set())] == []


def test_the_checks_catch_what_they_should() -> None:
    # The checker itself, on a made-up graph: a cycle, an upward import, web reaching up,
    # and a lower app reaching web.
    edges = {
        "backend.circles.a": {"backend.circles.b"},
        "backend.circles.b": {"backend.circles.a"},
        "backend.notifications.x": {"backend.circles.a"},
        "backend.web.v": {"backend.notifications.x", "backend.accounts.m"},
        "backend.common.c": {"backend.web.v"},
        "backend.urls": {"backend.aftermath.apis"},
    }
    assert cycles(edges) == [["backend.circles.a", "backend.circles.b"]]
    assert layer_violations(edges) == [
        "backend.common.c imports backend.web.v",
        "backend.notifications.x imports backend.circles.a",
        "backend.web.v imports backend.notifications.x",
    ]

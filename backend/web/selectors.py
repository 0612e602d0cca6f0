import json
from pathlib import Path
from typing import Any

from backend.web.models import CrisisResource

# The built-in list: loaded as rows by migration 0003 (so the admin shows and edits them) and
# bundled by the PWA as its offline copy (frontend/src/crisis/resources.ts), every region in
# it. Editing the file changes new databases and the offline copy; existing databases need a
# data migration (0003's `load_defaults` adds what is missing).
CRISIS_DEFAULTS_FILE = Path(__file__).with_name("crisis_resources.json")
_DEFAULTS: dict[str, Any] = json.loads(CRISIS_DEFAULTS_FILE.read_text(encoding="utf-8"))
CRISIS_INTRO: str = _DEFAULTS["intro"]
DEFAULT_CRISIS_RESOURCES: list[dict[str, Any]] = _DEFAULTS["resources"]

FIELDS = ("name", "region", "language", "description", "phone", "text", "url")


def crisis_resource_list() -> list[dict[str, Any]]:
    """What the crisis page shows, every region (the PWA picks the person's own): the active
    rows in order, and for any region left without an active emergency number, the built-in
    one, so an admin's edit can never take the emergency number away."""
    rows = [
        {**{f: getattr(r, f) for f in FIELDS}, "emergency": r.is_emergency}
        for r in CrisisResource.objects.filter(is_active=True).order_by("position", "name")
    ]
    covered = {r["region"] for r in rows if r["emergency"]}
    stand_ins = [
        d for d in DEFAULT_CRISIS_RESOURCES if d["emergency"] and d["region"] not in covered
    ]
    return rows + [{**{f: d[f] for f in FIELDS}, "emergency": True} for d in stand_ins]

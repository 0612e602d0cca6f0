import json
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from backend.web.models import CrisisResource

# The one default list, used until an admin edits the list so the page is never empty.
# The PWA bundles the same file as its offline copy (frontend/src/crisis/resources.ts).
CRISIS_DEFAULTS_FILE = Path(__file__).with_name("crisis_resources.json")
_DEFAULTS: dict[str, Any] = json.loads(CRISIS_DEFAULTS_FILE.read_text(encoding="utf-8"))
CRISIS_INTRO: str = _DEFAULTS["intro"]
DEFAULT_CRISIS_RESOURCES: list[dict[str, str]] = _DEFAULTS["resources"]


def crisis_resource_list() -> QuerySet[CrisisResource]:
    return CrisisResource.objects.filter(is_active=True).order_by("position", "name")

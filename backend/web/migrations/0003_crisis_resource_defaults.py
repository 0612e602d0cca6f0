"""The built-in crisis resources become rows the admin shows and edits (before, they were
a fallback that vanished as soon as one row was added). Read from crisis_resources.json,
which the PWA bundles as its offline copy; rows already there (same region and name) are
left as they are."""

import json
from pathlib import Path
from typing import Any

from django.db import migrations

DEFAULTS_FILE = Path(__file__).resolve().parents[1] / "crisis_resources.json"


def load_defaults(apps: Any, schema_editor: Any) -> None:
    CrisisResource = apps.get_model("web", "CrisisResource")
    resources = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))["resources"]
    have = set(CrisisResource.objects.values_list("region", "name"))
    CrisisResource.objects.bulk_create(
        CrisisResource(
            name=r["name"],
            region=r["region"],
            language=r["language"],
            is_emergency=r["emergency"],
            description=r["description"],
            phone=r["phone"],
            text=r["text"],
            url=r["url"],
            position=(i + 1) * 10,
        )
        for i, r in enumerate(resources)
        if (r["region"], r["name"]) not in have
    )


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0002_crisis_resource_region_language"),
    ]

    operations = [
        migrations.RunPython(load_defaults, migrations.RunPython.noop),
    ]

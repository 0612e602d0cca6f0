"""Each crisis resource gets a region code (ISO 3166-1 alpha-2, or 'international'), a
language and an emergency flag. Regions written as words by admins become codes first."""

from typing import Any

from django.db import migrations, models

import backend.web.models

# The names people wrote in the old free-text field, as codes; anything else applies anywhere.
_NAMED = {
    "united states": "US",
    "usa": "US",
    "us": "US",
    "canada": "CA",
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "ireland": "IE",
    "australia": "AU",
    "new zealand": "NZ",
    "germany": "DE",
    "deutschland": "DE",
    "france": "FR",
    "spain": "ES",
    "españa": "ES",
    "mexico": "MX",
    "méxico": "MX",
    "argentina": "AR",
    "colombia": "CO",
    "chile": "CL",
    "india": "IN",
}


def regions_as_codes(apps: Any, schema_editor: Any) -> None:
    CrisisResource = apps.get_model("web", "CrisisResource")
    for row in CrisisResource.objects.all():
        text = row.region.strip()
        code = _NAMED.get(text.lower())
        if code is None:
            code = text.upper() if len(text) == 2 and text.isalpha() else "international"
        if code != row.region:
            row.region = code
            row.save(update_fields=["region"])


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="crisisresource",
            name="is_emergency",
            field=models.BooleanField(
                default=False,
                help_text="The emergency number of its region: shown first, and always shown "
                "(the built-in one stands in if none is active).",
            ),
        ),
        migrations.AddField(
            model_name="crisisresource",
            name="language",
            field=models.CharField(
                default="en",
                help_text="The language it answers in, e.g. en, es, fr.",
                max_length=8,
            ),
        ),
        # Before the field narrows (80 → 13 characters), so no old value is cut.
        migrations.RunPython(regions_as_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="crisisresource",
            name="region",
            field=models.CharField(
                default="international",
                help_text="Where it applies: a country code (ISO 3166-1, e.g. GB, US, ES) or "
                "'international' for what works anywhere.",
                max_length=13,
                validators=[backend.web.models.validate_region],
            ),
        ),
    ]

"""Issue #14 item 8 / #17: crisis resources are rows the admin shows and edits (loaded from the
file the PWA bundles offline), each with a region and a language, and every region keeps its
emergency number whatever the admin does."""

import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from backend.web.models import CrisisResource
from backend.web.selectors import CRISIS_DEFAULTS_FILE
from tests.common.helpers import add_totp, client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/crisis-resources/"
REGIONS = {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "MX", "AR", "CO", "CL", "IN"}
EMERGENCY = {
    "US": "911",
    "CA": "911",
    "GB": "999",
    "IE": "112",
    "AU": "000",
    "NZ": "111",
    "DE": "112",
    "FR": "112",
    "ES": "112",
    "MX": "911",
    "AR": "911",
    "CO": "123",
    "CL": "131",
    "IN": "112",
    "international": "112",
}


def _file() -> list[dict[str, Any]]:
    return json.loads(CRISIS_DEFAULTS_FILE.read_text(encoding="utf-8"))["resources"]


def _emergency(resources: list[dict[str, Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in resources:
        if r["emergency"]:
            out.setdefault(r["region"], []).append(r["phone"])
    return out


def test_the_defaults_are_rows_and_the_api_shows_the_file_the_pwa_bundles() -> None:
    assert CrisisResource.objects.count() == len(_file())
    body = Client().get(URL).json()
    assert body["resources"] == _file()
    # Nothing is "Worldwide 112" any more: every region has its own emergency number.
    assert _emergency(body["resources"]) == {region: [phone] for region, phone in EMERGENCY.items()}
    assert {r["region"] for r in body["resources"]} == REGIONS | {"international"}
    assert all(r["language"] in {"en", "es", "fr", "de"} for r in body["resources"])
    # Every region has something beside the emergency number.
    for region in REGIONS | {"international"}:
        assert any(r["region"] == region and not r["emergency"] for r in body["resources"]), region


def test_adding_a_resource_keeps_every_default() -> None:
    before = Client().get(URL).json()["resources"]
    CrisisResource.objects.create(
        name="Local line", region="GB", language="en", phone="0800 000 000", position=1
    )
    after = Client().get(URL).json()["resources"]
    assert after[0]["name"] == "Local line"
    assert after[1:] == before


def test_a_region_never_loses_its_emergency_number() -> None:
    CrisisResource.objects.filter(region="GB", is_emergency=True).update(is_active=False)
    CrisisResource.objects.filter(region="US", is_emergency=True).delete()
    resources = Client().get(URL).json()["resources"]
    emergency = _emergency(resources)
    assert emergency["GB"] == ["999"]
    assert emergency["US"] == ["911"]
    # An admin's own emergency entry for a region is used instead of the built-in one.
    CrisisResource.objects.create(name="Emergency", region="GB", phone="112", is_emergency=True)
    assert _emergency(Client().get(URL).json()["resources"])["GB"] == ["112"]


def test_inactive_resources_are_not_shown() -> None:
    CrisisResource.objects.filter(name="Samaritans").update(is_active=False)
    names = [r["name"] for r in Client().get(URL).json()["resources"]]
    assert "Samaritans" not in names


def test_a_region_is_a_country_code_or_international() -> None:
    for good in ("GB", "international"):
        CrisisResource(name="x", region=good, phone="1").full_clean()
    for bad in ("gb", "United Kingdom", "Worldwide", "GBR"):
        with pytest.raises(ValidationError) as err:
            CrisisResource(name="x", region=bad, phone="1").full_clean()
        assert err.value.error_dict["region"][0].code == "invalid_region"


def test_the_admin_lists_the_defaults(make_user: Any) -> None:
    admin = make_user(is_staff=True, is_superuser=True)
    add_totp(admin)
    client = client_for(admin)
    page = client.get("/admin/web/crisisresource/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"{len(_file())} crisis resources" in html
    assert "Samaritans" in html
    added = client.post(
        "/admin/web/crisisresource/add/",
        {
            "name": "Local line",
            "region": "Worldwide",
            "language": "en",
            "phone": "555",
            "position": 1,
            "is_active": "on",
        },
    )
    assert added.status_code == 200  # the form again, with the region's error
    assert "two-letter country code" in added.content.decode()

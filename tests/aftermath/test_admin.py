"""Staff don't read notes: the admin shows no note body anywhere."""

from typing import Any

import pytest
from django.contrib import admin
from django.urls import reverse

from backend.aftermath.models import AftermathNote, Reaction
from tests.aftermath.conftest import World
from tests.common.helpers import add_totp, client_for
from tests.common.world import add_device, make_note, make_reaction

pytestmark = pytest.mark.django_db

BODY = "The mascara joke nobody else may read"


def test_no_aftermath_model_is_registered() -> None:
    assert AftermathNote not in admin.site._registry
    assert Reaction not in admin.site._registry


def test_the_admin_never_shows_a_note_body(world: World, make_user: Any) -> None:
    add_device(world.participant)
    note = make_note(world.checkin, world.author, BODY, audience="circle")
    make_reaction(note, world.participant, "hug")
    add_totp(world.staff)  # the admin opens only with a second factor
    client = client_for(world.staff)

    pages = ["/admin/", "/admin/aftermath/"]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse(f"admin:{info[0]}_{info[1]}_changelist"))
        # And the change page of every row, which is where a body would show.
        for pk in model_admin.get_queryset(_request(world)).values_list("pk", flat=True)[:50]:
            pages.append(reverse(f"admin:{info[0]}_{info[1]}_change", args=[pk]))
    pages += [f"/admin/aftermath/aftermathnote/{note.pk}/change/", "/admin/aftermath/reaction/"]

    seen = 0
    for page in pages:
        res = client.get(page, follow=True)
        assert res.status_code in (200, 404), (page, res.status_code)
        text = res.content.decode()
        assert BODY not in text, page
        assert "mascara" not in text.lower(), page
        seen += res.status_code == 200
    assert seen > 5  # the admin itself works for this superuser
    index = client.get("/admin/").content.decode()
    assert "aftermath" not in index.lower()
    assert client.get("/admin/aftermath/").status_code == 404


def _request(world: World) -> Any:
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = world.staff
    return request

"""The admin side of the moderation journey in a real browser: a member's report is in the
queue, a moderator (with a second factor) sees the snapshot, hides the note and warns its
author; the note is gone for everyone; the reporter reads the outcome; the author appeals,
the appeal is approved in the admin; the audit log lists every step.

The moderator's session is made server-side: the PWA's login screen has no second-factor step
yet (its screens come with the frontend work), and the admin requires one."""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import Page, expect

from backend.aftermath.models import AftermathNote, Audience
from backend.circles.models import Membership
from tests.common.helpers import add_totp, client_for, post
from tests.moderation.conftest import make_moderator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HURTFUL = "Nobody wants you here"


def _world(make_user: Any) -> dict[str, Any]:
    from django.utils import timezone

    from backend.checkins.models import AudienceMember, CheckIn, Kind, Mode, Response, Status
    from backend.circles import services as circle_services

    a, b, c = (make_user(display_name=n) for n in ("Ana", "Ben", "Cy"))
    circle = circle_services.circle_create(user=a, name="Sunday people")
    for person in (b, c):
        Membership.objects.create(circle=circle, user=person)
    now = timezone.now()
    checkin = CheckIn.objects.create(
        requester=a,
        circle=circle,
        kind=Kind.REACH_OUT,
        mode=Mode.CALL,
        status=Status.CLOSED,
        activated_at=now,
        closed_at=now,
        closed_by=a,
    )
    AudienceMember.objects.create(checkin=checkin, user=c)
    Response.objects.create(checkin=checkin, responder=c, answer="calling")
    note = AftermathNote.objects.create(
        checkin=checkin, author=c, body=HURTFUL, audience=Audience.CIRCLE
    )
    return {"a": a, "b": b, "c": c, "note": note}


def _sign_in(page: Page, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_admin_moderation_journey(phone: Page, live_server: Any, make_user: Any) -> None:
    world = _world(make_user)
    a, b, c, note = world["a"], world["b"], world["c"], world["note"]
    ana = client_for(a)
    res = post(
        ana,
        "/api/v1/reports/",
        {"target_type": "note", "target_id": str(note.pk), "category": "harassment"},
    )
    assert res.status_code == 201

    moderator = make_moderator(make_user, with_totp=False)
    assert moderator.groups.filter(pk=Group.objects.get(name="Moderators").pk).exists()
    page = phone
    _sign_in(page, live_server, moderator)
    page.goto("/admin/")
    expect(page).to_have_url(f"{live_server.url}/account/security?next=/admin/")
    add_totp(moderator)

    page.goto("/admin/")
    expect(page.get_by_text("Shoulder moderation").first).to_be_visible()
    page.get_by_role("link", name="Reports").first.click()
    page.get_by_role("link", name="Note by Cy").first.click()
    expect(page.get_by_text(HURTFUL)).to_be_visible()  # the snapshot

    page.locator("#id_action").select_option("hide_content")
    page.locator("#id_reason").fill("Hurtful words")
    page.locator("input[name=_save]").click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    page.get_by_role("link", name="Note by Cy").first.click()
    page.locator("#id_action").select_option("warn")
    page.locator("#id_reason").fill("Please be kind to the people here.")
    page.locator("input[name=_save]").click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    # Gone for everyone; the reporter reads the outcome.
    for person in (a, b, c):
        assert client_for(person).get(f"/api/v1/notes/{note.pk}/").status_code == 404
    mine = ana.get("/api/v1/reports/").json()["results"][0]
    assert mine["outcome"] == "We reviewed your report and removed the note."

    # The author sees the warning and appeals; the moderator approves it.
    cy = client_for(c)
    strike = cy.get("/api/v1/strikes/").json()["results"][0]
    assert strike["reason"] == "Please be kind to the people here."
    res = post(cy, f"/api/v1/strikes/{strike['id']}/appeal/", {"text": "It was a song lyric."})
    assert res.status_code == 201
    page.goto("/admin/moderation/appeal/")
    page.locator("input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option("approve")
    page.get_by_role("button", name="Run").or_(page.get_by_role("button", name="Go")).click()
    expect(page.get_by_text("1 appeal(s) decided.")).to_be_visible()
    assert client_for(b).get(f"/api/v1/notes/{note.pk}/").status_code == 200

    page.goto("/admin/moderation/moderationaction/")
    for step in ("Hide content", "Warn", "Appeal approved"):
        expect(
            page.get_by_role("cell", name=step).or_(page.get_by_text(step)).first
        ).to_be_visible()

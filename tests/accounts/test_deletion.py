from datetime import timedelta
from typing import Any

import time_machine
from django.apps import apps
from django.core import mail
from django.db import models
from django.utils import timezone

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote
from backend.circles.models import Circle, Membership
from backend.moderation.models import ModerationAction, Report
from backend.privacy.services import DELETED_LABEL
from tests.accounts.privacy_world import (
    ALEX_NOTE,
    ALEX_PRIVATE,
    BROWSER,
    DANA_EMAIL,
    DANA_NAME,
    MARKERS,
    REPORTED_NOTE_WORDS,
    build,
    log_in,
)
from tests.common.world import PASSWORD
from tests.conftest import error_codes

ME = "/api/v1/me/"


def _text_columns() -> list[tuple[type[models.Model], str]]:
    kinds = (models.CharField, models.TextField, models.JSONField, models.EmailField)
    return [
        (model, f.attname)
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        if isinstance(f, kinds)
    ]


def _rows_holding(marker: str) -> list[str]:
    found = []
    for model, column in _text_columns():
        for pk, value in model._base_manager.values_list("pk", column):
            if value is not None and marker.lower() in str(value).lower():
                found.append(f"{model._meta.label}.{column} ({pk})")
    return found


def test_deleting_the_account_leaves_no_row_with_her_email_or_words(db: Any) -> None:
    world = build()
    client = log_in(DANA_EMAIL)
    assert _rows_holding(DANA_EMAIL), "the scan must see the markers before"
    assert _rows_holding(REPORTED_NOTE_WORDS)

    res = client.delete(ME)

    assert res.status_code == 204, res.content
    assert not User.objects.filter(pk=world.dana.pk).exists()
    # Kept, as the README says: the snapshot of the reported words, the moderator's evidence.
    report_about = Report.objects.get(snapshot__contains=REPORTED_NOTE_WORDS)
    leftovers = {m: _rows_holding(m) for m in MARKERS}
    leftovers[REPORTED_NOTE_WORDS] = [
        row
        for row in leftovers[REPORTED_NOTE_WORDS]
        if row != f"moderation.Report.snapshot ({report_about.pk})"
    ]
    assert {m: rows for m, rows in leftovers.items() if rows} == {}
    assert DELETED_LABEL in report_about.target_label
    assert any(DELETED_LABEL in a.target_label for a in ModerationAction.objects.all())
    # Her report of Alex's note stays (without her words), with its outcome.
    world.report_by_dana.refresh_from_db()
    assert world.report_by_dana.reporter is None
    assert world.report_by_dana.details == ""

    # Others' notes remain; her own circle passed to Sam, the empty one is gone.
    assert set(AftermathNote.objects.values_list("body", flat=True)) == {ALEX_NOTE, ALEX_PRIVATE}
    assert Membership.objects.get(circle=world.danas, user=world.sam).role == "owner"
    assert not Circle.objects.filter(pk=world.lonely.pk).exists()
    assert Membership.objects.filter(circle=world.shared).count() == 3

    # Signed out, and she can't log in again.
    assert client.get(ME).status_code in (401, 403)
    res = client.post(
        f"{BROWSER}/auth/login",
        {"email": DANA_EMAIL, "password": PASSWORD},
        content_type="application/json",
    )
    assert res.status_code == 400


def test_deletion_needs_a_recent_login(db: Any) -> None:
    world = build()
    client = log_in(DANA_EMAIL)
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        res = client.delete(ME)
    assert res.status_code == 403
    assert error_codes(res) == ["reauthentication_required"]
    assert User.objects.filter(pk=world.dana.pk).exists()


def test_the_old_address_hears_about_an_email_change_after_reauthentication(db: Any) -> None:
    build()
    client = log_in(DANA_EMAIL)
    new = "dana.new@example.com"
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        res = client.post(
            f"{BROWSER}/account/email", {"email": new}, content_type="application/json"
        )
        assert res.status_code == 401, res.content
        flows = [f["id"] for f in res.json()["data"]["flows"]]
        assert "reauthenticate" in flows
        res = client.post(
            f"{BROWSER}/auth/reauthenticate",
            {"password": PASSWORD},
            content_type="application/json",
        )
        assert res.status_code == 200, res.content
        mail.outbox.clear()
        res = client.post(
            f"{BROWSER}/account/email", {"email": new}, content_type="application/json"
        )
        assert res.status_code == 200, res.content
        [sent] = mail.outbox
        assert sent.to == [new]
        assert "Shoulder" in sent.subject
        from tests.common.world import code_from_mail

        res = client.post(
            f"{BROWSER}/auth/email/verify",
            {"key": code_from_mail()},
            content_type="application/json",
        )
        assert res.status_code == 200, res.content
    assert User.objects.get(display_name=DANA_NAME).email == new
    told = [m for m in mail.outbox if m.to == [DANA_EMAIL]]
    assert told, [m.to for m in mail.outbox]
    assert new in told[-1].body


def test_account_emails_speak_in_the_products_voice(client: Any, db: Any) -> None:
    from tests.conftest import signup_browser

    mail.outbox.clear()
    signup_browser(client, "newcomer@example.com", display_name="Noor")
    [sent] = mail.outbox
    assert sent.subject.startswith("Shoulder: ")
    assert "testserver" not in sent.body
    assert "Hello from" not in sent.body
    assert "With care,\nShoulder" in sent.body
    html = [body for body, kind in getattr(sent, "alternatives", []) if kind == "text/html"]
    assert html
    assert "<p" in str(html[0])

"""The "admin moderation" journey in a real browser, end to end: Cy shares a hurtful note with
the whole circle; Ana reports it from the PWA; a moderator signs in with a second factor, opens
the queue in the admin, sees the snapshot, hides the note and warns Cy; the note is gone for
Ana and Ben; Ana's "My reports" says what was done; Cy reads the warning on the standing screen
and appeals; the appeal is in the admin's queue; the audit log lists every step.

The moderator signs in through allauth's headless API from inside the page (login, then the
TOTP step, with the CSRF header), as the PWA's own login screen will; then opens /admin/."""

import base64
import hashlib
import hmac
import re
import struct
import time
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from backend.aftermath.models import AftermathNote
from backend.moderation.models import ActionKind, ModerationAction, Report
from backend.notifications.models import Notification
from tests.common.world import PASSWORD, add_device, make_circle, make_session
from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.moderators import make_moderator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HURTFUL = "Nobody wants you here, you make every evening about yourself"
REASON = "Please be kind to the people here."
APPEAL = "It was a line from a song we both know. I'm sorry it read that way."


def totp_now(secret: str) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), written here rather than borrowed from allauth."""
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def sign_in_with_second_factor(page: Page, email: str, secret: str) -> None:
    page.goto("/about")  # any PWA page sets the csrftoken cookie
    statuses = page.evaluate(
        """async ({email, password, code}) => {
            const csrf = () => document.cookie.split('; ').find(c => c.startsWith('csrftoken='))
              .split('=')[1];
            const post = (path, body) => fetch('/_allauth/browser/v1' + path, {
              method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
              headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrf()},
            });
            const login = await post('/auth/login', {email, password});
            const pending = (await login.json()).data?.flows?.find(f => f.is_pending)?.id;
            const second = await post('/auth/2fa/authenticate', {code});
            return [login.status, pending, second.status];
        }""",
        {"email": email, "password": PASSWORD, "code": totp_now(secret)},
    )
    assert statuses == [401, "mfa_authenticate", 200], statuses


def note_card(page: Page, text: str) -> Locator:
    return page.get_by_role("article").filter(has_text=text)


def test_admin_moderation_journey(new_phone: Any, make_user: Any) -> None:
    ana = make_user(display_name="Ana", email="ana@example.com")
    ben = make_user(display_name="Ben", email="ben@example.com")
    cy = make_user(display_name="Cy", email="cy@example.com")
    circle = make_circle(ana, [ben, cy], name="Sunday people")
    session = make_session(ana, circle, {cy: "on_my_way"})
    notes_url = f"/checkins/{session.pk}/notes"
    moments_url = f"/circles/{circle.pk}/moments"
    add_device(ana)

    # Cy writes a hurtful note and shares it with the whole circle.
    _, c = new_phone()
    log_in(c, "cy@example.com", "Cy")
    c.goto(notes_url)
    c.get_by_label("Write a few words").fill(HURTFUL)
    c.get_by_role("radio", name="The whole circle").check()
    c.get_by_role("button", name="Share note").click()
    expect(note_card(c, HURTFUL)).to_be_visible()
    note = AftermathNote.objects.get(author=cy)

    # Ben, in the circle but not asked, can read it among the circle's moments.
    _, b = new_phone()
    log_in(b, "ben@example.com", "Ben")
    b.goto(moments_url)
    expect(b.get_by_text(HURTFUL)).to_be_visible()

    # Ana reports it from the note's own card.
    _, a = new_phone()
    log_in(a, "ana@example.com", "Ana")
    a.goto(notes_url)
    note_card(a, HURTFUL).get_by_role("button", name="Report").click()
    sheet = a.get_by_role("dialog", name="Report Cy's note")
    expect(sheet).to_be_visible()
    expect(sheet.get_by_label("Also block Cy")).not_to_be_checked()
    assert_accessible(a)
    sheet.get_by_role("button", name="Send report").click()
    expect(sheet.get_by_role("alert")).to_contain_text("Pick what feels wrong")
    sheet.get_by_role("radio", name="Harassment or bullying").check()
    details = sheet.get_by_label("Anything you'd like us to know (optional)")
    details.fill("She was having a hard night.")
    sheet.get_by_role("button", name="Send report").click()
    done = a.get_by_role("dialog", name="Thank you for telling us")
    expect(done.get_by_text("We never tell them who reported.", exact=False)).to_be_visible()
    # Not a safety concern: no crisis section.
    expect(done.get_by_text("If you're worried about them")).to_have_count(0)
    assert_accessible(a)
    report = Report.objects.get(reporter=ana)
    assert (report.category, report.target_id, report.details) == (
        "harassment",
        note.pk,
        "She was having a hard night.",
    )
    done.get_by_role("link", name="My reports").click()
    expect(a.get_by_role("heading", name="My reports", level=1)).to_be_visible()
    expect(a.get_by_text("We're looking at it.", exact=False)).to_be_visible()

    # A moderator signs in with their second factor and works the queue in the admin.
    _, secret = make_moderator(make_user)
    _, m = new_phone(viewport={"width": 1280, "height": 900}, is_mobile=False, has_touch=False)
    m.goto("/admin/")
    expect(m).to_have_url(re.compile(r"/login\?next=%2Fadmin%2F$"))  # the PWA's login
    sign_in_with_second_factor(m, "mod@example.com", secret)
    m.goto("/admin/")
    expect(m.get_by_text("Shoulder moderation").first).to_be_visible()
    m.get_by_role("link", name="Reports").first.click()
    m.get_by_role("link", name="Note by Cy").first.click()
    expect(m.get_by_text(HURTFUL)).to_be_visible()  # the snapshot
    m.locator("#id_action").select_option("hide_content")
    m.locator("#id_reason").fill("Hurtful words")
    m.locator("input[name=_save]").click()
    expect(m.get_by_text("was changed successfully")).to_be_visible()
    m.get_by_role("link", name="Note by Cy").first.click()
    m.locator("#id_action").select_option("warn")
    m.locator("#id_reason").fill(REASON)
    m.locator("input[name=_save]").click()
    expect(m.get_by_text("was changed successfully")).to_be_visible()

    # The note is gone for Ana and Ben.
    a.goto(notes_url)
    expect(a.get_by_role("heading", name="Our notes", level=1)).to_be_visible()
    expect(a.get_by_text(HURTFUL)).to_have_count(0)
    b.goto(moments_url)
    expect(b.get_by_role("heading", name="Our moments", level=1)).to_be_visible()
    expect(b.get_by_text("Nothing here yet.", exact=False)).to_be_visible()
    expect(b.get_by_text(HURTFUL)).to_have_count(0)

    # Ana is told (the push opens "My reports"), and "My reports" says what was done.
    pushed = Notification.objects.get(user=ana, kind="report_outcome")
    assert pushed.payload["url"] == "/reports", pushed.payload
    a.goto("/account")
    a.get_by_role("link", name="My reports").click()
    mine = a.get_by_role("article").filter(has_text="Note by Cy")
    expect(mine.get_by_text("We reviewed your report and removed the note.")).to_be_visible()
    expect(mine.get_by_text("Harassment or bullying", exact=False)).to_be_visible()
    assert_accessible(a)

    # Cy sees the warning, why, and what it was about; and appeals, once.
    c.goto("/account/standing")
    warning = c.get_by_role("article").filter(has=c.get_by_role("heading", name="A warning"))
    expect(warning.get_by_text(REASON)).to_be_visible()
    expect(warning.get_by_text(HURTFUL)).to_be_visible()  # the snapshot
    assert_accessible(c)
    warning.get_by_role("button", name="Appeal").click()
    warning.get_by_label("Why should we look again?").fill(APPEAL)
    warning.get_by_role("button", name="Send appeal").click()
    expect(warning.get_by_text("You appealed. We'll look at it again.")).to_be_visible()
    expect(warning.get_by_role("button", name="Appeal")).to_have_count(0)
    c.reload()
    expect(c.get_by_text("You appealed. We'll look at it again.")).to_be_visible()

    # The appeal is in the moderators' queue; they read it and keep the decision.
    m.goto("/admin/moderation/appeal/")
    m.locator("#result_list tbody a").first.click()
    expect(m.get_by_text(APPEAL)).to_be_visible()
    m.goto("/admin/moderation/appeal/")
    m.locator("input[name=_selected_action]").first.check()
    m.locator("select[name=action]").select_option("reject")
    m.get_by_role("button", name="Run").or_(m.get_by_role("button", name="Go")).click()
    expect(m.get_by_text("1 appeal(s) decided.")).to_be_visible()
    c.reload()
    expect(c.get_by_text("We looked again and kept this in place.")).to_be_visible()

    # The audit log lists every step.
    m.goto("/admin/moderation/moderationaction/")
    for step in ("Hide content", "Warn", "Appeal rejected"):
        expect(m.locator("#result_list").get_by_text(step, exact=True)).to_be_visible()
    steps = ModerationAction.objects.order_by("created_at").values_list("action", flat=True)
    assert list(steps) == [
        ActionKind.HIDE_CONTENT,
        ActionKind.WARN,
        ActionKind.APPEAL_REJECTED,
    ]

"""The moderation console: what a moderator can and cannot open, the second factor, the
queue's order and its tools."""

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from backend.accounts.models import User
from backend.moderation.models import Report
from tests.common.helpers import add_totp, client_for
from tests.moderation.conftest import HURTFUL, World, make_moderator

pytestmark = pytest.mark.django_db

CAN_OPEN = [
    "/admin/",
    "/admin/moderation/report/",
    "/admin/moderation/moderationaction/",
    "/admin/moderation/strike/",
    "/admin/moderation/appeal/",
]
CANNOT_OPEN = [
    "/admin/circles/circle/",
    "/admin/circles/block/",
    "/admin/checkins/checkin/",
    "/admin/checkins/response/",
    "/admin/accounts/user/",
    "/admin/auth/group/",
    "/admin/mfa/authenticator/",
    "/admin/notifications/notification/",
    "/admin/notifications/pushsubscription/",
    "/admin/web/crisisresource/add/",
    "/admin/moderation/report/add/",
    "/admin/moderation/moderationaction/add/",
]


def test_what_a_moderator_can_and_cannot_open(world: World) -> None:
    report = world.reported(who="alex")
    moderator = world.client("moderator")
    for page in CAN_OPEN:
        assert moderator.get(page).status_code == 200, page
    assert moderator.get(f"/admin/moderation/report/{report.pk}/change/").status_code == 200
    for page in CANNOT_OPEN:
        assert moderator.get(page).status_code in (403, 404), page
    assert moderator.get(f"/admin/checkins/checkin/{world.checkin.pk}/change/").status_code in (
        403,
        404,
    )
    # No deleting evidence, no editing the log.
    assert moderator.get(f"/admin/moderation/report/{report.pk}/delete/").status_code == 403
    index = moderator.get("/admin/").content.decode()
    assert "Circles" not in index
    assert "Authenticator" not in index
    perms = world.moderator.get_all_permissions()
    assert perms == {
        "moderation.view_report",
        "moderation.change_report",
        "moderation.view_moderationaction",
        "moderation.view_strike",
        "moderation.view_appeal",
        "moderation.change_appeal",
    }


def test_the_log_cannot_be_edited_even_by_a_superuser(world: World, make_user: Any) -> None:
    from backend.moderation import services

    entry = services.moderation_act(
        moderator=world.moderator, action="dismiss", target_type="note", target_id=world.checkin.pk
    )
    boss = make_user(is_staff=True, is_superuser=True)
    add_totp(boss)
    client = client_for(boss)
    page = f"/admin/moderation/moderationaction/{entry.pk}/change/"
    res = client.get(page)
    assert res.status_code == 200
    assert 'name="reason"' not in res.content.decode()  # read-only
    assert client.post(page, {"reason": "rewritten"}).status_code == 403
    assert client.get(f"/admin/moderation/moderationaction/{entry.pk}/delete/").status_code == 403


@pytest.mark.parametrize("is_superuser", [False, True])
def test_staff_without_a_second_factor_are_sent_to_set_one_up(
    make_user: Any, is_superuser: bool
) -> None:
    staff = make_moderator(make_user, with_totp=False)
    staff.is_superuser = is_superuser
    staff.save()
    client = client_for(staff)
    for page in ("/admin/", "/admin/moderation/report/"):
        res = client.get(page)
        assert res.status_code == 302
        assert res.headers["Location"] == "/account/security?next=/admin/"
    add_totp(staff)
    assert client.get("/admin/moderation/report/").status_code == 200


def test_signed_out_admin_goes_to_the_apps_login() -> None:
    client = Client()
    res = client.get("/admin/")
    assert res.status_code == 302
    res = client.get(res.headers["Location"])  # allauth's secure_admin_login
    assert res.status_code == 302
    assert res.headers["Location"].startswith("/login")


def test_the_queue_is_urgent_first_then_oldest(world: World) -> None:
    now = timezone.now()
    older = world.reported(who="alex", target_type="note", category="spam")
    newer = world.reported(who="kim", target_type="user", category="harassment")
    urgent = world.reported(who="robin", target_type="user", category="self_harm_concern")
    Report.objects.filter(pk=older.pk).update(created_at=now - dt.timedelta(hours=3))
    Report.objects.filter(pk=newer.pk).update(created_at=now - dt.timedelta(hours=2))
    Report.objects.filter(pk=urgent.pk).update(created_at=now - dt.timedelta(hours=1))
    res = world.client("moderator").get("/admin/moderation/report/")
    order = [str(r.pk) for r in res.context["cl"].result_list]
    assert order == [str(urgent.pk), str(older.pk), str(newer.pk)]
    # Filters by category, status and assignee.
    moderator = world.client("moderator")
    for query in ("category__exact=spam", "status__exact=open", "assigned_to__isnull=True"):
        assert moderator.get(f"/admin/moderation/report/?{query}").status_code == 200
    res = world.client("moderator").get("/admin/moderation/report/?category__exact=spam")
    assert [r.pk for r in res.context["cl"].result_list] == [older.pk]


def test_assign_to_me_and_the_snapshot_on_the_report(world: World) -> None:
    report = world.reported(who="alex")
    moderator = world.client("moderator")
    res = moderator.post(
        "/admin/moderation/report/",
        {"action": "assign_to_me", "_selected_action": [str(report.pk)], "index": "0"},
    )
    assert res.status_code == 302
    report.refresh_from_db()
    assert report.assigned_to == world.moderator
    world.circle_note.delete()  # the evidence outlives the note
    page = moderator.get(f"/admin/moderation/report/{report.pk}/change/").content.decode()
    assert HURTFUL.replace("'", "&#x27;") in page
    assert 'name="snapshot"' not in page  # read-only
    assert 'name="action"' in page


def test_demo_data_has_a_moderator_with_totp(db: Any) -> None:
    from io import StringIO

    from allauth.mfa.models import Authenticator

    out = StringIO()
    call_command("ensure_local_setup", stdout=out)
    call_command("ensure_local_setup", stdout=out)  # idempotent, same secret
    moderator = User.objects.get(email="moderator@shoulder.local")
    assert moderator.is_staff
    assert not moderator.is_superuser
    assert moderator.groups.filter(name="Moderators").exists()
    assert Authenticator.objects.filter(user=moderator, type="totp").count() == 1
    lines = [line for line in out.getvalue().splitlines() if "Moderator login" in line]
    assert len(lines) == 2
    assert lines[0] == lines[1]
    assert "TOTP secret" in lines[0]

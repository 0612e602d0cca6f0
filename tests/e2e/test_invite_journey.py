"""Invite a trusted friend: the owner shares a link; the friend signs up through it and joins."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from backend.circles.models import Circle, Membership
from tests.common.world import PASSWORD, code_from_mail, make_circle
from tests.e2e.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def create_invite_link(page: Page, message: str = "") -> str:
    page.get_by_role("button", name="Invite someone").click()
    sheet = page.get_by_role("dialog", name="Invite someone")
    expect(sheet).to_be_visible()
    if message:
        sheet.get_by_label("Personal message").fill(message)
    sheet.get_by_role("button", name="Create invite link").click()
    link = sheet.get_by_label("Invite link", exact=True)
    expect(link).to_have_value(re.compile(r"/invite/[\w-]{20,}$"))
    return link.input_value()


def test_invite_a_trusted_friend(
    new_phone: Any, make_user: Any, mailoutbox: list[Any], live_server: Any, settings: Any
) -> None:
    # The share link carries the site's address; here that is the live server.
    settings.SHOULDER = {**settings.SHOULDER, "SITE_URL": live_server.url}
    make_user(display_name="Ana", email="ana@example.com")

    # A logs in, starts a circle and makes an invite link.
    owner_context, owner = new_phone()
    owner_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    log_in(owner, "ana@example.com")
    expect(owner.get_by_role("heading", name="Hi, Ana")).to_be_visible()
    owner.get_by_role("link", name="Create a circle").click()
    expect(owner).to_have_url(re.compile(r"/circles/new$"))
    assert_accessible(owner)
    owner.get_by_label("Circle name").fill("Tuesday people")
    owner.get_by_role("button", name="Create circle").click()
    expect(owner.get_by_role("heading", name="Tuesday people", level=1)).to_be_visible()
    expect(owner).to_have_url(re.compile(r"/circles/[0-9a-f-]{36}$"))
    circle_url = owner.url
    assert_accessible(owner)

    link = create_invite_link(owner, message="Come sit with us on Tuesdays.")
    assert link.startswith(live_server.url + "/invite/")
    sheet = owner.get_by_role("dialog", name="Invite someone")
    sheet.get_by_role("button", name="Copy link").click()
    expect(sheet.get_by_role("button", name="Copied")).to_be_visible()
    assert owner.evaluate("navigator.clipboard.readText()") == link
    expect(sheet.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    assert_accessible(owner)

    # B opens it signed out, sees who is asking, signs up and verifies by code.
    _, friend = new_phone()
    friend.goto(link)
    expect(friend.get_by_role("heading", name="You're invited to Tuesday people")).to_be_visible()
    expect(friend.get_by_text("Ana", exact=True)).to_be_visible()
    expect(friend.get_by_text("Come sit with us on Tuesdays.")).to_be_visible()
    assert_accessible(friend)
    friend.get_by_role("link", name="Sign up to join").click()
    expect(friend).to_have_url(re.compile(r"/signup\?next="))
    friend.get_by_label("Your name").fill("Bea")
    friend.get_by_label("Email").fill("bea@example.com")
    friend.get_by_label("Password").fill(PASSWORD)
    friend.get_by_role("button", name="Create account").click()
    expect(friend).to_have_url(re.compile(r"/verify\?next="))
    friend.get_by_label("Code").fill(code_from_mail(mailoutbox))
    friend.get_by_role("button", name="Verify").click()

    # Back on the invite, now signed in: join, and land in the circle.
    invite_path = link.removeprefix(live_server.url)
    expect(friend).to_have_url(re.compile(re.escape(invite_path) + "$"))
    friend.get_by_role("button", name="Join Tuesday people").click()
    expect(friend).to_have_url(circle_url)
    expect(friend.get_by_role("heading", name="Tuesday people", level=1)).to_be_visible()
    people = friend.get_by_role("list").filter(has_text="Bea")
    expect(people.get_by_text("Ana")).to_be_visible()
    expect(people.get_by_text("owner")).to_be_visible()
    assert_accessible(friend)
    assert Membership.objects.filter(
        circle__name="Tuesday people", user__email="bea@example.com", role="member"
    ).exists()

    # Both see each other.
    owner.reload()
    expect(owner.get_by_role("button", name=re.compile(r"^Bea"))).to_be_visible()

    # B leaves the circle.
    friend.get_by_role("button", name="Leave circle").click()
    friend.get_by_role("button", name="Yes, leave").click()
    expect(friend.get_by_role("heading", name="Hi, Bea")).to_be_visible()
    expect(friend.get_by_role("link", name="Create a circle")).to_be_visible()
    circle = Circle.objects.get(name="Tuesday people")
    assert not Membership.objects.filter(circle=circle, user__email="bea@example.com").exists()

    # A makes a second link and revokes it; B opening it is told so, warmly.
    owner.reload()
    expect(owner.get_by_role("button", name=re.compile(r"^Bea"))).to_have_count(0)
    second = create_invite_link(owner)
    assert second != link
    sheet = owner.get_by_role("dialog", name="Invite someone")
    sheet.get_by_role("button", name="Revoke").click()
    sheet.get_by_role("button", name="Yes, revoke it").click()  # it asks first
    expect(sheet.get_by_role("button", name="Revoke")).to_have_count(0)
    expect(sheet.get_by_text(re.compile(r"^Revoked · "))).to_be_visible()
    expect(sheet.get_by_label("Invite link", exact=True)).to_have_count(0)

    friend.goto(second)
    expect(friend.get_by_role("heading", name="This invite was revoked")).to_be_visible()
    assert_accessible(friend)


def test_owner_blocks_hands_over_and_leaves(new_phone: Any, make_user: Any) -> None:
    owner_user = make_user(display_name="Ana", email="ana@example.com")
    friend = make_user(display_name="Bea", email="bea@example.com")
    circle = make_circle(owner_user, [friend], name="Tuesday people")

    _, page = new_phone(color_scheme="dark")
    log_in(page, "ana@example.com")
    expect(page.get_by_role("link", name="Reach out")).to_be_visible()
    page.get_by_role("link", name=re.compile("Tuesday people")).click()
    expect(page.get_by_role("heading", name="Tuesday people", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Leave circle").click()
    page.get_by_role("button", name="Yes, leave").click()
    expect(page.get_by_role("alert")).to_be_visible()

    page.get_by_role("button", name=re.compile(r"^Bea")).click()
    sheet = page.get_by_role("dialog", name="Bea")
    expect(sheet.get_by_role("button", name="Make owner")).to_be_visible()
    assert_accessible(page)
    sheet.get_by_role("button", name="Block").click()
    sheet.get_by_role("button", name="Yes, block Bea").click()
    expect(page.get_by_text("You blocked Bea.")).to_be_visible()

    page.goto("/account")
    blocked = page.get_by_role("region", name="People you've blocked")
    expect(blocked.get_by_text("Bea")).to_be_visible()
    assert_accessible(page)
    blocked.get_by_role("button", name="Unblock").click()
    expect(blocked.get_by_text("You haven't blocked anyone.")).to_be_visible()

    # Handing the circle over: Ana stays in it as a member and can leave now.
    page.go_back()
    page.get_by_role("button", name=re.compile(r"^Bea")).click()
    sheet = page.get_by_role("dialog", name="Bea")
    sheet.get_by_role("button", name="Make owner").click()
    sheet.get_by_role("button", name="Yes, make Bea owner").click()
    expect(page.get_by_text("Bea now looks after Tuesday people.")).to_be_visible()
    expect(page.get_by_role("button", name="Invite someone")).to_have_count(0)
    assert Membership.objects.get(circle=circle, user=friend).role == "owner"
    page.get_by_role("button", name="Leave circle").click()
    page.get_by_role("button", name="Yes, leave").click()
    expect(page.get_by_role("link", name="Create a circle")).to_be_visible()

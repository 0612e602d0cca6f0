"""Item 3 of issue #11: the admin is for moderation, not for joining people's circles.
Circles, memberships, invites, join requests, departures and blocks are read-only there."""

from typing import Any

import pytest
from django.urls import reverse

from backend.circles.models import Block, Circle, Departure, Invite, JoinRequest, Membership
from backend.circles.services import invite_create, invite_revoke, membership_remove
from tests.common.helpers import add_totp, client_for
from tests.common.world import make_block, make_circle, make_join_request, make_person

pytestmark = pytest.mark.django_db

MODELS = [Circle, Invite, JoinRequest, Departure, Block]


@pytest.fixture
def staff_client() -> Any:
    staff = make_person(display_name="Mod", is_staff=True, is_superuser=True)
    add_totp(staff)  # the admin opens only with a second factor
    return staff, client_for(staff)


@pytest.fixture
def rows() -> dict[type, Any]:
    """One row of each kind."""
    alex, bea, cat, dan = (make_person(display_name=n) for n in ("Alex", "Bea", "Cat", "Dan"))
    circle = make_circle(alex, [bea, cat])
    membership_remove(circle=circle, by=alex, user_id=cat.pk)
    invite = invite_create(circle=circle, created_by=alex).invite
    invite_revoke(invite=invite, by=alex)
    return {
        Circle: circle,
        Invite: invite,
        JoinRequest: make_join_request(circle, dan),
        Departure: Departure.objects.get(circle=circle, user=cat),
        Block: make_block(bea, alex),
    }


def _url(model: type, view: str, *args: Any) -> str:
    return reverse(f"admin:circles_{model._meta.model_name}_{view}", args=args)


def test_the_admin_can_still_look(staff_client: Any, rows: dict[type, Any]) -> None:
    _, client = staff_client
    for model, row in rows.items():
        assert client.get(_url(model, "changelist")).status_code == 200, model
        assert client.get(_url(model, "change", row.pk)).status_code == 200, model


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_nothing_can_be_added(staff_client: Any, rows: dict[type, Any], model: type) -> None:
    staff, client = staff_client
    before = model.objects.count()  # type: ignore[attr-defined]
    data = {
        "name": "Staff's own",
        "circle": str(rows[Circle].pk),
        "user": str(staff.pk),
        "blocker": str(staff.pk),
        "blocked": str(rows[Block].blocked_id),
        "created_by": str(staff.pk),
        "max_uses": "50",
        "expires_at_0": "2030-01-01",
        "expires_at_1": "00:00:00",
        "status": "pending",
        "reason": "left",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "acceptances-TOTAL_FORMS": "0",
        "acceptances-INITIAL_FORMS": "0",
    }
    res = client.post(_url(model, "add"), data)
    assert res.status_code == 403, (model, res.status_code)
    assert model.objects.count() == before  # type: ignore[attr-defined]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_nothing_can_be_changed_or_deleted(
    staff_client: Any, rows: dict[type, Any], model: type
) -> None:
    _, client = staff_client
    row = rows[model]
    res = client.post(_url(model, "change", row.pk), {"name": "Renamed", "revoked_at_0": ""})
    assert res.status_code == 403, (model, res.status_code)
    res = client.post(_url(model, "delete", row.pk), {"post": "yes"})
    assert res.status_code == 403, (model, res.status_code)
    assert model.objects.filter(pk=row.pk).exists()  # type: ignore[attr-defined]
    res = client.post(
        _url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [str(row.pk)], "post": "yes"},
    )
    assert model.objects.filter(pk=row.pk).exists()  # type: ignore[attr-defined]


def test_no_inline_adds_a_membership(staff_client: Any, rows: dict[type, Any]) -> None:
    """Staff once added themselves to any circle through the Membership inline."""
    staff, client = staff_client
    circle = rows[Circle]
    page = client.get(_url(Circle, "change", circle.pk)).content.decode()
    # The inline shows the members, with no form to add (max 0) or edit one.
    assert 'name="memberships-MAX_NUM_FORMS" value="0"' in page
    assert 'name="memberships-0-user"' not in page
    assert 'name="memberships-__prefix__-user"' not in page
    members = list(Membership.objects.filter(circle=circle).values_list("user_id", "role"))
    res = client.post(
        _url(Circle, "change", circle.pk),
        {
            "name": circle.name,
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": str(staff.pk),
            "memberships-0-role": "owner",
            "memberships-0-joined_at_0": "2026-01-01",
            "memberships-0-joined_at_1": "00:00:00",
        },
    )
    assert res.status_code == 403
    assert not Membership.objects.filter(circle=circle, user=staff).exists()
    assert list(Membership.objects.filter(circle=circle).values_list("user_id", "role")) == members

"""Our moments: a two-way session is one moment together, never a tally of who helped whom."""

from typing import Any

import pytest

from backend.checkins.models import Status
from backend.checkins.mutual import share_accept, share_offer
from backend.checkins.services import checkin_close
from tests.common.world import make_block, make_note, make_session

pytestmark = pytest.mark.django_db


def test_a_mutual_session_is_one_moment_with_who_shared_too(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cal = w.members
    ana.display_name = "Ana"
    ana.save()
    session = make_session(
        w.owner, w.circle, {ana: "on_my_way", cal: "calling"}, status=Status.OPEN
    )
    offer, _ = share_offer(checkin=session, by=ana)
    share_accept(checkin=session, offer_id=offer.pk, by=w.owner)
    share_offer(checkin=session, by=cal)  # never answered: not part of the moment
    session = checkin_close(checkin=session, by=w.owner)
    make_note(session, ana, "We both cried")
    one_way = make_session(w.owner, w.circle, {cal: "texting"})
    make_note(one_way, cal, "Glad I came")

    for who in (w.owner, ana):
        results = w.client(who).get(f"/api/v1/circles/{w.circle.pk}/moments/").json()["results"]
        mutual = next(m for m in results if m["id"] == str(session.pk))
        assert mutual["mutual"] is True
        assert mutual["shared_with"] == [{"id": str(ana.pk), "display_name": "Ana"}]
        assert "count" not in str(mutual)
    results = w.client(cal).get(f"/api/v1/people/{w.owner.pk}/moments/").json()["results"]
    # Cal was there too (calling): he sees the same one moment, and the one-way one.
    assert {m["id"]: m["mutual"] for m in results} == {
        str(session.pk): True,
        str(one_way.pk): False,
    }
    # Across a block, the one who shared isn't named.
    make_block(cal, ana)
    results = w.client(cal).get(f"/api/v1/circles/{w.circle.pk}/moments/").json()["results"]
    assert all(m["shared_with"] == [] for m in results)

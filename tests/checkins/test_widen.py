"""Issue #14 item 2: nobody answered, and the requester widens the SAME check-in to people of
another circle they are in. Those people are asked, see it, answer, and their answers show
where the first ones do; nobody else of that other circle sees anything (detail, list, home,
notes, moments), and bad input is a clear 400 that writes nothing."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from backend.accounts.models import User
from backend.checkins.models import AudienceMember, CheckIn
from backend.circles.models import Circle
from backend.circles.services import membership_remove
from backend.notifications.models import Notification
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import post
from tests.common.world import CircleWorld, make_block, make_circle, make_person
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db

HOME = "/api/v1/home/"


@dataclass
class Two:
    """Alex is in circle A (with Ana) and in circle B (owned by Bo, with Dev and Eve)."""

    w: CircleWorld
    ana: User
    other: Circle
    bo: User
    dev: User
    eve: User
    checkin_id: str

    def client(self, user: User) -> Any:
        return self.w.client(user)

    @property
    def alex(self) -> User:
        return self.w.owner

    def people_url(self) -> str:
        return f"{CHECKINS}{self.checkin_id}/people/"

    def widen(self, *people: User, circle: Circle | None = None) -> Any:
        body: dict[str, Any] = {"people": [str(p.pk) for p in people]}
        if circle is not None:
            body["circle"] = str(circle.pk)
        return post(self.client(self.alex), self.people_url(), body)


@pytest.fixture
def two(make_world: Any) -> Two:
    w = make_world(members=1)
    ana = w.members[0]
    bo, dev, eve = (make_person(display_name=n) for n in ("Bo", "Dev", "Eve"))
    other = make_circle(bo, [w.owner, dev, eve], name="Tuesday people")
    checkin_id = reach_out(w, audience=[str(ana.pk)], expect=201).json()["id"]
    return Two(w, ana, other, bo, dev, eve, checkin_id)


def _sees(two: Two, user: User) -> dict[str, bool]:
    """Where `user` could come across the check-in."""
    client = two.client(user)
    home = client.get(HOME).json()
    listed = client.get(CHECKINS).json()["results"]
    return {
        "detail": client.get(f"{CHECKINS}{two.checkin_id}/").status_code == 200,
        "list": any(c["id"] == two.checkin_id for c in listed),
        "home": any(c["id"] == two.checkin_id for c in home["asking_me"]),
    }


SEES_IT = {"detail": True, "list": True, "home": True}
SEES_NOTHING = {"detail": False, "list": False, "home": False}


def test_widening_to_another_circle_asks_only_the_people_picked(two: Two) -> None:
    before = Notification.objects.count()
    res = two.widen(two.dev, circle=two.other)
    assert res.status_code == 200, res.content
    body = res.json()
    assert body["id"] == two.checkin_id
    assert CheckIn.objects.count() == 1
    via = {a["user"]["id"]: a["via_circle"] for a in body["audience"]}
    assert via == {
        str(two.ana.pk): None,
        str(two.dev.pk): {"id": str(two.other.pk), "name": "Tuesday people"},
    }
    # Dev is asked now (under circle B's notification level); nobody else of circle B is.
    told = Notification.objects.order_by("created_at")[before:]
    assert [(n.user_id, n.kind, n.payload["circle_id"]) for n in told] == [
        (two.dev.pk, "reach_out", str(two.other.pk))
    ]

    assert _sees(two, two.dev) == SEES_IT
    for unpicked in (two.eve, two.bo):
        assert _sees(two, unpicked) == SEES_NOTHING
        res = post(
            two.client(unpicked), f"{CHECKINS}{two.checkin_id}/responses/", {"answer": "on_my_way"}
        )
        assert res.status_code == 404

    # Dev sees it under the circle they share with Alex, and only the people asked through
    # it: never circle A's name nor circle A's people.
    seen = two.client(two.dev).get(f"{CHECKINS}{two.checkin_id}/").json()
    assert seen["circle"] == {"id": str(two.other.pk), "name": "Tuesday people"}
    assert [a["user"]["id"] for a in seen["audience"]] == [str(two.dev.pk)]
    card = next(c for c in two.client(two.dev).get(HOME).json()["asking_me"])
    assert card["circle"]["name"] == "Tuesday people"
    seen = two.client(two.ana).get(f"{CHECKINS}{two.checkin_id}/").json()
    assert [a["user"]["id"] for a in seen["audience"]] == [str(two.ana.pk)]
    assert seen["circle"]["id"] == str(two.w.circle.pk)


def test_their_answer_shows_on_the_requesters_session_and_home(two: Two) -> None:
    two.widen(two.dev, circle=two.other)
    res = post(
        two.client(two.dev),
        f"{CHECKINS}{two.checkin_id}/responses/",
        {"answer": "on_my_way", "eta_minutes": 10},
    )
    assert res.status_code == 201, res.content
    assert Notification.objects.filter(kind="response", user_id=two.alex.pk).count() == 1

    home = two.client(two.alex).get(HOME).json()
    assert home["my_open_checkin"]["id"] == two.checkin_id
    answers = {a["user"]["id"]: a["response"] for a in home["my_open_checkin"]["audience"]}
    assert answers[str(two.dev.pk)]["answer"] == "on_my_way"
    detail = two.client(two.alex).get(f"{CHECKINS}{two.checkin_id}/").json()
    assert detail["status"] == "answered"
    assert [r["responder"]["id"] for r in detail["responses"]] == [str(two.dev.pk)]
    # Ask again reaches the people of both circles who haven't answered.
    before = Notification.objects.count()
    post(two.client(two.alex), f"{CHECKINS}{two.checkin_id}/ask-again/", expect=200)
    again = Notification.objects.order_by("created_at")[before:]
    assert [n.user_id for n in again] == [two.ana.pk]


def test_without_a_circle_each_person_is_asked_through_one_both_are_in(two: Two) -> None:
    res = two.widen(two.dev)
    assert res.status_code == 200, res.content
    member = AudienceMember.objects.get(checkin_id=two.checkin_id, user=two.dev)
    assert member.via_circle_id == two.other.pk
    assert _sees(two, two.dev) == SEES_IT
    assert _sees(two, two.eve) == SEES_NOTHING


def test_someone_of_both_circles_is_asked_as_one_of_the_first(two: Two) -> None:
    from tests.common.world import join

    join(two.w.circle, two.eve)
    post(
        two.client(two.alex),
        two.people_url(),
        {"people": [str(two.eve.pk)], "circle": str(two.other.pk)},
        expect=200,
    )
    assert AudienceMember.objects.get(checkin_id=two.checkin_id, user=two.eve).via_circle_id is None


def test_bad_input_is_a_clear_400_and_writes_nothing(two: Two) -> None:
    stranger_circle = make_circle(make_person(), [two.dev], name="Not Alex's")
    outsider = make_person()
    audience = AudienceMember.objects.filter(checkin_id=two.checkin_id)
    before = (audience.count(), Notification.objects.count())

    # A circle Alex isn't in (or that doesn't exist).
    res = two.widen(two.dev, circle=stranger_circle)
    assert (res.status_code, error_codes(res), res.json()["errors"][0]["attr"]) == (
        400,
        ["not_in_circle"],
        "circle",
    )
    res = post(
        two.client(two.alex),
        two.people_url(),
        {"people": [str(two.dev.pk)], "circle": "00000000-0000-0000-0000-000000000000"},
    )
    assert (res.status_code, error_codes(res)) == (400, ["not_in_circle"])
    # Not a circle mate at all, or not in the circle named: nobody is added, not even the
    # good ones beside them.
    for body in (
        {"people": [str(two.dev.pk), str(outsider.pk)]},
        {"people": [str(two.dev.pk), str(outsider.pk)], "circle": str(two.other.pk)},
    ):
        res = post(two.client(two.alex), two.people_url(), body)
        assert (res.status_code, error_codes(res)) == (400, ["not_in_circle"]), res.content
    res = post(two.client(two.alex), two.people_url(), {"people": [], "circle": "nope"})
    assert res.status_code == 400
    assert (audience.count(), Notification.objects.count()) == before
    assert _sees(two, two.dev) == SEES_NOTHING

    # Only the requester widens it; not twice the same person.
    res = post(two.client(two.ana), two.people_url(), {"people": [str(two.dev.pk)]})
    assert (res.status_code, error_codes(res)) == (403, ["requester_only"])
    two.widen(two.dev, circle=two.other)
    res = two.widen(two.dev, circle=two.other)
    assert (res.status_code, error_codes(res)) == (400, ["already_asked"])


def test_blocked_suspended_and_departed_stay_out_as_in_the_first_circle(two: Two) -> None:
    # Alex blocked Eve: Eve can't be asked (as in circle A).
    make_block(two.alex, two.eve)
    res = two.widen(two.eve, circle=two.other)
    assert (res.status_code, error_codes(res)) == (400, ["empty_audience"])
    # Bo blocked Alex: Bo is kept in the snapshot, but never told and never sees it.
    make_block(two.bo, two.alex)
    # Dev is suspended: left out silently.
    two.dev.is_suspended_until = timezone.now() + dt.timedelta(days=1)
    two.dev.save(update_fields=["is_suspended_until"])
    before = Notification.objects.count()
    res = two.widen(two.bo, two.dev, circle=two.other)
    assert res.status_code == 200, res.content
    asked = set(
        AudienceMember.objects.filter(checkin_id=two.checkin_id).values_list("user_id", flat=True)
    )
    assert asked == {two.ana.pk, two.bo.pk}
    assert Notification.objects.count() == before
    assert _sees(two, two.bo) == SEES_NOTHING


def test_someone_who_leaves_the_other_circle_no_longer_sees_it(two: Two) -> None:
    two.widen(two.dev, circle=two.other)
    assert _sees(two, two.dev) == SEES_IT
    membership_remove(circle=two.other, by=two.dev, user_id=two.dev.pk)
    assert _sees(two, two.dev) == SEES_NOTHING
    res = post(
        two.client(two.dev), f"{CHECKINS}{two.checkin_id}/responses/", {"answer": "on_my_way"}
    )
    assert res.status_code == 404


def test_notes_and_moments_follow_the_same_rules(two: Two) -> None:
    two.widen(two.dev, circle=two.other)
    for friend in (two.ana, two.dev):
        post(
            two.client(friend),
            f"{CHECKINS}{two.checkin_id}/responses/",
            {"answer": "on_my_way"},
            expect=201,
        )
    post(two.client(two.alex), f"{CHECKINS}{two.checkin_id}/close/", expect=200)
    notes = f"{CHECKINS}{two.checkin_id}/notes/"
    # Dev was there: writes and reads the notes, as Ana does.
    res = post(two.client(two.dev), notes, {"body": "Glad I came."})
    assert res.status_code == 201, res.content
    post(two.client(two.alex), notes, {"body": "Thank you all.", "audience": "circle"}, expect=201)
    for there in (two.alex, two.ana, two.dev):
        bodies = {n["body"] for n in two.client(there).get(notes).json()["results"]}
        assert bodies == {"Glad I came.", "Thank you all."}, there
    moments = two.client(two.dev).get(f"/api/v1/people/{two.alex.pk}/moments/").json()
    assert [m["id"] for m in moments["results"]] == [two.checkin_id]
    # Eve and Bo of circle B were never asked: no notes, no moments, nothing.
    for unpicked in (two.eve, two.bo):
        assert two.client(unpicked).get(notes).status_code == 404
        for path in (
            f"/api/v1/people/{two.alex.pk}/moments/",
            f"/api/v1/circles/{two.other.pk}/moments/",
        ):
            res = two.client(unpicked).get(path)
            assert res.status_code == 200, (path, res.content)
            assert res.json()["results"] == []
        res = two.client(unpicked).get(f"/api/v1/circles/{two.w.circle.pk}/moments/")
        assert res.status_code == 404
        assert _sees(two, unpicked) == SEES_NOTHING
    # Dev leaves circle B: the notes go away for them, as for someone who left circle A.
    membership_remove(circle=two.other, by=two.dev, user_id=two.dev.pk)
    assert two.client(two.dev).get(notes).status_code == 404


def test_after_it_they_see_it_under_their_circle_and_reach_out_there(two: Two) -> None:
    two.widen(two.dev, circle=two.other)
    post(
        two.client(two.dev),
        f"{CHECKINS}{two.checkin_id}/responses/",
        {"answer": "on_my_way"},
        expect=201,
    )
    post(two.client(two.alex), f"{CHECKINS}{two.checkin_id}/close/", expect=200)
    post(two.client(two.alex), f"{CHECKINS}{two.checkin_id}/notes/", {"body": "Thank you."})
    # "Alex is okay now" and the note, under the circle Dev shares with Alex.
    items = two.client(two.dev).get("/api/v1/activity/").json()
    assert {(i["kind"], i["circle"]["name"]) for i in items} == {
        ("okay_now", "Tuesday people"),
        ("note", "Tuesday people"),
    }
    assert two.client(two.eve).get("/api/v1/activity/").json() == []
    # "I could use someone too" to the circle goes to Dev's circle with Alex, never into
    # circle A (which Dev isn't in).
    res = post(
        two.client(two.dev),
        f"{CHECKINS}{two.checkin_id}/reach-out-too/",
        {"mode": "call", "to": "circle"},
    )
    assert res.status_code == 201, res.content
    mine = CheckIn.objects.get(pk=res.json()["id"])
    assert mine.circle_id == two.other.pk
    asked = set(mine.audience.values_list("user_id", flat=True))
    assert asked == {two.alex.pk, two.bo.pk, two.eve.pk}


def test_someone_asked_through_another_circle_can_offer_to_share_too(two: Two) -> None:
    two.widen(two.dev, circle=two.other)
    sharing = f"{CHECKINS}{two.checkin_id}/sharing/"
    post(
        two.client(two.dev),
        f"{CHECKINS}{two.checkin_id}/responses/",
        {"answer": "on_my_way"},
        expect=201,
    )
    res = post(two.client(two.dev), f"{sharing}offer/", {})
    assert res.status_code == 201, res.content
    offers = two.client(two.alex).get(sharing).json()["offers"]
    assert [o["by"]["id"] for o in offers] == [str(two.dev.pk)]
    assert two.client(two.eve).get(sharing).status_code == 404

"""Two-way sessions: "Can I share too?", "Of course" / let it be, the friend's own needs, and
"I could use someone too" after the session — through the real endpoints."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from backend.checkins.models import CheckIn, ShareOffer, Status
from backend.circles.services import membership_remove
from backend.notifications.models import Notification
from tests.checkins.conftest import CHECKINS, reach_out
from tests.common.helpers import client_for, post
from tests.common.world import CircleWorld, make_block, make_session
from tests.conftest import error_codes

pytestmark = pytest.mark.django_db


def _url(checkin_id: str, rest: str = "") -> str:
    return f"{CHECKINS}{checkin_id}/{rest}"


def _session(w: CircleWorld, *answers: str) -> str:
    """The owner reaches out; members answer in order (an empty answer: asked, no answer)."""
    checkin_id = reach_out(w, expect=201).json()["id"]
    for member, answer in zip(w.members, answers, strict=False):
        if answer:
            post(w.client(member), _url(checkin_id, "responses/"), {"answer": answer}, expect=201)
    return str(checkin_id)


def _offer(w: CircleWorld, checkin_id: str, who: Any, **needs: bool) -> Any:
    return post(w.client(who), _url(checkin_id, "sharing/offer/"), needs)


def _sharing(w: CircleWorld, checkin_id: str, who: Any) -> dict[str, Any]:
    res = w.client(who).get(_url(checkin_id, "sharing/"))
    assert res.status_code == 200, res.content
    return dict(res.json())


def _answer_offer(w: CircleWorld, checkin_id: str, offer_id: str, verb: str, who: Any) -> Any:
    return post(w.client(who), _url(checkin_id, f"sharing/offers/{offer_id}/{verb}/"))


# --- the offer -------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["on_my_way", "calling", "texting"])
def test_a_friend_who_showed_up_can_offer_and_the_requester_hears_it_softly(
    make_world: Any, answer: str
) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    ana.display_name = "Ana"
    ana.save()
    checkin_id = _session(w, answer)
    assert _sharing(w, checkin_id, ana)["can_offer"] is True

    res = _offer(w, checkin_id, ana)

    assert res.status_code == 201, res.content
    body = res.json()
    assert body["can_offer"] is False
    assert body["mutual"] is False
    assert body["my_offer"]["status"] == "pending"
    assert body["my_offer"]["by"] == {"id": str(ana.pk), "display_name": "Ana"}
    # The requester sees it; a quiet push, not an alarm.
    seen = _sharing(w, checkin_id, w.owner)
    assert [o["by"]["display_name"] for o in seen["offers"]] == ["Ana"]
    push = Notification.objects.get(kind="share_offer")
    assert push.user_id == w.owner.pk
    assert push.payload["title"] == "Ana would like to share something too"
    assert push.urgency == "low"


@pytest.mark.parametrize("answers", [("cant_right_now",), ("",)])
def test_only_someone_who_showed_up_can_offer(make_world: Any, answers: tuple[str, ...]) -> None:
    w = make_world(members=1)
    checkin_id = _session(w, *answers)
    friend = w.members[0]
    assert _sharing(w, checkin_id, friend)["can_offer"] is False
    res = _offer(w, checkin_id, friend)
    assert res.status_code == 403
    assert error_codes(res) == ["not_there"]
    # The requester can't offer to themselves either.
    res = _offer(w, checkin_id, w.owner)
    assert res.status_code == 403
    assert error_codes(res) == ["not_there"]
    assert not ShareOffer.objects.exists()


@pytest.mark.parametrize("status", [Status.CLOSED, Status.EXPIRED])
def test_only_while_the_session_is_on(make_world: Any, status: str) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    session = make_session(w.owner, w.circle, {ana: "on_my_way"}, status=status)
    res = _offer(w, str(session.pk), ana)
    assert res.status_code == 409
    assert error_codes(res) == ["checkin_not_open"]
    assert _sharing(w, str(session.pk), ana)["can_offer"] is False


def test_not_on_a_nudge(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    nudge = reach_out(w, kind="nudge", audience=[str(ana.pk)], expect=201).json()["id"]
    post(w.client(ana), _url(nudge, "responses/"), {"answer": "need_you"}, expect=201)
    res = _offer(w, nudge, ana)
    assert res.status_code == 409
    assert error_codes(res) == ["not_a_session"]


def test_offering_again_is_the_same_offer(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = _session(w, "on_my_way")
    first = _offer(w, checkin_id, ana)
    again = _offer(w, checkin_id, ana, silence_ok=True)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["my_offer"]["id"] == first.json()["my_offer"]["id"]
    assert ShareOffer.objects.count() == 1
    assert Notification.objects.filter(kind="share_offer").count() == 1


# --- "Of course" and "let it be" -------------------------------------------------------------


def test_of_course_makes_it_mutual_and_both_see_each_others_needs(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = reach_out(w, just_listen=True, expect=201).json()["id"]
    post(w.client(ana), _url(checkin_id, "responses/"), {"answer": "on_my_way"}, expect=201)
    offer_id = _offer(w, checkin_id, ana).json()["my_offer"]["id"]

    res = _answer_offer(w, checkin_id, offer_id, "accept", w.owner)
    assert res.status_code == 200, res.content
    assert res.json()["mutual"] is True
    again = _answer_offer(w, checkin_id, offer_id, "accept", w.owner)
    assert again.status_code == 200
    assert again.json() == res.json()
    pushes = Notification.objects.filter(kind="share_accepted")
    assert [(n.user_id, n.urgency) for n in pushes] == [(ana.pk, "low")]

    # Ana picks her own needs; both of them see both sets.
    res = w.client(ana).patch(
        _url(checkin_id, "sharing/offer/"),
        {"silence_ok": True, "no_need_to_explain": True},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    mine = res.json()["my_offer"]
    assert (mine["silence_ok"], mine["no_need_to_explain"], mine["just_listen"]) == (
        True,
        True,
        False,
    )
    for who in (w.owner, ana):
        sharing = _sharing(w, checkin_id, who)
        assert sharing["mutual"] is True
        assert [o["silence_ok"] for o in sharing["offers"]] == [True]
        assert w.client(who).get(_url(checkin_id)).json()["just_listen"] is True


def test_let_it_be_is_quiet_and_idempotent(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = _session(w, "texting")
    offer_id = _offer(w, checkin_id, ana).json()["my_offer"]["id"]
    before = Notification.objects.filter(user=ana).count()

    for _ in range(2):
        res = _answer_offer(w, checkin_id, offer_id, "decline", w.owner)
        assert res.status_code == 200, res.content
        assert res.json()["offers"][0]["status"] == "declined"
    assert Notification.objects.filter(user=ana).count() == before  # nobody is told
    # Asking again doesn't ask twice.
    assert _offer(w, checkin_id, ana).json()["my_offer"]["status"] == "declined"
    assert _sharing(w, checkin_id, ana)["can_offer"] is False
    # A change of heart is still possible while the session is on; the other way isn't.
    res = _answer_offer(w, checkin_id, offer_id, "accept", w.owner)
    assert res.json()["mutual"] is True
    res = _answer_offer(w, checkin_id, offer_id, "decline", w.owner)
    assert res.status_code == 409
    assert error_codes(res) == ["offer_already_accepted"]


def test_only_the_requester_answers_an_offer(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cal = w.members
    checkin_id = _session(w, "on_my_way", "calling")
    offer_id = _offer(w, checkin_id, ana).json()["my_offer"]["id"]
    for who in (ana, cal):
        for verb in ("accept", "decline"):
            res = _answer_offer(w, checkin_id, offer_id, verb, who)
            assert res.status_code == 403, (who, verb)
            assert error_codes(res) == ["requester_only"]
    assert ShareOffer.objects.get().status == "pending"
    # Another friend doesn't see Ana's offer at all.
    assert _sharing(w, checkin_id, cal)["offers"] == []


def test_answering_after_the_session_ended_or_an_unknown_offer(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = _session(w, "on_my_way")
    offer_id = _offer(w, checkin_id, ana).json()["my_offer"]["id"]
    other = "00000000-0000-4000-8000-000000000000"
    res = _answer_offer(w, checkin_id, other, "accept", w.owner)
    assert res.status_code == 404
    post(w.client(w.owner), _url(checkin_id, "close/"), expect=200)
    res = _answer_offer(w, checkin_id, offer_id, "accept", w.owner)
    assert res.status_code == 409
    assert error_codes(res) == ["checkin_not_open"]
    res = w.client(ana).patch(
        _url(checkin_id, "sharing/offer/"), {"just_listen": True}, content_type="application/json"
    )
    assert res.status_code == 409


def test_needs_without_an_offer_or_of_the_wrong_type(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = _session(w, "on_my_way")
    url = _url(checkin_id, "sharing/offer/")
    res = w.client(ana).patch(url, {"silence_ok": True}, content_type="application/json")
    assert res.status_code == 404
    _offer(w, checkin_id, ana)
    res = w.client(ana).patch(url, {"silence_ok": "perhaps"}, content_type="application/json")
    assert res.status_code == 400
    assert res.json()["errors"][0]["attr"] == "silence_ok"


# --- who may: the matrix, as for answers ------------------------------------------------------


@pytest.fixture
def matrix(make_world: Any, make_user: Any) -> dict[str, Any]:
    """A session with an offer from `asked`; `blocked` and `left` showed up and offered too,
    then one got blocked by the requester and one left the circle."""
    w = make_world(members=4)
    asked, not_asked, blocked, left = w.members
    checkin_id = reach_out(
        w, audience=[str(asked.pk), str(blocked.pk), str(left.pk)], expect=201
    ).json()["id"]
    offers = {}
    for person in (asked, blocked, left):
        post(w.client(person), _url(checkin_id, "responses/"), {"answer": "on_my_way"}, expect=201)
        offers[person.pk] = _offer(w, checkin_id, person).json()["my_offer"]["id"]
    make_block(w.owner, blocked)
    membership_remove(circle=w.circle, by=left, user_id=left.pk)
    users = {
        "requester": w.owner,
        "asked": asked,
        "not_asked": not_asked,
        "outsider": make_user(),
        "blocked": blocked,
        "left": left,
    }
    return {"w": w, "id": checkin_id, "users": users, "offers": offers}


ROLES = ("requester", "asked", "not_asked", "outsider", "blocked", "left", "anonymous")
# method, path, body, {role: status}; roles not listed answer 404 (401 for anonymous).
ENDPOINTS: list[tuple[str, str, dict[str, Any] | None, dict[str, int]]] = [
    ("get", "sharing/", None, {"requester": 200, "asked": 200}),
    ("post", "sharing/offer/", None, {"requester": 403, "asked": 200}),
    ("patch", "sharing/offer/", {"just_listen": True}, {"requester": 404, "asked": 200}),
    ("post", "sharing/offers/{offer}/accept/", None, {"requester": 200, "asked": 403}),
    ("post", "sharing/offers/{offer}/decline/", None, {"requester": 200, "asked": 403}),
    ("post", "reach-out-too/", {"mode": "call"}, {"requester": 403, "asked": 409}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "allowed"), ENDPOINTS, ids=lambda v: str(v))
def test_endpoint_by_role(
    matrix: dict[str, Any],
    role: str,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    allowed: dict[str, int],
) -> None:
    asked = matrix["users"]["asked"]
    url = _url(matrix["id"], path.format(offer=matrix["offers"][asked.pk]))
    client = client_for(None if role == "anonymous" else matrix["users"][role])
    if method == "get":
        res = client.get(url)
    elif method == "patch":
        res = client.patch(url, body or {}, content_type="application/json")
    else:
        res = post(client, url, body)
    expected = 401 if role == "anonymous" else allowed.get(role, 404)
    assert res.status_code == expected, (role, url, res.content)
    if expected == 404:
        assert error_codes(res) == ["not_found"]


def test_blocked_and_removed_offers_are_gone_for_the_requester(matrix: dict[str, Any]) -> None:
    w, checkin_id, users = matrix["w"], matrix["id"], matrix["users"]
    seen = _sharing(w, checkin_id, users["requester"])
    assert [o["by"]["id"] for o in seen["offers"]] == [str(users["asked"].pk)]
    # The removed member's offer ended; the blocked person's can't be answered.
    left = ShareOffer.objects.get(offered_by=users["left"])
    assert (left.status, left.ended_at is not None) == ("ended", True)
    for person in ("blocked", "left"):
        offer_id = matrix["offers"][users[person].pk]
        res = _answer_offer(w, checkin_id, offer_id, "accept", users["requester"])
        assert res.status_code == 404, person
    assert ShareOffer.objects.filter(status="accepted").count() == 0


def test_a_blocked_person_never_sees_the_offer(make_world: Any) -> None:
    """A block between the friend who offered and the requester, made after the offer."""
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = _session(w, "on_my_way")
    _offer(w, checkin_id, ana)
    make_block(ana, w.owner)
    assert _sharing(w, checkin_id, w.owner)["offers"] == []
    assert w.client(ana).get(_url(checkin_id, "sharing/")).status_code == 404


def test_suspended_people_can_neither_offer_nor_answer_and_their_offer_waits(
    make_world: Any,
) -> None:
    w = make_world(members=2)
    ana, cal = w.members
    checkin_id = _session(w, "on_my_way", "calling")
    offer_id = _offer(w, checkin_id, ana).json()["my_offer"]["id"]
    later = timezone.now() + dt.timedelta(days=3)
    for person in (ana, cal):
        person.is_suspended_until = later
        person.save()
    res = _offer(w, checkin_id, cal)
    assert res.status_code == 403
    assert error_codes(res) == ["account_suspended"]
    # Ana's pending offer isn't shown (moderation's decision) nor can it be answered.
    assert _sharing(w, checkin_id, w.owner)["offers"] == []
    assert _answer_offer(w, checkin_id, offer_id, "accept", w.owner).status_code == 404
    # A suspended requester can't answer either.
    ana.is_suspended_until = None
    ana.save()
    w.owner.is_suspended_until = later
    w.owner.save()
    res = _answer_offer(w, checkin_id, offer_id, "accept", w.owner)
    assert error_codes(res) == ["account_suspended"]


def test_changing_to_cant_right_now_takes_the_offer_off_the_table(make_world: Any) -> None:
    w = make_world(members=1)
    ana = w.members[0]
    checkin_id = _session(w, "on_my_way")
    _offer(w, checkin_id, ana)
    post(w.client(ana), _url(checkin_id, "responses/"), {"answer": "cant_right_now"}, expect=200)
    assert _sharing(w, checkin_id, w.owner)["offers"] == []


def test_the_detail_answers_in_constant_queries(
    make_world: Any, django_assert_max_num_queries: Any
) -> None:
    w = make_world(members=3)
    checkin_id = _session(w, "on_my_way", "calling", "texting")
    for member in w.members:
        _offer(w, checkin_id, member)
    client = w.client(w.owner)
    with django_assert_max_num_queries(8):
        assert len(client.get(_url(checkin_id, "sharing/")).json()["offers"]) == 3


# --- "I could use someone too" ----------------------------------------------------------------


def test_after_a_session_the_helper_is_offered_a_reach_out_to_the_person(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cal = w.members
    session = make_session(w.owner, w.circle, {ana: "on_my_way", cal: "cant_right_now"})
    prefill = _sharing(w, str(session.pk), ana)["reach_out_too"]
    assert prefill == {
        "person": {"id": str(w.owner.pk), "display_name": "Alex"},
        "circle": {"id": str(w.circle.pk), "name": w.circle.name},
    }
    # Not for the requester, nor for someone who couldn't come.
    assert _sharing(w, str(session.pk), w.owner)["reach_out_too"] is None
    assert _sharing(w, str(session.pk), cal)["reach_out_too"] is None

    url = _url(str(session.pk), "reach-out-too/")
    body = {"mode": "call", "silence_ok": True, "idempotency_key": "k1"}
    res = post(w.client(ana), url, body)
    assert res.status_code == 201, res.content
    made = res.json()
    assert made["requester"]["id"] == str(ana.pk)
    assert [a["user"]["id"] for a in made["audience"]] == [str(w.owner.pk)]
    assert (made["kind"], made["mode"], made["silence_ok"]) == ("reach_out", "call", True)
    assert made["in_reply_to"] == str(session.pk)
    assert made["circle"]["id"] == str(w.circle.pk)
    # One tap, once: the same key again is the same reach-out.
    again = post(w.client(ana), url, body)
    assert again.status_code == 200
    assert again.json()["id"] == made["id"]
    # The person asked is told as for any reach-out.
    assert Notification.objects.filter(kind="reach_out", user=w.owner).count() == 1


def test_or_to_the_whole_circle(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cal = w.members
    session = make_session(w.owner, w.circle, {ana: "texting"}, status=Status.EXPIRED)
    res = post(
        w.client(ana), _url(str(session.pk), "reach-out-too/"), {"mode": "text", "to": "circle"}
    )
    assert res.status_code == 201, res.content
    assert {a["user"]["id"] for a in res.json()["audience"]} == {str(w.owner.pk), str(cal.pk)}
    assert res.json()["in_reply_to"] is None


def test_reach_out_too_refusals(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cal = w.members
    live = _session(w, "on_my_way", "cant_right_now")
    res = post(w.client(ana), _url(live, "reach-out-too/"), {"mode": "call"})
    assert (res.status_code, error_codes(res)) == (409, ["session_not_over"])
    post(w.client(w.owner), _url(live, "close/"), expect=200)
    res = post(w.client(cal), _url(live, "reach-out-too/"), {"mode": "call"})
    assert (res.status_code, error_codes(res)) == (403, ["not_there"])
    res = post(w.client(ana), _url(live, "reach-out-too/"), {"mode": "fly"})
    assert (res.status_code, res.json()["errors"][0]["attr"]) == (400, "mode")
    res = post(w.client(ana), _url(live, "reach-out-too/"), {"mode": "call", "to": "everyone"})
    assert (res.status_code, res.json()["errors"][0]["attr"]) == (400, "to")
    assert CheckIn.objects.filter(requester=ana).count() == 0


def test_no_person_to_ask_once_they_left(make_world: Any) -> None:
    w = make_world(members=2)
    ana, cal = w.members
    session = make_session(cal, w.circle, {ana: "on_my_way"})
    membership_remove(circle=w.circle, by=cal, user_id=cal.pk)
    prefill = _sharing(w, str(session.pk), ana)
    # The session stays Ana's to see; its requester is no longer someone to ask there.
    assert prefill["reach_out_too"]["person"] is None
    res = post(w.client(ana), _url(str(session.pk), "reach-out-too/"), {"mode": "call"})
    assert res.status_code == 400
    assert error_codes(res) == ["not_in_circle"]

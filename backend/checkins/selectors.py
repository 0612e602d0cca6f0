"""Reads of check-ins. Every list and detail has a constant number of queries: one for the
check-ins (flat rows), then one each for the audience, first deliveries (the notifications
app's rows; no cross-app writes) and responses of all of them; who may see what is one
WHERE. The API answers with the plain dicts built here (see "read models" below)."""

from functools import partial
from typing import Any
from uuid import UUID

from django.db.models import (
    Exists,
    F,
    FilteredRelation,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from backend.accounts.models import User
from backend.accounts.selectors import person
from backend.checkins import conf
from backend.checkins.models import (
    ACTIVE_STATUSES,
    NOT_THERE_ANSWERS,
    Answer,
    AudienceMember,
    CheckIn,
    Kind,
    Response,
    Status,
)
from backend.circles.models import Membership
from backend.circles.selectors import blocked_with
from backend.common.compiled import Compiled, Paged, compiled
from backend.notifications.models import Delivery, DeliveryStatus, Notification


def in_session_circle(user: User | UUID | OuterRef, checkin: Any, circle: Any) -> Q:
    """`user` is in the circle of `checkin` (whose circle is `circle`; each an OuterRef or
    id) now, or was asked in it through another circle they share with its requester and is
    still in that one. Nobody else of that other circle counts: only the people asked."""
    user_id = user.pk if isinstance(user, User) else user
    through_other = AudienceMember.objects.filter(
        checkin_id=checkin,
        user_id=user_id,
        via_circle__memberships__user_id=F("user_id"),
    )
    return Q(Exists(Membership.objects.filter(circle_id=circle, user_id=user_id))) | Q(
        Exists(through_other)
    )


def session_circle_user_ids(*, checkin: CheckIn) -> set[Any]:
    """Who is in `checkin`'s circle now, and the people asked through another circle who
    are still in it (`in_session_circle` for everyone at once)."""
    members = Membership.objects.filter(circle_id=checkin.circle_id).values_list(
        "user_id", flat=True
    )
    through_other = AudienceMember.objects.filter(
        checkin=checkin, via_circle__memberships__user_id=F("user_id")
    ).values_list("user_id", flat=True)
    return {*members, *through_other}


def visible_to(user: User) -> Q:
    """What `user` may see: what they asked for; or what asks them, while they are still in
    that circle (or the other circle they were asked through), once it has started asking (a
    scheduled one is the requester's secret until its time) and while no block stands between
    them and the requester."""
    asked = Q(
        Exists(AudienceMember.objects.filter(checkin_id=OuterRef("pk"), user_id=user.pk)),
        in_session_circle(user, OuterRef("pk"), OuterRef("circle_id")),
        ~Q(status=Status.SCHEDULED),
        ~blocked_with(user, OuterRef("requester_id")),
    )
    return Q(requester_id=user.pk) | asked


def checkin_base() -> QuerySet[CheckIn]:
    return CheckIn.objects.select_related("requester", "circle", "closed_by")


def audience_user_ids(*, checkin: CheckIn) -> list[Any]:
    """Who was asked, minus anyone now in a block relation with the requester."""
    rows = AudienceMember.objects.filter(checkin=checkin).exclude(
        blocked_with(checkin.requester, OuterRef("user_id"))
    )
    return list(rows.values_list("user_id", flat=True))


# --- who was there -------------------------------------------------------------------------
# The requester and the friends who answered with anything but "can't right now".


def _showing_up() -> QuerySet[Response]:
    return Response.objects.exclude(answer__in=NOT_THERE_ANSWERS)


def there_responses(*, checkin: CheckIn) -> QuerySet[Response]:
    """The answers of the friends who showed up (with the responder)."""
    return _showing_up().filter(checkin=checkin).select_related("responder")


def who_was_there(*, checkin: CheckIn) -> set[UUID]:
    """The requester and every friend who showed up."""
    there = there_responses(checkin=checkin).values_list("responder_id", flat=True)
    return {checkin.requester_id, *there}


def showed_up(user: User | UUID | OuterRef, checkin: Any) -> Exists:
    """`user` showed up for `checkin` (each an OuterRef or id): `who_was_there` as a WHERE."""
    user_id = user.pk if isinstance(user, User) else user
    return Exists(_showing_up().filter(checkin_id=checkin, responder_id=user_id))


def ask_still_wanted(notification: Notification) -> bool:
    """Whether the check-in an ask push is about is still asking (open or answered)."""
    checkin_id = notification.payload.get("checkin_id")
    if not checkin_id:
        return True
    return CheckIn.objects.filter(pk=checkin_id, status__in=ACTIVE_STATUSES).exists()


# --- read models for the hot reads -----------------------------------------------------------
# Home, the detail and the list answer with plain dicts built from `values()` rows: a few flat
# queries (no per-row subquery in the SELECT, no model instances, no serializer walk). The
# shapes are `CheckinSerializer` / `CheckinCompactSerializer` (which document them; the tests
# hold the two the same). To add a field: name its column in `CHECKIN_COLUMNS` (or
# `RESPONSE_COLUMNS`) and put it in `_core_read` / `_full_read` (and in the serializer).

CHECKIN_COLUMNS = (
    "id",
    "kind",
    "status",
    "mode",
    "no_need_to_explain",
    "just_listen",
    "silence_ok",
    "message",
    "message_hidden_at",
    "requester_id",
    "requester__display_name",
    "circle_id",
    "circle__name",
    "created_at",
    "scheduled_for",
    "activated_at",
    "answered_at",
    "nobody_answered_at",
    "closed_at",
    "closed_by_id",
    "closed_by__display_name",
    "expired_at",
    "cancelled_at",
    "in_reply_to_id",
    "requester__phone",
    "asked_again_at",
    "update_line",
    "update_line_at",
)
RESPONSE_COLUMNS = (
    "id",
    "answer",
    "eta_minutes",
    "eta_from",
    "message",
    "created_at",
    "updated_at",
)
Row = dict[str, Any]


def checkin_rows() -> QuerySet[CheckIn, Row]:
    """Check-ins as flat rows with their requester, circle and closer (one query)."""
    return CheckIn.objects.values(*CHECKIN_COLUMNS)


def _answer_read(row: Row, responder: dict[str, Any] | None, prefix: str = "") -> Row:
    """A response (`CheckinAnswerSerializer`) from its columns (under `prefix`)."""
    return {
        "id": row[f"{prefix}id"],
        "responder": responder,
        "answer": row[f"{prefix}answer"],
        "eta_minutes": row[f"{prefix}eta_minutes"],
        "eta_from": row[f"{prefix}eta_from"],
        "message": row[f"{prefix}message"],
        "created_at": row[f"{prefix}created_at"],
        "updated_at": row[f"{prefix}updated_at"],
    }


def _core_read(row: Row, viewer: User, *, my_response: Row | None) -> Row:
    """The fields every view of a check-in shows (`_CORE_FIELDS`)."""
    is_requester = row["requester_id"] == viewer.pk
    return {
        "id": row["id"],
        "kind": row["kind"],
        "status": row["status"],
        "mode": row["mode"] or None,
        "no_need_to_explain": row["no_need_to_explain"],
        "just_listen": row["just_listen"],
        "silence_ok": row["silence_ok"],
        "message": "" if row["message_hidden_at"] else row["message"],
        "requester": person(row["requester_id"], row["requester__display_name"]),
        "circle": {"id": row["circle_id"], "name": row["circle__name"]},
        "created_at": row["created_at"],
        "scheduled_for": row["scheduled_for"],
        "activated_at": row["activated_at"],
        "my_role": "requester" if is_requester else "asked",
        "my_response": my_response,
        "offer_help": is_requester and _offer_help(row),
    }


def _offer_help(row: Row) -> bool:
    return row["status"] == Status.OPEN and row["nobody_answered_at"] is not None


def _full_read(row: Row, viewer: User, audience: list[Row], responses: list[Row]) -> Row:
    """One check-in with everyone asked and every answer (`CheckinSerializer`)."""
    by_responder = {r["responder"]["id"]: r for r in responses}
    is_requester = row["requester_id"] == viewer.pk
    hidden = bool(row["message_hidden_at"])
    return {
        **_core_read(row, viewer, my_response=by_responder.get(viewer.pk)),
        # One tap to call or text: the requester's number for everyone asked, and everyone
        # asked's for the requester — never the friends' numbers to each other.
        "requester": {
            **(person(row["requester_id"], row["requester__display_name"]) or {}),
            "phone": row["requester__phone"],
        },
        "cancel_until": conf.cancel_until(row["activated_at"]),
        "audience": [
            {
                **{key: value for key, value in member.items() if key != "phone"},
                "user": {**member["user"], "phone": member["phone"] if is_requester else ""},
                "response": by_responder.get(member["user"]["id"]),
            }
            for member in audience
        ],
        "asked_again_at": row["asked_again_at"],
        # The session's short update is hidden with the message when moderation hides it.
        "update_line": "" if hidden else row["update_line"],
        "update_line_at": row["update_line_at"],
        "responses": responses,
        "answered_at": row["answered_at"],
        "nobody_answered_at": row["nobody_answered_at"],
        "closed_at": row["closed_at"],
        "closed_by": person(row["closed_by_id"], row["closed_by__display_name"]),
        "expired_at": row["expired_at"],
        "cancelled_at": row["cancelled_at"],
        "in_reply_to": row["in_reply_to_id"],
    }


def _not_blocked_unless_mine(viewer: User, person_ref: str) -> Q:
    # Someone asked doesn't see the people they are in a block relation with; the requester
    # sees everyone they asked.
    return ~Q(blocked_with(viewer, OuterRef(person_ref)), ~Q(checkin__requester_id=viewer.pk))


def _asked_alongside(viewer: User) -> Q:
    # The requester sees everyone asked; a friend asked sees the others asked through the
    # same circle as them, never the people of a circle they aren't in (a check-in widened to
    # another circle shows each side only its own).
    mine = AudienceMember.objects.filter(checkin_id=OuterRef("checkin_id"), user_id=viewer.pk)
    return (
        Q(checkin__requester_id=viewer.pk)
        | Q(Exists(mine.filter(via_circle_id=OuterRef("via_circle_id"))))
        | (Q(via_circle__isnull=True) & Q(Exists(mine.filter(via_circle__isnull=True))))
    )


def _first_delivered() -> Subquery:
    return Subquery(
        Delivery.objects.filter(
            notification_id=OuterRef("notification_id"), status=DeliveryStatus.DELIVERED
        )
        .values("notification_id")
        .annotate(first=Min("delivered_at"))
        .values("first")
    )


MEMBER_COLUMNS = (
    "checkin_id",
    "user_id",
    "user__display_name",
    "seen_at",
    "delivered_at",
    "user__phone",
    "emailed_at",
    "via_circle_id",
    "via_circle__name",
    *(f"answer__{c}" for c in RESPONSE_COLUMNS),
)


def _audience_rows(viewer: User) -> QuerySet[AudienceMember]:
    """Everyone asked as `viewer` may see them, with when each was first told and their
    answer joined in (only people asked can answer, so the answers are the audience's)."""
    return (
        AudienceMember.objects.filter(
            _not_blocked_unless_mine(viewer, "user_id"), _asked_alongside(viewer)
        )
        .annotate(
            delivered_at=_first_delivered(),
            answer=FilteredRelation(
                "checkin__responses",
                condition=Q(checkin__responses__responder_id=F("user_id")),
            ),
        )
        .order_by("created_at", "user__display_name", "user_id")
    )


def _assemble(rows: list[Row], members: list[Row], viewer: User) -> list[Row]:
    audience: dict[Any, list[Row]] = {row["id"]: [] for row in rows}
    responses: dict[Any, list[Row]] = {row["id"]: [] for row in rows}
    # Someone asked through another circle sees it under that one (never the name of a
    # circle they aren't in).
    through: dict[Any, Row] = {}
    for m in members:
        user = person(m["user_id"], m["user__display_name"])
        via = (
            {"id": m["via_circle_id"], "name": m["via_circle__name"]}
            if m["via_circle_id"]
            else None
        )
        if via is not None and m["user_id"] == viewer.pk:
            through[m["checkin_id"]] = via
        audience[m["checkin_id"]].append(
            {
                "user": user,
                "delivered_at": m["delivered_at"],
                "seen_at": m["seen_at"],
                "mailed_at": m["emailed_at"],
                "via_circle": via,
                "phone": m["user__phone"],
            }
        )
        if m["answer__id"] is not None:
            responses[m["checkin_id"]].append(_answer_read(m, user, "answer__"))
    reads = [
        _full_read(
            row,
            viewer,
            audience[row["id"]],
            sorted(responses[row["id"]], key=lambda r: r["created_at"]),
        )
        for row in rows
    ]
    for read in reads:
        if read["id"] in through:
            read["circle"] = through[read["id"]]
    return reads


_members_of = compiled(
    lambda viewer_id, ids: (
        _audience_rows(User(pk=viewer_id)).filter(checkin_id__in=ids).values(*MEMBER_COLUMNS)
    )
)


def full_reads(rows: list[Row], viewer: User) -> list[Row]:
    """Full check-ins from `checkin_rows()`, with one more query for any number of rows."""
    if not rows:
        return []
    members = _members_of.rows(viewer.pk, [row["id"] for row in rows])
    return _assemble(rows, members, viewer)


def _wanted(viewer: User, checkin_id: Any, *, gate: bool) -> QuerySet[CheckIn]:
    wanted = CheckIn.objects.filter(pk=checkin_id)
    return wanted.filter(visible_to(viewer)) if gate else wanted


def _checkin_members(viewer_id: Any, checkin_id: Any, *, gate: bool) -> QuerySet[Any, Row]:
    viewer = User(pk=viewer_id)
    return (
        _audience_rows(viewer)
        .filter(checkin_id__in=_wanted(viewer, checkin_id, gate=gate).values("pk"))
        .values(*MEMBER_COLUMNS, *(f"checkin__{c}" for c in CHECKIN_COLUMNS))
    )


_checkin_members_gated = compiled(partial(_checkin_members, gate=True))
_checkin_members_known = compiled(partial(_checkin_members, gate=False))


def checkin_read(*, checkin_id: Any, viewer: User, gate: bool = True) -> Row | None:
    """One full check-in; with `gate`, through the WHERE of `access_checkin` (None: not the
    viewer's). Without, for a check-in the viewer just passed the gate for or wrote.

    One query: the audience rows carry their check-in's columns (a check-in always asks
    someone; only when nobody asked is left to show does a second query read it alone)."""
    members = (_checkin_members_gated if gate else _checkin_members_known).rows(
        viewer.pk, checkin_id
    )
    if members:
        row = {c: members[0][f"checkin__{c}"] for c in CHECKIN_COLUMNS}
    else:
        wanted = _wanted(viewer, checkin_id, gate=gate)
        found = checkin_rows().filter(pk__in=wanted.values("pk")).first()
        if found is None:
            return None
        row = found
    return _assemble([row], members, viewer)[0]


def _list_rows(status: str | None) -> Compiled:
    def build(user_id: Any) -> QuerySet[CheckIn, Row]:
        rows = checkin_rows().filter(visible_to(User(pk=user_id)))
        return rows.filter(status=status) if status else rows

    return compiled(build)


# One compiled list per status filter (the status is a constant of its SQL).
_LIST_ROWS = {status: _list_rows(status) for status in (None, *Status.values)}


def checkin_list_rows(*, user: User, status: str | None = None) -> Paged:
    """The list's rows to paginate (a page of them goes through `full_reads`)."""
    return _LIST_ROWS[status or None].page(user.pk)


# Home's lists are short by design (one open reach-out per person, a few scheduled, nudges
# capped per day); these bound them anyway.
HOME_SCHEDULED_MAX = 20
HOME_ASKING_MAX = 50
HOME_ROWS_MAX = 300
MY_SESSION_KINDS = (Kind.REACH_OUT, Kind.CHECK_ON_ME)


def _home_rows(user: User) -> QuerySet[CheckIn, Row]:
    """Every check-in home shows, in one query: mine that are asking or scheduled, and what
    asks `user` now (with their own audience row and answer joined in)."""
    mine = Q(requester_id=user.pk) & (
        Q(kind__in=MY_SESSION_KINDS, status__in=ACTIVE_STATUSES) | Q(status=Status.SCHEDULED)
    )
    asking = Q(visible_to(user), status__in=ACTIVE_STATUSES) & ~Q(requester_id=user.pk)
    return (
        CheckIn.objects.filter(mine | asking)
        .annotate(
            mine=FilteredRelation("audience", condition=Q(audience__user_id=user.pk)),
            my_answer=FilteredRelation("responses", condition=Q(responses__responder_id=user.pk)),
            # A nudge I answered "Could use you" stays until I reach back or put it away.
            reached_back=Exists(
                CheckIn.objects.filter(in_reply_to_id=OuterRef("pk"), requester_id=user.pk)
            ),
        )
        .values(
            *CHECKIN_COLUMNS,
            "mine__seen_at",
            "mine__dismissed_at",
            "mine__via_circle_id",
            "mine__via_circle__name",
            "reached_back",
            *(f"my_answer__{c}" for c in RESPONSE_COLUMNS),
        )
        .order_by("-activated_at", "-created_at")
    )


_home_checkins = compiled(lambda user_id: _home_rows(User(pk=user_id))[:HOME_ROWS_MAX])
_my_circles = compiled(
    lambda user_id: (
        Membership.objects.filter(user_id=user_id)
        .order_by("joined_at")
        .values("circle_id", "circle__name", "role")
    )
)


def _nudge_waiting(row: Row) -> bool:
    """A nudge's card stays on home: not answered yet, or answered "Could use you" and neither
    reached back from nor put away (the reach-back prompt survives a reload)."""
    if row["status"] == Status.OPEN:
        return True
    return (
        row["my_answer__answer"] == Answer.NEED_YOU
        and row["mine__dismissed_at"] is None
        and not row["reached_back"]
    )


def home_read(*, user: User) -> Row:
    """All the home screen needs (`HomeApi.OutputSerializer`): my circles, then one query for
    the check-ins, and one more for the audience of my open one."""
    circles = [
        {"id": c["circle_id"], "name": c["circle__name"], "my_role": c["role"]}
        for c in _my_circles.rows(user.pk)
    ]
    me = person(user.pk, user.display_name)
    active: list[Row] = []
    scheduled: list[Row] = []
    asking_me: list[Row] = []
    nudges: list[Row] = []
    for row in _home_checkins.rows(user.pk):
        if row["requester_id"] == user.pk:
            (scheduled if row["status"] == Status.SCHEDULED else active).append(row)
            continue
        is_nudge = row["kind"] == Kind.NUDGE
        if is_nudge and not _nudge_waiting(row):
            continue
        into = nudges if is_nudge else asking_me
        if len(into) < HOME_ASKING_MAX:
            answered = row["my_answer__id"] is not None
            my_response = _answer_read(row, me, "my_answer__") if answered else None
            card = {
                **_core_read(row, user, my_response=my_response),
                "my_seen_at": row["mine__seen_at"],
            }
            if row["mine__via_circle_id"]:
                card["circle"] = {
                    "id": row["mine__via_circle_id"],
                    "name": row["mine__via_circle__name"],
                }
            into.append(card)
    # Rows come newest first (by when they started asking), so my open one is the first.
    my_open = next(iter(full_reads(active[:1], user)), None)
    scheduled.sort(key=lambda row: row["scheduled_for"])
    return {
        "me": me,
        "circles": circles,
        "my_open_checkin": my_open,
        "my_scheduled": [
            {**_core_read(row, user, my_response=None), "my_seen_at": None}
            for row in scheduled[:HOME_SCHEDULED_MAX]
        ],
        "asking_me": asking_me,
        "pending_nudges": nudges,
        "offer_help": bool(my_open and my_open["offer_help"]),
    }

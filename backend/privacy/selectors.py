"""A person's export: everything their account holds, in one document.

Other people appear only as `{id, display_name}` and only where this person could already see
them (circle members, who was asked, who answered, who reacted). Never anyone else's email.
"""

from typing import Any
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db.models import Prefetch

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote, Reaction
from backend.checkins.models import AudienceMember, CheckIn, Response, ShareOffer
from backend.circles.models import Block, Invite, Membership
from backend.circles.selectors import notification_settings_get
from backend.moderation.models import Report, Strike
from backend.notifications.models import PushSubscription


def _person(user: User) -> dict[str, Any]:
    return {"id": user.pk, "display_name": user.public_name}


def _profile(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "timezone": user.timezone,
        "phone": user.phone,
        "date_joined": user.date_joined,
        "suspended_until": user.is_suspended_until,
        "emails": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
    }


def _circles(user: User) -> list[dict[str, Any]]:
    rows = (
        Membership.objects.filter(user=user)
        .select_related("circle")
        .prefetch_related(
            Prefetch(
                "circle__memberships",
                queryset=Membership.objects.select_related("user").order_by("joined_at"),
            )
        )
        .order_by("joined_at")
    )
    return [
        {
            "id": m.circle.pk,
            "name": m.circle.name,
            "role": m.role,
            "joined_at": m.joined_at,
            "notification_level": m.notification_level,
            "members": [
                {**_person(other.user), "role": other.role} for other in m.circle.memberships.all()
            ],
        }
        for m in rows
    ]


def _invites(user: User) -> list[dict[str, Any]]:
    rows = Invite.objects.filter(created_by=user).select_related("circle").order_by("created_at")
    return [
        {
            "id": i.pk,
            "circle": {"id": i.circle.pk, "name": i.circle.name},
            "created_at": i.created_at,
            "expires_at": i.expires_at,
            "max_uses": i.max_uses,
            "use_count": i.use_count,
            "revoked_at": i.revoked_at,
            "message": i.message,
        }
        for i in rows
    ]


def _checkins(user: User) -> list[dict[str, Any]]:
    rows = (
        CheckIn.objects.filter(requester=user)
        .select_related("circle")
        .prefetch_related(
            Prefetch("audience", queryset=AudienceMember.objects.select_related("user")),
            Prefetch("responses", queryset=Response.objects.select_related("responder")),
        )
        .order_by("created_at")
    )
    return [
        {
            "id": c.pk,
            "circle": {"id": c.circle.pk, "name": c.circle.name},
            "kind": c.kind,
            "mode": c.mode,
            "no_need_to_explain": c.no_need_to_explain,
            "just_listen": c.just_listen,
            "silence_ok": c.silence_ok,
            "message": c.message,
            "update_line": c.update_line,
            "status": c.status,
            "created_at": c.created_at,
            "scheduled_for": c.scheduled_for,
            "closed_at": c.closed_at,
            "audience": [_person(a.user) for a in c.audience.all()],
            "responses": [
                {
                    "by": _person(r.responder),
                    "answer": r.answer,
                    "eta_minutes": r.eta_minutes,
                    "message": r.message,
                    "created_at": r.created_at,
                }
                for r in c.responses.all()
            ],
        }
        for c in rows
    ]


def _answers(user: User) -> list[dict[str, Any]]:
    rows = (
        Response.objects.filter(responder=user)
        .select_related("checkin__requester")
        .order_by("created_at")
    )
    return [
        {
            "checkin": {"id": r.checkin.pk, "requester": _person(r.checkin.requester)},
            "answer": r.answer,
            "eta_minutes": r.eta_minutes,
            "message": r.message,
            "created_at": r.created_at,
        }
        for r in rows
    ]


def _share_offers(user: User) -> list[dict[str, Any]]:
    rows = (
        ShareOffer.objects.filter(offered_by=user)
        .select_related("checkin__requester")
        .order_by("created_at")
    )
    return [
        {
            "checkin": {"id": o.checkin.pk, "requester": _person(o.checkin.requester)},
            "status": o.status,
            "no_need_to_explain": o.no_need_to_explain,
            "just_listen": o.just_listen,
            "silence_ok": o.silence_ok,
            "created_at": o.created_at,
        }
        for o in rows
    ]


def _notes(user: User) -> list[dict[str, Any]]:
    rows = (
        AftermathNote.objects.filter(author=user)
        .prefetch_related(Prefetch("reactions", queryset=Reaction.objects.select_related("user")))
        .order_by("created_at")
    )
    return [
        {
            "id": n.pk,
            "checkin_id": n.checkin_id,
            "body": n.body,
            "audience": n.audience,
            "created_at": n.created_at,
            "edited_at": n.edited_at,
            "hidden_at": n.hidden_at,
            "reactions_received": [
                {"by": _person(r.user), "kind": r.kind, "created_at": r.created_at}
                for r in n.reactions.all()
            ],
        }
        for n in rows
    ]


def _reactions(user: User) -> list[dict[str, Any]]:
    rows = Reaction.objects.filter(user=user).select_related("note__author").order_by("created_at")
    return [
        {
            "note": {"id": r.note.pk, "author": _person(r.note.author)},
            "kind": r.kind,
            "created_at": r.created_at,
        }
        for r in rows
    ]


def _reports(user: User) -> list[dict[str, Any]]:
    rows = Report.objects.filter(reporter=user).order_by("created_at")
    return [
        {
            "id": r.pk,
            "target_type": r.target_type,
            "category": r.category,
            "details": r.details,
            "status": r.status,
            "created_at": r.created_at,
            "resolved_at": r.resolved_at,
            "outcome": r.outcome,
            "outcome_text": r.outcome_text,
        }
        for r in rows
    ]


def _strikes(user: User) -> list[dict[str, Any]]:
    rows = Strike.objects.filter(person=user).select_related("appeal").order_by("created_at")
    out = []
    for s in rows:
        appeal = getattr(s, "appeal", None)
        out.append(
            {
                "id": s.pk,
                "kind": s.kind,
                "reason": s.reason,
                "snapshot": s.snapshot,
                "created_at": s.created_at,
                "suspended_until": s.suspended_until,
                "appeal": None
                if appeal is None
                else {
                    "text": appeal.text,
                    "created_at": appeal.created_at,
                    "decided_at": appeal.decided_at,
                    "decision": appeal.decision,
                    "decision_reason": appeal.decision_reason,
                },
            }
        )
    return out


def _blocks(user: User) -> list[dict[str, Any]]:
    rows = Block.objects.filter(blocker=user).select_related("blocked").order_by("created_at")
    return [{"person": _person(b.blocked), "created_at": b.created_at} for b in rows]


def _devices(user: User) -> list[dict[str, Any]]:
    # The push endpoint is a capability URL and the keys are secrets: the service's host only.
    rows = PushSubscription.objects.filter(user=user).order_by("created_at")
    return [
        {
            "id": d.pk,
            "push_service": urlsplit(d.endpoint).hostname or "",
            "user_agent": d.user_agent,
            "created_at": d.created_at,
            "last_success_at": d.last_success_at,
        }
        for d in rows
    ]


def _sessions(user: User) -> list[dict[str, Any]]:
    rows = UserSession.objects.filter(user=user).order_by("created_at")
    return [
        {
            "ip": s.ip,
            "user_agent": s.user_agent,
            "created_at": s.created_at,
            "last_seen_at": s.last_seen_at,
        }
        for s in rows
    ]


def export_for_user(*, user: User) -> dict[str, Any]:
    return {
        "format": "shoulder-export/1",
        "profile": _profile(user),
        "circles": _circles(user),
        "invites_created": _invites(user),
        "checkins": _checkins(user),
        "answers_given": _answers(user),
        "share_offers": _share_offers(user),
        "notes": _notes(user),
        "reactions_given": _reactions(user),
        "reports": _reports(user),
        "strikes": _strikes(user),
        "blocks": _blocks(user),
        "notification_settings": notification_settings_get(user=user),
        "devices": _devices(user),
        "sessions": _sessions(user),
    }

"""`/api/v1/me/` (DELETE, on top of the accounts app's GET and PATCH) and `/api/v1/me/export/`.

Both need a recent authentication: 403 `reauthentication_required` otherwise, with `flows`
listing how to reauthenticate through allauth (`/auth/reauthenticate`, `/auth/2fa/reauthenticate`).
"""

from typing import Any

from django.contrib.auth import logout
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.apis import MeApi as AccountsMeApi
from backend.accounts.apis import request_user
from backend.accounts.reauth import require_recent_authentication
from backend.common.apis import CircleRefSerializer, ErrorSerializer, error_responses
from backend.privacy.selectors import export_for_user
from backend.privacy.services import account_delete


class ReauthErrorSerializer(ErrorSerializer):
    """403 `reauthentication_required`: confirm it's you through allauth, then retry."""

    flows = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        help_text="allauth's reauthentication flows, e.g. `{id: reauthenticate}`, "
        "`{id: mfa_reauthenticate, types: [totp]}`.",
    )


class _Person(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    display_name = serializers.CharField()


class _Member(_Person):
    role = serializers.CharField()


class _Email(serializers.Serializer[Any]):
    email = serializers.EmailField()
    verified = serializers.BooleanField()
    primary = serializers.BooleanField()


class _Profile(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    email = serializers.EmailField()
    display_name = serializers.CharField(allow_blank=True)
    timezone = serializers.CharField()
    phone = serializers.CharField(allow_blank=True)
    date_joined = serializers.DateTimeField()
    suspended_until = serializers.DateTimeField(allow_null=True)
    emails = _Email(many=True)


class _Circle(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()
    role = serializers.CharField()
    joined_at = serializers.DateTimeField()
    notification_level = serializers.CharField()
    members = _Member(many=True)


class _Invite(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    circle = CircleRefSerializer()
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    max_uses = serializers.IntegerField()
    use_count = serializers.IntegerField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    message = serializers.CharField(allow_blank=True)


class _ResponseReceived(serializers.Serializer[Any]):
    by = _Person()
    answer = serializers.CharField()
    eta_minutes = serializers.IntegerField(allow_null=True)
    message = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()


class _Checkin(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    circle = CircleRefSerializer()
    kind = serializers.CharField()
    mode = serializers.CharField(allow_blank=True)
    no_need_to_explain = serializers.BooleanField()
    just_listen = serializers.BooleanField()
    silence_ok = serializers.BooleanField()
    message = serializers.CharField(allow_blank=True)
    update_line = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    created_at = serializers.DateTimeField()
    scheduled_for = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    audience = _Person(many=True)
    responses = _ResponseReceived(many=True)


class _CheckinRef(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    requester = _Person()


class _Answer(serializers.Serializer[Any]):
    checkin = _CheckinRef()
    answer = serializers.CharField()
    eta_minutes = serializers.IntegerField(allow_null=True)
    message = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()


class _ShareOffer(serializers.Serializer[Any]):
    checkin = _CheckinRef()
    status = serializers.CharField()
    no_need_to_explain = serializers.BooleanField()
    just_listen = serializers.BooleanField()
    silence_ok = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class _ReactionReceived(serializers.Serializer[Any]):
    by = _Person()
    kind = serializers.CharField()
    created_at = serializers.DateTimeField()


class _Note(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    checkin_id = serializers.UUIDField()
    body = serializers.CharField()
    audience = serializers.CharField()
    created_at = serializers.DateTimeField()
    edited_at = serializers.DateTimeField(allow_null=True)
    hidden_at = serializers.DateTimeField(allow_null=True)
    reactions_received = _ReactionReceived(many=True)


class _NoteRef(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    author = _Person()


class _ReactionGiven(serializers.Serializer[Any]):
    note = _NoteRef()
    kind = serializers.CharField()
    created_at = serializers.DateTimeField()


class _Report(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    target_type = serializers.CharField()
    category = serializers.CharField()
    details = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    created_at = serializers.DateTimeField()
    resolved_at = serializers.DateTimeField(allow_null=True)
    outcome = serializers.CharField(allow_blank=True)
    outcome_text = serializers.CharField(allow_blank=True)


class _Appeal(serializers.Serializer[Any]):
    text = serializers.CharField()
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)
    decision = serializers.CharField(allow_blank=True)
    decision_reason = serializers.CharField(allow_blank=True)


class _Strike(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    reason = serializers.CharField()
    snapshot = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
    suspended_until = serializers.DateTimeField(allow_null=True)
    appeal = _Appeal(allow_null=True)


class _Block(serializers.Serializer[Any]):
    person = _Person()
    created_at = serializers.DateTimeField()


class _Device(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    push_service = serializers.CharField(help_text="The push service's host; never the keys.")
    user_agent = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
    last_success_at = serializers.DateTimeField(allow_null=True)


class _Session(serializers.Serializer[Any]):
    ip = serializers.CharField(allow_null=True)
    user_agent = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
    last_seen_at = serializers.DateTimeField(allow_null=True)


class ExportSerializer(serializers.Serializer[Any]):
    """Everything an account holds. Other people appear as `{id, display_name}` only."""

    format = serializers.CharField(help_text="`shoulder-export/1`")
    exported_at = serializers.DateTimeField()
    profile = _Profile()
    circles = _Circle(many=True)
    invites_created = _Invite(many=True)
    checkins = _Checkin(many=True, help_text="Check-ins I made, with who was asked and answers.")
    answers_given = _Answer(many=True, help_text="My answers to others' check-ins.")
    share_offers = _ShareOffer(
        many=True, help_text='My "Can I share too?" in others\' sessions, with my needs.'
    )
    notes = _Note(many=True, help_text="Notes I wrote, with the reactions they received.")
    reactions_given = _ReactionGiven(many=True)
    reports = _Report(many=True, help_text="Reports I made and their outcomes.")
    strikes = _Strike(many=True, help_text="Warnings and suspensions, with my appeals.")
    blocks = _Block(many=True)
    notification_settings = serializers.DictField(
        help_text="As `GET /api/v1/notification-settings/` answers."
    )
    devices = _Device(many=True, help_text="Push subscriptions, without their keys.")
    sessions = _Session(many=True)


class MeExportApi(APIView):
    @extend_schema(
        operation_id="me_export",
        responses={
            200: ExportSerializer,
            **error_responses(401),
            403: ReauthErrorSerializer,
        },
    )
    def get(self, request: Request) -> Response:
        user = request_user(request)
        require_recent_authentication(request._request, user)
        data = {**export_for_user(user=user), "exported_at": timezone.now()}
        stamp = timezone.now().strftime("%Y-%m-%d")
        return Response(
            ExportSerializer(data).data,
            headers={"Content-Disposition": f'attachment; filename="shoulder-export-{stamp}.json"'},
        )


class MeApi(AccountsMeApi):
    @extend_schema(
        operation_id="me_destroy",
        request=None,
        responses={
            204: None,
            **error_responses(401),
            403: ReauthErrorSerializer,
        },
        description="Deletes the account at once (see README: what is kept after deletion). "
        "Needs a recent authentication.",
    )
    def delete(self, request: Request) -> Response:
        user = request_user(request)
        require_recent_authentication(request._request, user)
        account_delete(user=user)
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)

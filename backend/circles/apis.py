"""Circles, invites, join requests and blocks.

Authorization: anonymous 401 (except the invite preview); not in the circle 404; a member
asking for an owner's operation 403 `owner_only`. Every circle is fetched through
`access.access_circle`.
"""

from typing import Any
from uuid import UUID

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.apis import PersonSerializer, request_user
from backend.accounts.models import User
from backend.circles import conf, errors, selectors, services
from backend.circles.access import (
    access_blockable_person,
    access_circle,
    access_invite,
    access_join_request,
)
from backend.circles.models import Block, Circle, Invite, JoinRequest, Membership
from backend.circles.throttling import InviteGuessThrottle
from backend.circles.tokens import invite_path
from backend.common.apis import PaginatedApi, error_responses
from backend.common.conditional import conditional_get
from backend.common.throttling import throttles_with
from backend.notifications.models import CircleLevel

GUESS_THROTTLES = throttles_with(InviteGuessThrottle)


# --- circles -------------------------------------------------------------------------


class CircleMemberSerializer(serializers.ModelSerializer[Membership]):
    user = PersonSerializer()
    role = serializers.ChoiceField(choices=Membership.Role.choices)

    class Meta:
        model = Membership
        fields = ("user", "role", "joined_at")


class CircleDetailApi(APIView):
    class OutputSerializer(serializers.ModelSerializer[Circle]):
        my_role = serializers.SerializerMethodField()
        members = CircleMemberSerializer(source="memberships", many=True)

        invite_room = serializers.SerializerMethodField(
            help_text="How many people one new invite may bring in (the places left, at least 1)."
        )

        class Meta:
            model = Circle
            fields = (
                "id",
                "name",
                "my_role",
                "approval_required",
                "created_at",
                "members",
                "invite_room",
            )

        @extend_schema_field(serializers.ChoiceField(choices=Membership.Role.choices))
        def get_my_role(self, circle: Circle) -> str | None:
            me = self.context["request"].user
            # From the prefetched members: no query per circle.
            for membership in circle.memberships.all():
                if membership.user_id == me.pk:
                    return membership.role
            return None

        def get_invite_room(self, circle: Circle) -> int:
            # Counted from the prefetched members: no query.
            return services.invite_room(member_count=len(circle.memberships.all()))

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        name = serializers.CharField(max_length=60, required=False, allow_blank=False)
        approval_required = serializers.BooleanField(required=False)

    @staticmethod
    def respond(request: Request, circle: Circle, code: int = status.HTTP_200_OK) -> Response:
        prefetch_related_objects([circle], selectors.members_prefetch())
        data = CircleDetailApi.OutputSerializer(circle, context={"request": request}).data
        return Response(data, status=code)

    @extend_schema(responses=OutputSerializer, operation_id="circle_retrieve")
    @conditional_get
    def get(self, request: Request, circle_id: UUID) -> Response:
        return self.respond(request, access_circle(request_user(request), circle_id))

    @extend_schema(
        request=InputSerializer,
        responses={200: OutputSerializer, **error_responses(403)},
        operation_id="circle_update",
        description="Owner only: rename, or switch `approval_required`.",
    )
    def patch(self, request: Request, circle_id: UUID) -> Response:
        circle = access_circle(request_user(request), circle_id, owner=True)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        circle = services.circle_update(circle=circle, **serializer.validated_data)
        return self.respond(request, circle)

    @extend_schema(
        responses={204: None, **error_responses(403)},
        operation_id="circle_delete",
        description="Owner only: deletes the circle, its memberships and invites.",
    )
    def delete(self, request: Request, circle_id: UUID) -> Response:
        circle = access_circle(request_user(request), circle_id, owner=True)
        services.circle_delete(circle=circle)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CircleListApi(PaginatedApi):
    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        name = serializers.CharField(max_length=60, allow_blank=False)
        approval_required = serializers.BooleanField(required=False, default=False)

    @extend_schema(
        responses=CircleDetailApi.OutputSerializer(many=True),
        operation_id="circle_list",
        description="The circles I'm in, newest first, each with its members.",
    )
    @conditional_get
    def get(self, request: Request) -> Response:
        circles = selectors.circle_list_for_user(user=request_user(request))
        return self.paginate(request, circles, CircleDetailApi.OutputSerializer)

    @extend_schema(
        request=InputSerializer,
        responses={201: CircleDetailApi.OutputSerializer},
        operation_id="circle_create",
        description="Create a circle; the creator is its owner.",
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        circle = services.circle_create(user=request_user(request), **serializer.validated_data)
        return CircleDetailApi.respond(request, circle, status.HTTP_201_CREATED)


class CircleTransferApi(APIView):
    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        user = serializers.UUIDField()

    @extend_schema(
        request=InputSerializer,
        responses={200: CircleDetailApi.OutputSerializer, **error_responses(400)},
        operation_id="circle_transfer",
        description=(
            "Owner only: hand the circle to another member (`user` = their id); the old "
            "owner stays as a member. Errors: `owner_only` 403, `not_a_member` 400, "
            "`already_owner` 400."
        ),
    )
    def post(self, request: Request, circle_id: UUID) -> Response:
        me = request_user(request)
        circle = access_circle(me, circle_id, owner=True)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        circle = services.circle_transfer_ownership(
            circle=circle, by=me, to_user_id=serializer.validated_data["user"]
        )
        return CircleDetailApi.respond(request, circle)


class CircleMemberApi(APIView):
    @extend_schema(
        responses={204: None, **error_responses(403, 409)},
        operation_id="circle_member_remove",
        description=(
            "Your own id: leave the circle. Someone else's id: the owner removes them "
            "(members get 403 `owner_only`). The owner can't leave: 409 "
            "`owner_must_transfer` (hand over or delete the circle first)."
        ),
    )
    def delete(self, request: Request, circle_id: UUID, user_id: UUID) -> Response:
        me = request_user(request)
        circle = access_circle(me, circle_id)
        services.membership_remove(circle=circle, by=me, user_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- invites (owner side) ------------------------------------------------------------


class CircleInviteListApi(PaginatedApi):
    throttle_scope = "invite_create"

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        max_uses = serializers.IntegerField(
            min_value=1, max_value=conf.INVITE_MAX_USES, required=False, default=1
        )
        expires_in_days = serializers.IntegerField(
            min_value=1,
            max_value=conf.INVITE_MAX_EXPIRY_DAYS,
            required=False,
            default=conf.INVITE_DEFAULT_EXPIRY_DAYS,
        )
        message = serializers.CharField(
            max_length=conf.INVITE_MESSAGE_MAX, required=False, allow_blank=True, default=""
        )
        email = serializers.EmailField(required=False, allow_blank=True, default="")

    class CreatedSerializer(serializers.Serializer[Any]):
        id = serializers.UUIDField()
        token = serializers.CharField(help_text="Shown only in this answer.")
        url = serializers.CharField(help_text="The PWA path `/invite/<token>`.")
        absolute_url = serializers.CharField(help_text="`url` with the site's address.")
        expires_at = serializers.DateTimeField()
        max_uses = serializers.IntegerField()
        use_count = serializers.IntegerField()
        message = serializers.CharField()
        email = serializers.CharField()
        created_at = serializers.DateTimeField()

    class OutputSerializer(serializers.ModelSerializer[Invite]):
        created_by = PersonSerializer()
        status = serializers.ChoiceField(choices=Invite.Status.choices)

        class Meta:
            model = Invite
            fields = (
                "id",
                "status",
                "expires_at",
                "max_uses",
                "use_count",
                "message",
                "email",
                "created_by",
                "created_at",
                "revoked_at",
            )

    @extend_schema(
        responses={200: OutputSerializer(many=True), **error_responses(403)},
        operation_id="circle_invite_list",
        description="Owner only. Tokens are never listed (they are not stored).",
    )
    def get(self, request: Request, circle_id: UUID) -> Response:
        circle = access_circle(request_user(request), circle_id, owner=True)
        invites = selectors.invite_list_for_circle(circle=circle)
        return self.paginate(request, invites, self.OutputSerializer)

    @extend_schema(
        request=InputSerializer,
        responses={201: CreatedSerializer, **error_responses(403, 429)},
        operation_id="circle_invite_create",
        description=(
            "Owner only. The answer holds `token`, `url` and `absolute_url` once; they can't "
            "be fetched again. With `email`, an invitation email is sent in the background "
            "(the personal `message` only from accounts older than "
            "INVITE_MESSAGE_MIN_ACCOUNT_AGE); at most INVITE_EMAILS_PER_DAY such emails per "
            "person in any 24 hours: over it 429 `invite_email_limit` with `Retry-After`, and "
            "no invite is made."
        ),
    )
    def post(self, request: Request, circle_id: UUID) -> Response:
        me = request_user(request)
        circle = access_circle(me, circle_id, owner=True)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.invite_create(circle=circle, created_by=me, **serializer.validated_data)
        invite, path = created.invite, invite_path(created.token)
        data = {
            "id": invite.pk,
            "token": created.token,
            "url": path,
            "absolute_url": conf.site_url() + path,
            "expires_at": invite.expires_at,
            "max_uses": invite.max_uses,
            "use_count": invite.use_count,
            "message": invite.message,
            "email": invite.email,
            "created_at": invite.created_at,
        }
        return Response(self.CreatedSerializer(data).data, status=status.HTTP_201_CREATED)


class CircleInviteDetailApi(APIView):
    @extend_schema(
        responses={204: None, **error_responses(403)},
        operation_id="circle_invite_revoke",
        description="Owner only: withdraw the invite (idempotent).",
    )
    def delete(self, request: Request, circle_id: UUID, invite_id: UUID) -> Response:
        me = request_user(request)
        invite = access_invite(me, circle_id, invite_id)
        services.invite_revoke(invite=invite, by=me)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- invites (invitee side) ----------------------------------------------------------


class InvitePreviewCircleSerializer(serializers.Serializer[Circle]):
    name = serializers.CharField()
    approval_required = serializers.BooleanField()


class InvitePreviewApi(APIView):
    permission_classes = (AllowAny,)
    throttle_classes = GUESS_THROTTLES

    class OutputSerializer(serializers.Serializer[Any]):
        circle = InvitePreviewCircleSerializer(source="invite.circle")
        invited_by = PersonSerializer(source="invite.created_by")
        message = serializers.CharField(source="invite.message")
        expires_at = serializers.DateTimeField(source="invite.expires_at")
        status = serializers.CharField(
            help_text="`valid`, or the code accepting would answer for this viewer now: "
            "`already_member`, `removed_from_circle`, `join_request_pending`, "
            "`join_request_rejected`, `circle_full`."
        )
        status_detail = serializers.CharField(allow_null=True)
        already_member = serializers.BooleanField()

    @extend_schema(
        responses={200: OutputSerializer, **error_responses(404, 410)},
        operation_id="invite_preview",
        description=(
            "Works signed out. Never lists members. Unknown token: 404 `invite_not_found`; "
            "410 `invite_expired`, `invite_revoked`, `invite_used_up`."
        ),
    )
    def get(self, request: Request, token: str) -> Response:
        user = request.user if isinstance(request.user, User) else None
        invite = services.invite_find(token=token, user=user)
        refusal = None
        if user is not None:
            refusal = services.invite_refusal_for(invite=invite, user=user)
        elif selectors.circle_member_count(circle=invite.circle) >= conf.circle_max_members():
            refusal = errors.circle_full()
        data = {
            "invite": invite,
            "status": "valid" if refusal is None else refusal.get_codes(),
            "status_detail": None if refusal is None else str(refusal.detail),
            "already_member": bool(
                refusal and refusal.get_codes() == errors.CircleErrorCode.ALREADY_MEMBER
            ),
        }
        return Response(self.OutputSerializer(data).data)


class InviteAcceptJoinRequestSerializer(serializers.ModelSerializer[JoinRequest]):
    status = serializers.ChoiceField(
        choices=JoinRequest.Status.choices, help_text="`pending` when just asked."
    )

    class Meta:
        model = JoinRequest
        fields = ("id", "status", "created_at")


class InviteAcceptCircleSerializer(serializers.ModelSerializer[Circle]):
    class Meta:
        model = Circle
        fields = ("id", "name")


class InviteAcceptApi(APIView):
    throttle_scope = "invite_accept"
    throttle_classes = GUESS_THROTTLES

    class OutputSerializer(serializers.Serializer[Any]):
        result = serializers.ChoiceField(choices=["joined", "requested"])
        circle = InviteAcceptCircleSerializer()
        join_request = InviteAcceptJoinRequestSerializer(allow_null=True)

    @extend_schema(
        request=None,
        responses={
            201: OutputSerializer,
            **error_responses(403, 404, 409, 410),
        },
        operation_id="invite_accept",
        description=(
            "Join the circle (`result: joined`) or, when it needs approval, ask the owner "
            "(`result: requested`). Errors: 404 `invite_not_found`; 410 `invite_expired`, "
            "`invite_revoked`, `invite_used_up`; 409 `already_member`, `circle_full`, "
            "`join_request_pending`; 403 `removed_from_circle`, `join_request_rejected`."
        ),
    )
    def post(self, request: Request, token: str) -> Response:
        result = services.invite_accept(token=token, user=request_user(request))
        data = {
            "result": "requested" if result.join_request else "joined",
            "circle": result.circle,
            "join_request": result.join_request,
        }
        return Response(self.OutputSerializer(data).data, status=status.HTTP_201_CREATED)


class InviteDeclineApi(APIView):
    throttle_scope = "invite_accept"
    throttle_classes = GUESS_THROTTLES

    @extend_schema(
        request=None,
        responses={204: None, **error_responses(404)},
        operation_id="invite_decline",
        description="Say no to an invite. Nobody is told. 404 `invite_not_found`.",
    )
    def post(self, request: Request, token: str) -> Response:
        services.invite_decline(token=token, user=request_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- join requests -------------------------------------------------------------------


class JoinRequestListApi(PaginatedApi):
    class OutputSerializer(serializers.ModelSerializer[JoinRequest]):
        user = PersonSerializer()
        decided_by = PersonSerializer(allow_null=True)
        status = serializers.ChoiceField(choices=JoinRequest.Status.choices)

        class Meta:
            model = JoinRequest
            fields = ("id", "user", "status", "created_at", "decided_at", "decided_by")

    @extend_schema(
        responses={200: OutputSerializer(many=True), **error_responses(403)},
        operation_id="circle_request_list",
        description="Owner only: pending requests to join.",
    )
    def get(self, request: Request, circle_id: UUID) -> Response:
        circle = access_circle(request_user(request), circle_id, owner=True)
        pending = selectors.join_request_list_for_circle(circle=circle)
        return self.paginate(request, pending, self.OutputSerializer)


class JoinRequestApproveApi(APIView):
    @extend_schema(
        request=None,
        responses={
            200: JoinRequestListApi.OutputSerializer,
            **error_responses(403, 409),
        },
        operation_id="circle_request_approve",
        description="Owner only. 409 `join_request_decided`, `circle_full`, `already_member`.",
    )
    def post(self, request: Request, circle_id: UUID, request_id: UUID) -> Response:
        me = request_user(request)
        join_request = access_join_request(me, circle_id, request_id)
        decided = services.join_request_approve(join_request=join_request, by=me)
        return Response(JoinRequestListApi.OutputSerializer(decided).data)


class JoinRequestRejectApi(APIView):
    @extend_schema(
        request=None,
        responses={
            200: JoinRequestListApi.OutputSerializer,
            **error_responses(403, 409),
        },
        operation_id="circle_request_reject",
        description="Owner only. 409 `join_request_decided`.",
    )
    def post(self, request: Request, circle_id: UUID, request_id: UUID) -> Response:
        me = request_user(request)
        join_request = access_join_request(me, circle_id, request_id)
        decided = services.join_request_reject(join_request=join_request, by=me)
        return Response(JoinRequestListApi.OutputSerializer(decided).data)


# --- blocks --------------------------------------------------------------------------


class BlockListApi(PaginatedApi):
    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        user = serializers.UUIDField(help_text="The person's id.")

    class OutputSerializer(serializers.ModelSerializer[Block]):
        user = PersonSerializer(source="blocked")

        class Meta:
            model = Block
            fields = ("user", "created_at")

    @extend_schema(
        responses=OutputSerializer(many=True),
        operation_id="block_list",
        description="People I blocked.",
    )
    def get(self, request: Request) -> Response:
        blocks = selectors.block_list_for_user(user=request_user(request))
        return self.paginate(request, blocks, self.OutputSerializer)

    @extend_schema(
        request=InputSerializer,
        responses={201: OutputSerializer, 200: OutputSerializer, **error_responses(404)},
        operation_id="block_create",
        description=(
            "201 when new, 200 when already blocked. Only someone who is or was in a circle "
            "with me; anyone else 404 `not_found` (naming nobody). Blocking yourself: 400 "
            "`cannot_block_self`."
        ),
    )
    def post(self, request: Request) -> Response:
        me = request_user(request)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        person = access_blockable_person(me, serializer.validated_data["user"])
        block, created = services.block_create(blocker=me, blocked=person)
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(self.OutputSerializer(block).data, status=code)


class BlockDetailApi(APIView):
    @extend_schema(responses={204: None}, operation_id="block_delete", description="Unblock.")
    def delete(self, request: Request, user_id: UUID) -> Response:
        services.block_delete(blocker=request_user(request), blocked_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- notification settings -----------------------------------------------------------
# Here, not in notifications: they compose that app's quiet hours with the levels each
# membership holds.

TIME_FORMAT = "%H:%M"


HH_MM = {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$", "example": "22:00"}


@extend_schema_field(HH_MM)
class HourMinuteField(serializers.TimeField):
    """A local time as `HH:MM` (the schema said `format: time`, which is `HH:MM:SS` + offset)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=TIME_FORMAT, input_formats=[TIME_FORMAT], **kwargs)


class NotificationSettingsApi(APIView):
    throttle_scope = "profile_write"

    class OutputSerializer(serializers.Serializer[dict[str, Any]]):
        class QuietHoursSerializer(serializers.Serializer[dict[str, Any]]):
            enabled = serializers.BooleanField()
            start = HourMinuteField(help_text="Local time, HH:MM.")
            end = HourMinuteField(help_text="Local time, HH:MM.")

        class CircleLevelSerializer(serializers.Serializer[dict[str, Any]]):
            class CircleSerializer(serializers.Serializer[dict[str, Any]]):
                id = serializers.UUIDField()
                name = serializers.CharField(allow_null=True)

            circle = CircleSerializer()
            level = serializers.ChoiceField(choices=CircleLevel.choices)

        quiet_hours = QuietHoursSerializer()
        reach_outs_break_quiet_hours = serializers.BooleanField()
        email_when_push_fails = serializers.BooleanField(
            help_text="Email me a friend's reach-out when no push can reach me (default on)."
        )
        circles = CircleLevelSerializer(many=True)

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        class QuietHoursInputSerializer(serializers.Serializer[dict[str, Any]]):
            enabled = serializers.BooleanField(required=False)
            start = HourMinuteField(required=False)
            end = HourMinuteField(required=False)

        class CircleLevelInputSerializer(serializers.Serializer[dict[str, Any]]):
            circle = serializers.UUIDField(help_text="The circle's id.")
            level = serializers.ChoiceField(choices=CircleLevel.choices)

        quiet_hours = QuietHoursInputSerializer(required=False)
        reach_outs_break_quiet_hours = serializers.BooleanField(required=False)
        email_when_push_fails = serializers.BooleanField(required=False)
        circles = serializers.ListField(
            child=CircleLevelInputSerializer(), required=False, max_length=100
        )

        def validate_circles(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
            ids = [item["circle"] for item in value]
            if len(ids) != len(set(ids)):
                raise serializers.ValidationError(
                    gettext("Each circle can appear only once."),
                    code=errors.CircleErrorCode.DUPLICATE_CIRCLE,
                )
            return value

    @extend_schema(responses=OutputSerializer, operation_id="notification_settings_retrieve")
    def get(self, request: Request) -> Response:
        settings = selectors.notification_settings_get(user=request_user(request))
        return Response(self.OutputSerializer(settings).data)

    @extend_schema(
        request=InputSerializer,
        responses=OutputSerializer,
        operation_id="notification_settings_update",
    )
    def patch(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.notification_settings_update(
            user=request_user(request), **serializer.validated_data
        )
        settings = selectors.notification_settings_get(user=request_user(request))
        return Response(self.OutputSerializer(settings).data)

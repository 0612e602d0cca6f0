"""Check-ins: reach-outs, "check on me later" and nudges; answers, seen, close, cancel; home.

Authorization: anonymous 401; anyone who may not see a check-in (not asked, outsider, left
the circle, blocked) 404, through `access.access_checkin`; someone who sees it but may not do
the operation 403 (`requester_only`, `not_asked`); refused transitions 409.
"""

import zoneinfo
from datetime import datetime, tzinfo
from typing import Any
from uuid import UUID

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.apis import PersonSerializer, PersonWithPhoneSerializer, request_user
from backend.checkins import conf, selectors, services
from backend.checkins.access import access_checkin, access_checkin_read
from backend.checkins.models import Answer, CheckIn, Kind, Mode, Status
from backend.checkins.models import Response as CheckinResponse
from backend.checkins.throttling import NudgeThrottle
from backend.circles.access import access_circle
from backend.circles.models import Membership
from backend.common.apis import (
    PAGE_PARAMETERS,
    CircleRefSerializer,
    ErrorSerializer,
    PaginatedApi,
    error_responses,
)
from backend.common.conditional import conditional_get
from backend.common.throttling import throttles_with

# --- shared shapes -------------------------------------------------------------------


class OpenReachOutErrorSerializer(ErrorSerializer):
    """The 409 `open_reach_out_exists` also names the open reach-out."""

    checkin_id = serializers.UUIDField(required=False)


ERRORS = error_responses(400, 403, 404, 409)
# Creating a reach-out: the 409 may be `open_reach_out_exists`, with `checkin_id`.
REACH_OUT_ERRORS = {
    **error_responses(400, 403, 404),
    **error_responses(409, serializer=OpenReachOutErrorSerializer),
}


class NullableModeField(serializers.ChoiceField):
    """A nudge has no mode: `null` rather than an empty string."""

    def to_representation(self, value: Any) -> Any:
        return value or None


class ModeratedMessageField(serializers.CharField):
    """A check-in's message, empty for everyone once moderation hid it."""

    def get_attribute(self, instance: Any) -> str:
        checkin = instance.checkin
        return "" if checkin.message_hidden_at else checkin.message


class CheckinAnswerSerializer(serializers.ModelSerializer[CheckinResponse]):
    responder = PersonSerializer()

    class Meta:
        model = CheckinResponse
        fields: tuple[str, ...] = (
            "id",
            "responder",
            "answer",
            "eta_minutes",
            "eta_from",
            "message",
            "created_at",
            "updated_at",
        )


class CheckinAudienceSerializer(serializers.Serializer[Any]):
    user = PersonWithPhoneSerializer(
        source="member.user",
        help_text="`phone` only for the requester (the friends asked see each other without).",
    )
    delivered_at = serializers.DateTimeField(
        source="member.delivered_at", allow_null=True, read_only=True
    )
    seen_at = serializers.DateTimeField(source="member.seen_at", allow_null=True, required=False)
    mailed_at = serializers.DateTimeField(
        source="member.emailed_at",
        allow_null=True,
        read_only=True,
        help_text="No push could reach them, so the ask went to them by mail (then).",
    )
    via_circle = CircleRefSerializer(
        source="member.via_circle",
        allow_null=True,
        read_only=True,
        help_text=(
            "The other circle they were asked through (the check-in widened past its own); "
            "null for the people of the check-in's circle."
        ),
    )
    response = CheckinAnswerSerializer(allow_null=True)


def _at(field: str) -> serializers.DateTimeField:
    return serializers.DateTimeField(source=f"checkin.{field}", allow_null=True, required=False)


class _CheckinViewSerializer(serializers.Serializer[Any]):
    """The fields of a check-in every view of it shows, in `Meta.fields` order."""

    class Meta:
        fields: tuple[str, ...] = ()

    id = serializers.UUIDField(source="checkin.id", read_only=True)
    kind = serializers.ChoiceField(source="checkin.kind", choices=Kind.choices)
    mode = NullableModeField(source="checkin.mode", choices=Mode.choices, allow_null=True)
    no_need_to_explain = serializers.BooleanField(
        source="checkin.no_need_to_explain", required=False
    )
    just_listen = serializers.BooleanField(source="checkin.just_listen", required=False)
    silence_ok = serializers.BooleanField(source="checkin.silence_ok", required=False)
    message = ModeratedMessageField(max_length=conf.MESSAGE_MAX, allow_blank=True, required=False)
    requester = PersonSerializer(source="checkin.requester")
    circle = CircleRefSerializer(source="checkin.circle")
    created_at = serializers.DateTimeField(source="checkin.created_at", read_only=True)
    scheduled_for = _at("scheduled_for")
    activated_at = _at("activated_at")
    my_role = serializers.ChoiceField(choices=["requester", "asked"])
    my_response = CheckinAnswerSerializer(allow_null=True)
    offer_help = serializers.BooleanField()

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        return {name: fields[name] for name in self.Meta.fields}


_CORE_FIELDS = (
    "id",
    "kind",
    "status",
    "mode",
    "no_need_to_explain",
    "just_listen",
    "silence_ok",
    "message",
    "requester",
    "circle",
    "created_at",
    "scheduled_for",
    "activated_at",
    "my_role",
    "my_response",
    "offer_help",
)


class CheckinSerializer(_CheckinViewSerializer):
    """One check-in as its requester or an asked friend sees it."""

    requester = PersonWithPhoneSerializer(source="checkin.requester")

    status = serializers.ChoiceField(
        source="checkin.status", choices=Status.choices, default=Status.OPEN
    )
    audience = CheckinAudienceSerializer(many=True)
    responses = CheckinAnswerSerializer(many=True)
    answered_at = _at("answered_at")
    nobody_answered_at = _at("nobody_answered_at")
    asked_again_at = _at("asked_again_at")
    closed_at = _at("closed_at")
    closed_by = PersonSerializer(source="checkin.closed_by", allow_null=True)
    expired_at = _at("expired_at")
    cancelled_at = _at("cancelled_at")
    update_line = serializers.CharField(
        max_length=conf.UPDATE_MAX,
        allow_blank=True,
        required=False,
        help_text="The requester's one short line during the session (\"door's open\").",
    )
    update_line_at = _at("update_line_at")
    in_reply_to = serializers.UUIDField(
        source="checkin.in_reply_to_id", allow_null=True, required=False
    )
    cancel_until = serializers.SerializerMethodField(
        help_text="Until when the requester may cancel once it asks (null while scheduled)."
    )

    class Meta:
        fields = (
            *_CORE_FIELDS,
            "cancel_until",
            "audience",
            "responses",
            "answered_at",
            "nobody_answered_at",
            "asked_again_at",
            "closed_at",
            "closed_by",
            "expired_at",
            "cancelled_at",
            "update_line",
            "update_line_at",
            "in_reply_to",
        )

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_cancel_until(self, view: Any) -> datetime | None:
        return conf.cancel_until(view.checkin.activated_at)


class CheckinCompactSerializer(_CheckinViewSerializer):
    """A card on the home screen: what asks me, without everyone else's answers."""

    status = serializers.ChoiceField(source="checkin.status", choices=Status.choices)
    my_seen_at = serializers.DateTimeField(allow_null=True)

    class Meta:
        fields = (*_CORE_FIELDS, "my_seen_at")


def _detail(request: Request, checkin: CheckIn, code: int = status.HTTP_200_OK) -> Response:
    """The check-in as `CheckinSerializer` documents it (the lean read model)."""
    data = selectors.checkin_read(checkin_id=checkin.pk, viewer=request_user(request), gate=False)
    return Response(data, status=code)


class LocalDateTimeField(serializers.DateTimeField):
    """A time without an offset means the person's own timezone, not the server's."""

    def default_timezone(self) -> tzinfo | None:
        request = self.context.get("request")
        name = getattr(getattr(request, "user", None), "timezone", "") or "UTC"
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")


@extend_schema_field(
    {
        "type": "string",
        "format": "date-time",
        # How far ahead a check-on-me may be, for clients to check before asking.
        "x-max-ahead-seconds": int(conf.schedule_max_ahead().total_seconds()),
    }
)
class ScheduledForField(LocalDateTimeField):
    pass


class _AskFieldsSerializer(serializers.Serializer[dict[str, Any]]):
    mode = serializers.ChoiceField(
        choices=Mode.choices, required=False, allow_blank=True, allow_null=True
    )
    no_need_to_explain = serializers.BooleanField(required=False, default=False)
    just_listen = serializers.BooleanField(required=False, default=False)
    silence_ok = serializers.BooleanField(required=False, default=False)
    message = serializers.CharField(
        max_length=conf.MESSAGE_MAX, required=False, allow_blank=True, default=""
    )
    idempotency_key = serializers.CharField(
        max_length=conf.IDEMPOTENCY_KEY_MAX, required=False, allow_blank=True, default=""
    )


class CheckinListApi(PaginatedApi):
    throttle_scope = "checkin_create"
    throttle_classes = throttles_with(NudgeThrottle)

    class InputSerializer(_AskFieldsSerializer):
        kind = serializers.ChoiceField(choices=Kind.choices)
        circle = serializers.UUIDField()
        audience = serializers.ListField(
            child=serializers.UUIDField(), required=False, max_length=100
        )
        scheduled_for = ScheduledForField(required=False, allow_null=True)

    class FilterSerializer(serializers.Serializer[dict[str, Any]]):
        status = serializers.ChoiceField(choices=Status.choices, required=False)

    @extend_schema(
        parameters=[
            OpenApiParameter("status", enum=Status.values, required=False),
            *PAGE_PARAMETERS,
        ],
        responses=CheckinSerializer(many=True),
        operation_id="checkin_list",
        description="Check-ins I made or am asked in, newest first (cursor pagination).",
    )
    @conditional_get
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = selectors.checkin_list_rows(
            user=request_user(request), status=filters.validated_data.get("status")
        )
        return self.paginate(request, rows, read_model=selectors.full_reads)

    @extend_schema(
        request=InputSerializer,
        responses={201: CheckinSerializer, 200: CheckinSerializer, **REACH_OUT_ERRORS},
        operation_id="checkin_create",
        description=(
            "Reach out, ask to be checked on later, or nudge one friend. `audience` defaults to "
            "everyone else in the circle (a nudge needs exactly one); people you blocked are "
            "left out, and people who blocked you are listed but never told (so a block "
            "isn't revealed). A `scheduled_for` without an offset is "
            "read in your timezone. The same `idempotency_key` again answers 200 with the "
            "check-in made the first time. Errors: 400 `empty_audience`, `not_in_circle`, "
            "`nudge_needs_one` (attr audience), `required`, `not_in_future`, `too_far_ahead`, "
            "`not_allowed`; 404 circle not yours; 409 `open_reach_out_exists` (with "
            "`checkin_id`), `too_many_scheduled` (enough check-on-mes already wait), "
            "`scheduled_too_close` (another waits near that time; with `checkin_id`); 429 "
            "`nudge_limit` (that friend had enough nudges today; `Retry-After`) or `throttled`."
        ),
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        me = request_user(request)
        circle = access_circle(me, data.pop("circle"))
        checkin, created = services.checkin_create(
            requester=me,
            circle=circle,
            kind=data.pop("kind"),
            audience=data.pop("audience", None),
            mode=data.pop("mode", "") or "",
            **data,
        )
        return _detail(request, checkin, status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class CheckinDetailApi(APIView):
    @extend_schema(
        responses={200: CheckinSerializer, **error_responses(404)},
        operation_id="checkin_retrieve",
        description="One check-in with its audience (delivered/seen), responses and status.",
    )
    @conditional_get
    def get(self, request: Request, checkin_id: UUID) -> Response:
        return Response(access_checkin_read(request_user(request), checkin_id))


class CheckinRespondApi(APIView):
    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        answer = serializers.ChoiceField(choices=Answer.choices)
        eta_minutes = serializers.IntegerField(
            min_value=1, max_value=conf.ETA_MAX_MINUTES, required=False, allow_null=True
        )
        message = serializers.CharField(
            max_length=conf.MESSAGE_MAX, required=False, allow_blank=True, default=""
        )

    class OutputSerializer(CheckinAnswerSerializer):
        hint = serializers.SerializerMethodField()

        class Meta(CheckinAnswerSerializer.Meta):
            fields = (*CheckinAnswerSerializer.Meta.fields, "hint")

        @extend_schema_field(serializers.CharField(allow_null=True))
        def get_hint(self, response: CheckinResponse) -> str | None:
            """`reach_back`: you said "I need you" to a nudge; offer the one-tap reach-out
            to its sender (POST /api/v1/checkins/{id}/reach-back/)."""
            return "reach_back" if response.answer == Answer.NEED_YOU else None

    @extend_schema(
        request=InputSerializer,
        responses={201: OutputSerializer, 200: OutputSerializer, **ERRORS},
        operation_id="checkin_respond",
        description=(
            "Asked friends only (the requester: 403 `not_asked`). 201 the first time, 200 when "
            "it replaces your earlier answer. Errors: 400 `invalid_answer` (attr answer), 409 "
            "`checkin_not_open`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_checkin(me, checkin_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        response, created = services.checkin_respond(
            checkin=checkin, responder=me, **serializer.validated_data
        )
        return Response(
            self.OutputSerializer(response).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class CheckinSeenApi(APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        seen_at = serializers.DateTimeField()

    @extend_schema(
        request=None,
        responses={200: OutputSerializer, **ERRORS},
        operation_id="checkin_seen",
        description="Asked friends mark it seen; idempotent (the first time is kept).",
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        seen_at = services.checkin_mark_seen(checkin=access_checkin(me, checkin_id), user=me)
        return Response(self.OutputSerializer({"seen_at": seen_at}).data)


class CheckinDismissApi(APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        dismissed_at = serializers.DateTimeField()

    @extend_schema(
        request=None,
        responses={200: OutputSerializer, **ERRORS},
        operation_id="checkin_dismiss",
        description=(
            "Asked friends put its card away from their home (after answering a nudge "
            '"Could use you", the "reach out to them?" prompt stays until then or until they '
            "reach back). Idempotent. Errors: 403 `not_asked`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        at = services.checkin_dismiss(checkin=access_checkin(me, checkin_id), user=me)
        return Response(self.OutputSerializer({"dismissed_at": at}).data)


class CheckinCloseApi(APIView):
    @extend_schema(
        request=None,
        responses={200: CheckinSerializer, **ERRORS},
        operation_id="checkin_close",
        description=(
            'Requester: "I\'m okay now". Errors: 403 `requester_only`, 409 `already_closed`, '
            "`checkin_not_open`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = services.checkin_close(checkin=access_checkin(me, checkin_id), by=me)
        return _detail(request, checkin)


class CheckinCancelApi(APIView):
    @extend_schema(
        request=None,
        responses={200: CheckinSerializer, **ERRORS},
        operation_id="checkin_cancel",
        description=(
            "Requester takes it back: any time while scheduled, else within the cancel window "
            "(2 minutes) of it starting to ask. Errors: 403 `requester_only`, 409 "
            "`cancel_window_passed`, `already_closed`, `checkin_not_open`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = services.checkin_cancel(checkin=access_checkin(me, checkin_id), by=me)
        return _detail(request, checkin)


class CheckinAskAgainApi(APIView):
    throttle_scope = "checkin_create"

    @extend_schema(
        request=None,
        responses={200: CheckinSerializer, **ERRORS},
        operation_id="checkin_ask_again",
        description=(
            "Requester: ask the people who haven't answered once more (the same check-in). "
            "Once per check-in. Errors: 403 `requester_only`, 409 `already_asked_again`, "
            "`checkin_not_open`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = services.checkin_ask_again(checkin=access_checkin(me, checkin_id), by=me)
        return _detail(request, checkin)


class CheckinAddPeopleApi(APIView):
    throttle_scope = "checkin_create"

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        people = serializers.ListField(child=serializers.UUIDField(), max_length=100)
        circle = serializers.UUIDField(required=False, allow_null=True)

    @extend_schema(
        request=InputSerializer,
        responses={200: CheckinSerializer, **ERRORS},
        operation_id="checkin_add_people",
        description=(
            "Requester: ask more people in this same check-in (they join its audience and are "
            "asked now): of its circle, or of another circle the requester shares with them "
            "(`circle`: that circle; without it, any circle both are in). Only the people "
            "asked see it, never the rest of another circle. Errors: 400 `required`, "
            "`already_asked`, `not_in_circle` (attr people: not a circle mate, or not in "
            "`circle`; attr circle: the requester isn't in it), `empty_audience`; 403 "
            "`requester_only`; 409 `checkin_not_open`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_checkin(me, checkin_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        checkin = services.checkin_add_people(
            checkin=checkin,
            by=me,
            people=serializer.validated_data["people"],
            circle_id=serializer.validated_data.get("circle"),
        )
        return _detail(request, checkin)


class CheckinUpdateApi(APIView):
    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        text = serializers.CharField(max_length=conf.UPDATE_MAX, allow_blank=True)

    @extend_schema(
        request=InputSerializer,
        responses={200: CheckinSerializer, **ERRORS},
        operation_id="checkin_update",
        description=(
            "Requester: one short line everyone asked sees during the session (\"door's "
            'open"); it replaces the one before, an empty one removes it. Errors: 400 '
            "`max_length` (attr text); 403 `requester_only`; 409 `checkin_not_open`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_checkin(me, checkin_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        checkin = services.checkin_set_update(
            checkin=checkin, by=me, text=serializer.validated_data["text"]
        )
        return _detail(request, checkin)


class CheckinReachBackApi(APIView):
    throttle_scope = "checkin_create"

    class InputSerializer(_AskFieldsSerializer):
        mode = serializers.ChoiceField(choices=Mode.choices)

    @extend_schema(
        request=InputSerializer,
        responses={201: CheckinSerializer, 200: CheckinSerializer, **REACH_OUT_ERRORS},
        operation_id="checkin_reach_back",
        description=(
            "The friend who was nudged reaches out to the nudge's sender (a reach-out in the "
            "same circle, audience = [sender]). Same errors as creating a reach-out, plus 403 "
            "`not_asked`, 409 `not_a_nudge`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        nudge = access_checkin(me, checkin_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        checkin, created = services.checkin_reach_back(
            nudge=nudge, by=me, **serializer.validated_data
        )
        return _detail(request, checkin, status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class HomeCircleSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()
    my_role = serializers.ChoiceField(choices=Membership.Role.choices)


class HomeApi(APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        me = PersonSerializer()
        circles = HomeCircleSerializer(many=True)
        my_open_checkin = CheckinSerializer(allow_null=True)
        my_scheduled = CheckinCompactSerializer(many=True)
        asking_me = CheckinCompactSerializer(many=True)
        pending_nudges = CheckinCompactSerializer(many=True)
        offer_help = serializers.BooleanField()

    @extend_schema(
        responses=OutputSerializer,
        operation_id="home_retrieve",
        description=(
            "Everything the first paint needs: me, my circles, my open reach-out or "
            "check-on-me (`my_open_checkin`, full), my scheduled check-ons, what asks me "
            "(`asking_me`), nudges waiting for my answer, and `offer_help`."
        ),
    )
    @conditional_get
    def get(self, request: Request) -> Response:
        return Response(selectors.home_read(user=request_user(request)))
